/**
 * How many cases are open, and how many still wait for a first pick-up, at each moment of a run —
 * computed from the result's cases (arrival order + `pickupSec` / `resolvedSec`).
 */
import type { SimulatedCase } from '@baton/engine';

/** One point of the timeline. */
export interface OpenCasesPoint {
  /** Seconds from the scenario start. */
  t: number;
  /** Cases started and not yet at their end. */
  open: number;
  /** Of those, cases nobody has picked up yet. */
  waiting: number;
}

/** The moment a case stops being open (its end, else the end of the run), or null for an unrouted mention. */
function closesAt(c: SimulatedCase, arrival: number, endSec: number): number | null {
  if (c.status === 'unrouted') return null;
  return c.resolvedSec !== undefined ? arrival + c.resolvedSec : endSec;
}

/** Open and waiting cases at `t` (seconds from the start); `arrivalSec[i]` is when `cases[i]` arrived. */
export function countsAt(cases: SimulatedCase[], arrivalSec: number[], endSec: number, t: number): { open: number; waiting: number } {
  let open = 0;
  let waiting = 0;
  cases.forEach((c, i) => {
    const arrival = arrivalSec[i] ?? 0;
    const closes = closesAt(c, arrival, endSec);
    if (closes === null || t < arrival || t >= closes) return;
    open++;
    const picked = c.pickupSec !== undefined ? arrival + c.pickupSec : closes;
    if (t < picked) waiting++;
  });
  return { open, waiting };
}

/**
 * The timeline as `points + 1` evenly spaced samples from 0 to `endSec`, in one sweep over the
 * case boundaries (a 1,000-case spike costs a few thousand steps, not cases × samples).
 */
export function openCasesSeries(cases: SimulatedCase[], arrivalSec: number[], endSec: number, points = 120): OpenCasesPoint[] {
  const end = Math.max(0, endSec);
  const steps = Math.max(1, Math.floor(points));
  // +1 at a start, −1 at an end, for open and for waiting.
  const openDelta: [number, number][] = [];
  const waitDelta: [number, number][] = [];
  cases.forEach((c, i) => {
    const arrival = arrivalSec[i] ?? 0;
    const closes = closesAt(c, arrival, end);
    if (closes === null || closes <= arrival) return;
    openDelta.push([arrival, 1], [closes, -1]);
    const picked = Math.min(closes, c.pickupSec !== undefined ? arrival + c.pickupSec : closes);
    if (picked > arrival) waitDelta.push([arrival, 1], [picked, -1]);
  });
  const byTime = (a: [number, number], b: [number, number]) => a[0] - b[0];
  openDelta.sort(byTime);
  waitDelta.sort(byTime);
  const series: OpenCasesPoint[] = [];
  let oi = 0;
  let wi = 0;
  let open = 0;
  let waiting = 0;
  for (let s = 0; s <= steps; s++) {
    const t = (end * s) / steps;
    while (oi < openDelta.length && openDelta[oi]![0] <= t) open += openDelta[oi++]![1];
    while (wi < waitDelta.length && waitDelta[wi]![0] <= t) waiting += waitDelta[wi++]![1];
    series.push({ t, open, waiting });
  }
  return series;
}

/** The end of a run for the timeline: `until` when the scenario sets it, else the last arrival, pick-up or end. */
export function runEndSec(cases: SimulatedCase[], arrivalSec: number[], untilSec: number | null): number {
  if (untilSec !== null) return untilSec;
  let end = 0;
  cases.forEach((c, i) => {
    const arrival = arrivalSec[i] ?? 0;
    end = Math.max(end, arrival, arrival + (c.pickupSec ?? 0), arrival + (c.resolvedSec ?? 0));
  });
  return end;
}
