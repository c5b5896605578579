/**
 * The review's rehearsal: each scenario run on the version under review and on the active one,
 * one after another in Simulate mode's Web Worker (`startWorker`), with progress. Nothing here
 * waits on the approver, nor the approver on it; leaving review (or the map) stops the run.
 */
import { useEffect, useState } from 'react';
import { validateMap, validateScenario } from '@baton/engine';
import type { BatonMap, Scenario } from '@baton/engine';
import { startWorker } from '../../simulation/startWorker.ts';
import type { WorkerRun } from '../../simulation/startWorker.ts';
import type { RunMetrics } from './rehearsalCompare.ts';

/** A scenario to rehearse: a shipped one of the map, or one the approver imported or built. */
export interface RehearsalScenario {
  key: string;
  label: string;
  mentions: number | null;
  document: unknown;
}

/** One run of one scenario on one version. */
export type RehearsalRun =
  | { status: 'waiting' }
  | { status: 'running'; done: number; total: number }
  | { status: 'done'; metrics: RunMetrics }
  /** The scenario does not fit the version, or the version has errors: not run. */
  | { status: 'unfit'; message: string }
  | { status: 'failed'; message: string };

export type Side = 'submitted' | 'active';

/** Runs by scenario key, then by side (`active` absent when nothing is active). */
export type RehearsalRuns = Record<string, Partial<Record<Side, RehearsalRun>>>;

/**
 * Rehearses `scenarios` on `submitted` and on `active` (null: nothing active; undefined: still
 * loading, so nothing starts yet) while `enabled`. Returns the runs as they progress.
 */
export function useRehearsal(enabled: boolean, scenarios: RehearsalScenario[], submitted: BatonMap | null, active: BatonMap | null | undefined): RehearsalRuns {
  const [runs, setRuns] = useState<RehearsalRuns>({});
  useEffect(() => {
    if (!enabled || !submitted || active === undefined || scenarios.length === 0) {
      setRuns({});
      return;
    }
    let live = true;
    let current: WorkerRun | null = null;
    const sides: [Side, BatonMap][] = active ? [['submitted', submitted], ['active', active]] : [['submitted', submitted]];
    const jobs = scenarios.flatMap((s) => sides.map(([side, map]) => ({ scenario: s, side, map })));
    const put = (key: string, side: Side, run: RehearsalRun) => {
      if (live) setRuns((r) => ({ ...r, [key]: { ...r[key], [side]: run } }));
    };
    setRuns(Object.fromEntries(scenarios.map((s) => [s.key, Object.fromEntries(sides.map(([side]) => [side, { status: 'waiting' }]))])));

    // A version with errors is not rehearsed; say so once per version rather than failing in the worker.
    const mapErrors = new Map(sides.map(([side, map]) => {
      const errors = validateMap(map).problems.filter((p) => p.severity === 'error');
      return [side, errors.length ? `This version has ${errors.length} validation error${errors.length > 1 ? 's' : ''}; it was not rehearsed.` : null];
    }));

    void (async () => {
      for (const { scenario, side, map } of jobs) {
        if (!live) return;
        const unfitMap = mapErrors.get(side);
        if (unfitMap) {
          put(scenario.key, side, { status: 'unfit', message: unfitMap });
          continue;
        }
        const problem = validateScenario(scenario.document, map).problems.find((p) => p.severity === 'error');
        if (problem) {
          put(scenario.key, side, { status: 'unfit', message: `The scenario does not fit this version: ${problem.message}` });
          continue;
        }
        put(scenario.key, side, { status: 'running', done: 0, total: 0 });
        try {
          const job = startWorker(map, scenario.document as Scenario, (done, total) => current === job && put(scenario.key, side, { status: 'running', done, total }));
          current = job;
          const output = await job.done;
          put(scenario.key, side, { status: 'done', metrics: output.result.metrics });
        } catch (e) {
          put(scenario.key, side, { status: 'failed', message: e instanceof Error ? e.message : String(e) });
        }
      }
      current = null;
    })();
    return () => {
      live = false;
      current?.cancel();
      current = null;
    };
  }, [enabled, scenarios, submitted, active]);
  return runs;
}
