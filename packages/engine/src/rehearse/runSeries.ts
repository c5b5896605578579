import type { BatonMap } from '../schema/map.ts';
import type { Histogram, RunSeries } from '../schema/rehearsal.ts';
import type { SimulationResult } from '../simulate/simulationResult.ts';
import type { SimulationTraceEvent } from '../simulate/simulationTrace.ts';

/** Round slice widths, in seconds, a chart's axis reads well in. */
const NICE_SEC = [1, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10_800, 21_600, 43_200, 86_400, 172_800, 604_800];

/** The smallest round width that cuts `spanSec` into at most `most` slices. */
export function niceStep(spanSec: number, most: number): number {
  const wanted = spanSec / Math.max(1, most);
  return NICE_SEC.find((s) => s >= wanted) ?? Math.ceil(wanted / 604_800) * 604_800;
}

/**
 * How `values` (seconds) spread, in round-width bins from 0 (at most `most` bins, empty ones
 * included so a chart shows the gaps).
 * @example histogram([30, 70, 75], 10) // [{ fromSec: 0, toSec: 60, count: 1 }, { fromSec: 60, toSec: 120, count: 2 }]
 */
export function histogram(values: readonly number[], most = 24): Histogram {
  if (values.length === 0) return [];
  let top = 0;
  for (const v of values) if (v > top) top = v;
  const width = niceStep(top + 1, most);
  const bins = Math.floor(top / width) + 1;
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.floor(v / width)]!++;
  return counts.map((count, i) => ({ fromSec: i * width, toSec: (i + 1) * width, count }));
}

/**
 * Folds a simulation's trace (`SimulateOptions.onTrace`) into the figures a chart draws over time:
 * per team the cases waiting in its queue, and the deadlines missed. Give `add` to `onTrace`, then
 * call `finish` with the result.
 * @example const series = new RunSeriesCollector(map); const result = simulateMap(map, scenario, { onTrace: series.add }); series.finish(result, endSec)
 */
export class RunSeriesCollector {
  private readonly teamOf = new Map<string, string>();
  /** Per team, the instants (ms) its queue grew (+1) or shrank (−1), in time order. */
  private readonly moves = new Map<string, { at: number[]; step: number[] }>();
  /** The team each waiting case waits for. */
  private readonly waiting = new Map<string, string>();
  private readonly breachAt: number[] = [];
  private lastMs = 0;

  constructor(map: Pick<BatonMap, 'nodes' | 'teams'>) {
    for (const n of map.nodes) if (n.type === 'pass') this.teamOf.set(n.id, n.to.team);
    for (const t of map.teams) this.moves.set(t.id, { at: [], step: [] });
  }

  private move(team: string, at: number, step: number) {
    let m = this.moves.get(team);
    if (!m) this.moves.set(team, (m = { at: [], step: [] }));
    m.at.push(at);
    m.step.push(step);
  }

  /** One trace event. */
  readonly add = (e: SimulationTraceEvent): void => {
    this.lastMs = e.atMs;
    if (e.type === 'breach') {
      this.breachAt.push(e.atMs);
      return;
    }
    if (e.type === 'enter') {
      const team = this.teamOf.get(e.node);
      if (team === undefined) return;
      this.waiting.set(e.case, team);
      this.move(team, e.atMs, 1);
      return;
    }
    // A pick-up, or leaving before anyone took it, ends the wait.
    const team = this.waiting.get(e.case);
    if (team === undefined) return;
    this.waiting.delete(e.case);
    this.move(team, e.atMs, -1);
  };

  /** The series, sliced into at most `slices` round slices of the run's `endSec` (default: its last event). */
  finish(result: SimulationResult, endSec?: number, slices = 60): RunSeries {
    const end = Math.max(1, endSec ?? Math.ceil(this.lastMs / 1000));
    const bucketSec = niceStep(end, slices);
    const count = Math.max(1, Math.ceil(end / bucketSec));
    const slice = (ms: number) => Math.min(count - 1, Math.floor(ms / 1000 / bucketSec));
    const queue: Record<string, number[]> = {};
    for (const [team, m] of this.moves) {
      const most = new Array<number>(count).fill(0);
      let depth = 0;
      let i = 0;
      for (let b = 0; b < count; b++) {
        // What waits as the slice opens counts in it too.
        most[b] = depth;
        const closes = (b + 1) * bucketSec * 1000;
        while (i < m.at.length && (m.at[i]! < closes || b === count - 1)) {
          depth += m.step[i]!;
          if (depth > most[b]!) most[b] = depth;
          i++;
        }
      }
      queue[team] = most;
    }
    const breaches = new Array<number>(count).fill(0);
    for (const at of this.breachAt) breaches[slice(at)]!++;
    const pickups: number[] = [];
    const resolutions: number[] = [];
    for (const c of result.cases) {
      if (c.pickupSec !== undefined) pickups.push(c.pickupSec);
      if (c.resolvedSec !== undefined) resolutions.push(c.resolvedSec);
    }
    return { bucketSec, endSec: end, queue, breaches, pickup: histogram(pickups), resolved: histogram(resolutions) };
  }
}
