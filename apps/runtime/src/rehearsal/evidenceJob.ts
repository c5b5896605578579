/**
 * One submission's rehearsal as plain data, so it can run in the request or in a worker thread:
 * every kept scenario on the submitted version and on the active one (docs/scenarios.md).
 */
import { compileMap, rehearseScenario, scenarioSchema, type Bar, type BatonMap, type ScenarioRehearsal } from '@baton/engine';

/** What to rehearse. */
export interface EvidenceJob {
  submitted: { version: number; map: BatonMap };
  active: { version: number; map: BatonMap } | null;
  scenarios: { id: string; scenario: unknown; mustPass: Bar[] }[];
}

/** Each scenario's outcome, by scenario id. */
export interface EvidenceOutcome {
  id: string;
  outcome: ScenarioRehearsal;
}

/** Runs `job`, handing each scenario's outcome to `done` as it finishes (each map compiled once). */
export function runEvidenceJob(job: EvidenceJob, done: (o: EvidenceOutcome) => void): void {
  const submitted = { ...job.submitted, compiled: compileMap(job.submitted.map) };
  const active = job.active ? { ...job.active, compiled: compileMap(job.active.map) } : null;
  for (const kept of job.scenarios) {
    const parsed = scenarioSchema.safeParse(kept.scenario);
    if (!parsed.success) {
      done({ id: kept.id, outcome: { ok: false, message: 'The kept scenario no longer fits the scenario format' } });
      continue;
    }
    try {
      done({ id: kept.id, outcome: rehearseScenario(submitted, active, parsed.data, kept.mustPass) });
    } catch (e) {
      done({ id: kept.id, outcome: { ok: false, message: `The rehearsal stopped: ${e instanceof Error ? e.message : String(e)}` } });
    }
  }
}
