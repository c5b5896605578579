/**
 * What the page and the simulation worker say to each other.
 */
import type { BatonMap, RunSeries, Scenario, SimulationResult } from '@baton/engine';
import type { NodeTimelines } from './nodeMoments.ts';

/** Page → worker: run this map against this scenario. */
export interface RunRequest {
  type: 'run';
  map: BatonMap;
  scenario: Scenario;
}

/** A finished run: the engine's result, plus when each case arrived and when the run ended (seconds from the start). */
export interface SimulationOutput {
  result: SimulationResult;
  /** `arrivalSec[i]` is when `result.cases[i]` arrived. */
  arrivalSec: number[];
  endSec: number;
  /** What each node held over the run (from the engine's trace), for the badges at a scrubbed moment. */
  nodes: NodeTimelines;
  /** Queue depth per team and missed deadlines over time, pick-up and resolution spreads, for the charts. */
  series: RunSeries;
}

/** Worker → page. */
export type WorkerReply =
  | { type: 'progress'; done: number; total: number }
  | ({ type: 'done' } & SimulationOutput)
  | { type: 'error'; message: string };
