import type { Evidence, ScenarioEvidence } from '@baton/engine';
import { and, asc, eq, sql } from 'drizzle-orm';
import { iso } from '../clock.ts';
import { evidenceOverrides, versionEvidence } from '../db/schema.ts';
import { findVersion, userNames } from '../maps/mapVersions.ts';

type Tx = Parameters<typeof findVersion>[0];

/**
 * The evidence stored with a version (`GET /api/maps/:id/versions/:version/evidence`): each kept
 * scenario's runs on it and on the version active when it was submitted, the bars that failed, and
 * an admin's override if one was given. A scenario that could not run fails: its bars were not shown to pass.
 */
export function evidenceOf(db: Tx, mapId: string, version: number): Evidence {
  const rows = db.select().from(versionEvidence)
    .where(and(eq(versionEvidence.mapId, mapId), eq(versionEvidence.version, version)))
    .orderBy(asc(versionEvidence.createdAt), sql`rowid`).all();
  const scenarios: ScenarioEvidence[] = rows.map((r) => ({
    scenarioId: r.scenarioId,
    name: r.name,
    mustPass: r.mustPass,
    state: r.state as ScenarioEvidence['state'],
    ...(r.message ? { message: r.message } : {}),
    passed: r.state === 'running' ? null : r.passed ?? false,
    submitted: r.submitted ?? null,
    active: r.active ?? null,
  }));
  const failedBars = scenarios.flatMap((s) => {
    if (s.state === 'failed') return [{ scenario: s.name, sentence: `“${s.name}” could not run: ${s.message ?? 'no reason given'}` }];
    return (s.submitted?.bars ?? []).filter((b) => !b.passed).map((b) => ({ scenario: s.name, sentence: b.sentence }));
  });
  const running = scenarios.some((s) => s.state === 'running');
  const o = db.select().from(evidenceOverrides).where(and(eq(evidenceOverrides.mapId, mapId), eq(evidenceOverrides.version, version))).get();
  const names = o ? userNames(db, [o.by]) : new Map<string, string>();
  return {
    map: mapId,
    version,
    activeVersion: rows[0]?.activeVersion ?? null,
    state: scenarios.length === 0 ? 'none' : running ? 'running' : 'done',
    passed: scenarios.length === 0 || running ? null : failedBars.length === 0,
    failedBars,
    scenarios,
    override: o ? { by: names.get(o.by) ?? o.by, reason: o.reason, at: iso(o.at)! } : null,
  };
}
