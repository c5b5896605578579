import { Worker } from 'node:worker_threads';
import { mapSchema, scenarioSchema, type BatonMap } from '@baton/engine';
import { and, asc, eq, sql } from 'drizzle-orm';
import { mapScenarios, mapVersions, versionEvidence } from '../db/schema.ts';
import type { Runtime } from '../Runtime.ts';
import { findVersion } from '../maps/mapVersions.ts';
import { runEvidenceJob, type EvidenceJob, type EvidenceOutcome } from './evidenceJob.ts';

type Tx = Parameters<typeof findVersion>[0];

/**
 * Mentions (all scenarios, both versions) a submission may rehearse in the request; a larger
 * rehearsal runs in a worker thread, and the evidence reads `running` until it is done.
 */
export const INLINE_MENTIONS = 5_000;

/** How many mentions a scenario document expands to (0 when it does not parse). */
function mentionCount(document: unknown): number {
  const parsed = scenarioSchema.safeParse(document);
  if (!parsed.success) return 0;
  return (parsed.data.mentions?.length ?? 0) + (parsed.data.generate ?? []).reduce((n, g) => n + g.count, 0);
}

/**
 * Inside the submit transaction: records, for each kept scenario of the map, an evidence row
 * `running` with the scenario's bars as they are now. Returns the job to run once committed, or
 * null when the map keeps no scenario.
 */
export function prepareEvidence(tx: Tx, mapId: string, version: number, document: BatonMap, now: number): EvidenceJob | null {
  const kept = tx.select().from(mapScenarios).where(eq(mapScenarios.mapId, mapId)).orderBy(asc(mapScenarios.createdAt), sql`rowid`).all();
  if (!kept.length) return null;
  let active: EvidenceJob['active'] = null;
  try {
    const row = findVersion(tx, mapId, 'active');
    active = { version: row.version, map: mapSchema.parse(row.document) };
  } catch {
    active = null; // nothing approved yet
  }
  for (const k of kept) {
    tx.insert(versionEvidence).values({
      mapId, version, scenarioId: k.id, name: k.name, mustPass: k.mustPass, state: 'running', activeVersion: active?.version ?? null, createdAt: now,
    }).onConflictDoNothing().run();
  }
  return { submitted: { version, map: document }, active, scenarios: kept.map((k) => ({ id: k.id, scenario: k.scenario, mustPass: k.mustPass })) };
}

/** Stores one scenario's outcome on its evidence row and tells live views. */
function store(rt: Runtime, mapId: string, version: number, { id, outcome }: EvidenceOutcome): void {
  const where = and(eq(versionEvidence.mapId, mapId), eq(versionEvidence.version, version), eq(versionEvidence.scenarioId, id));
  const finishedAt = rt.clock.now();
  if (outcome.ok) {
    rt.db.update(versionEvidence).set({ state: 'done', passed: outcome.passed, submitted: outcome.submitted, active: outcome.active, finishedAt }).where(where).run();
  } else {
    rt.db.update(versionEvidence).set({ state: 'failed', passed: false, message: outcome.message, finishedAt }).where(where).run();
  }
  const state = rt.db.select({ state: mapVersions.state }).from(mapVersions).where(and(eq(mapVersions.mapId, mapId), eq(mapVersions.version, version))).get()?.state;
  if (state) rt.bus.publish({ type: 'map', data: { id: mapId, version, state, change: 'evidence' } });
}

/**
 * Rehearses a submission and stores its evidence. A small one runs here and now (the submit
 * answer already carries the evidence); a larger one runs in a worker thread so the server keeps
 * answering, and the promise settles when it is stored.
 */
export function runEvidence(rt: Runtime, mapId: string, job: EvidenceJob): Promise<void> {
  const size = job.scenarios.reduce((n, s) => n + mentionCount(s.scenario), 0) * (job.active ? 2 : 1);
  const version = job.submitted.version;
  if (size <= INLINE_MENTIONS) {
    runEvidenceJob(job, (o) => store(rt, mapId, version, o));
    return Promise.resolve();
  }
  return new Promise((resolve) => {
    const pending = new Set(job.scenarios.map((s) => s.id));
    const worker = new Worker(new URL('./evidenceWorker.mjs', import.meta.url), { workerData: job });
    worker.on('message', (o: EvidenceOutcome) => {
      pending.delete(o.id);
      store(rt, mapId, version, o);
    });
    const finish = (why: string | null) => {
      // Whatever did not finish says so rather than running forever.
      for (const id of pending) store(rt, mapId, version, { id, outcome: { ok: false, message: why ?? 'The rehearsal stopped before this scenario ran' } });
      pending.clear();
      resolve();
    };
    worker.on('error', (e) => {
      rt.log.error({ msg: 'evidence worker failed', mapId, version, error: e.message });
      finish(`The rehearsal stopped: ${e.message}`);
    });
    worker.on('exit', () => finish(null));
  });
}
