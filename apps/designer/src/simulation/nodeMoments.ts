/**
 * What each node holds at any moment of a run, from the engine's trace: how many cases wait in a
 * pass's queue, how many are being worked, and how many deadlines were missed there so far.
 *
 * The worker folds the trace into a few sorted arrays of seconds per node; a moment is then a
 * handful of binary searches, so scrubbing or playing through a spike of thousands of cases never
 * scans them.
 */
import type { SimulationTraceEvent } from '@baton/engine';

/** One node's event times, in seconds from the scenario start, each array sorted ascending. */
export interface NodeMoments {
  /** True for a pass (cases wait and are worked there); other nodes are passed through at once. */
  pass: boolean;
  /** Cases entering the node (at a pass: joining its queue). */
  enter: Float64Array;
  /** Cases stopping waiting at this pass: picked up, or moved on before anyone took them. */
  unqueue: Float64Array;
  /** Cases picked up here. */
  pickup: Float64Array;
  /** Picked-up cases leaving (their work here is over). */
  release: Float64Array;
  /** Deadlines missed here. */
  breach: Float64Array;
}

/** The nodes of a run by id. */
export type NodeTimelines = Record<string, NodeMoments>;

/** A node at one moment. */
export interface NodeMoment {
  /** Cases that entered it so far. */
  entered: number;
  /** Cases in its queue, not yet picked up. */
  waiting: number;
  /** Cases a member is working on here. */
  working: number;
  /** Deadlines missed here so far. */
  missed: number;
}

/** How many of the sorted `times` are at or before `t`. */
export function countUpTo(times: Float64Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A node at second `t`. Visits are half-open: a case that enters at 10 and is picked up at 30 waits
 * at 10 and at 29.9, not at 30; one entered and picked up in the same instant never waits.
 */
export function momentAt(node: NodeMoments, t: number): NodeMoment {
  const entered = countUpTo(node.enter, t);
  return {
    entered,
    waiting: node.pass ? entered - countUpTo(node.unqueue, t) : 0,
    working: countUpTo(node.pickup, t) - countUpTo(node.release, t),
    missed: countUpTo(node.breach, t),
  };
}

/** Every number on the simulation badges, written one way: digits grouped in thousands ("1,150"). */
export const count = (n: number) => n.toLocaleString('en');

const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

/** A node's totals at the end of a run in words ("1,150 cases entered, 12 missed deadlines"), for badges. */
export function totalWords(entered: number, breaches: number): string {
  return `${plural(entered, 'case', 'cases')} entered${breaches ? `, ${plural(breaches, 'missed deadline', 'missed deadlines')}` : ''}`;
}

/** A node at a moment in words ("12 waiting, 3 being worked, 2 missed deadlines so far at 09:42"), for badges. */
export function momentWords(moment: NodeMoment, pass: boolean, clock: string): string {
  const missed = moment.missed ? `, ${plural(moment.missed, 'missed deadline', 'missed deadlines')} so far` : '';
  if (!pass) return `${plural(moment.entered, 'case', 'cases')} entered so far${missed} at ${clock}`;
  return `${count(moment.waiting)} waiting, ${count(moment.working)} being worked${missed} at ${clock}`;
}

type Lists = { pass: boolean; enter: number[]; unqueue: number[]; pickup: number[]; release: number[]; breach: number[] };

/**
 * Folds a run's trace into per-node timelines: `add` each event as the engine reports it, then
 * `finish`. Every node of `map` gets a timeline, reached or not.
 */
export function nodeTimelineBuilder(map: { nodes: readonly { id: string; type: string }[] }) {
  const passes = new Set(map.nodes.filter((n) => n.type === 'pass').map((n) => n.id));
  const nodes = new Map<string, Lists>();
  /** Pass visits under way, by case and node: whether the case was picked up yet. */
  const visits = new Map<string, boolean>();
  const lists = (node: string): Lists => {
    let l = nodes.get(node);
    if (!l) nodes.set(node, (l = { pass: passes.has(node), enter: [], unqueue: [], pickup: [], release: [], breach: [] }));
    return l;
  };
  for (const node of map.nodes) lists(node.id);
  return {
    add(e: SimulationTraceEvent): void {
      const sec = e.atMs / 1000;
      const l = lists(e.node);
      const key = `${e.case}\u0000${e.node}`;
      switch (e.type) {
        case 'enter':
          l.enter.push(sec);
          if (l.pass) visits.set(key, false);
          break;
        case 'pickup':
          l.pickup.push(sec);
          l.unqueue.push(sec);
          visits.set(key, true);
          break;
        case 'leave':
          (visits.get(key) ? l.release : l.unqueue).push(sec);
          visits.delete(key);
          break;
        case 'breach':
          l.breach.push(sec);
          break;
      }
    },
    finish(): NodeTimelines {
      const out: NodeTimelines = {};
      const sorted = (a: number[]) => Float64Array.from(a).sort();
      for (const [id, l] of nodes) {
        out[id] = { pass: l.pass, enter: sorted(l.enter), unqueue: sorted(l.unqueue), pickup: sorted(l.pickup), release: sorted(l.release), breach: sorted(l.breach) };
      }
      return out;
    },
  };
}
