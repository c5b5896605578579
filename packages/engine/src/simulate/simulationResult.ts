import type { Percentiles, SimulatedCase } from '../contracts/simulationResult.ts';

export type { Percentiles, SimulatedCase, SimulationResult } from '../contracts/simulationResult.ts';

/** Nearest-rank percentiles (p50, p90, max) of a list of values. */
export function percentiles(values: number[]): Percentiles {
  if (values.length === 0) return { p50: null, p90: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] as number;
  return { p50: rank(50), p90: rank(90), max: sorted[sorted.length - 1] as number };
}

/** The case counts and times of a run's metrics, from its rows (unrouted rows included). */
export function caseMetrics(rows: readonly SimulatedCase[]) {
  // One pass over the rows: a large run has 100,000 of them.
  let cases = 0;
  let ended = 0;
  let breaches = 0;
  const pickups: number[] = [];
  const resolutions: number[] = [];
  for (const c of rows) {
    if (c.status === 'unrouted') continue;
    cases++;
    if (c.status === 'ended') ended++;
    breaches += c.breaches.length;
    if (c.pickupSec !== undefined) pickups.push(c.pickupSec);
    if (c.resolvedSec !== undefined) resolutions.push(c.resolvedSec);
  }
  return {
    cases,
    unrouted: rows.length - cases,
    ended,
    open: cases - ended,
    breaches,
    pickupSec: percentiles(pickups),
    resolvedSec: percentiles(resolutions),
  };
}

/** Puts a row's keys in the order docs/scenarios.md#the-result lists them, so the JSON reads the same everywhere. */
export function orderRow(row: SimulatedCase): SimulatedCase {
  const out: SimulatedCase = { mention: row.mention } as SimulatedCase;
  if (row.case !== undefined) out.case = row.case;
  if (row.trigger !== undefined) out.trigger = row.trigger;
  out.path = row.path;
  out.status = row.status;
  if (row.end !== undefined) out.end = row.end;
  out.breaches = row.breaches;
  out.teams = row.teams;
  if (row.pickupSec !== undefined) out.pickupSec = row.pickupSec;
  if (row.resolvedSec !== undefined) out.resolvedSec = row.resolvedSec;
  return out;
}
