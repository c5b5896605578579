import type { Bar, BarResult } from '../schema/rehearsal.ts';
import type { BatonMap } from '../schema/map.ts';
import { percentiles, type SimulatedCase, type SimulationResult } from '../simulate/simulationResult.ts';

const METRIC_WORDS: Record<Bar['metric'], string> = {
  breaches: 'Missed deadlines',
  open: 'Cases still open',
  unrouted: 'Mentions left unrouted',
  pickupP90Sec: 'Pick-up time, 9 in 10',
  resolvedP90Sec: 'Resolution time, 9 in 10',
};

/** A bar's figure in words: counts as numbers, times as "45 s", "30 min", "2 h 5 min". */
function figure(metric: Bar['metric'], value: number): string {
  if (metric !== 'pickupP90Sec' && metric !== 'resolvedP90Sec') return value.toLocaleString('en');
  const sec = Math.round(value);
  if (sec < 60) return `${sec} s`;
  const minutes = Math.round(sec / 60);
  const h = Math.floor(minutes / 60);
  const min = minutes % 60;
  return h ? `${h.toLocaleString('en')} h${min ? ` ${min} min` : ''}` : `${min} min`;
}

/**
 * A bar in words, naming the node or team by its label where the map has one.
 * @example describeBar({ metric: 'breaches', team: 'care', max: 0 }, map) // "Missed deadlines at Customer Care: at most 0"
 */
export function describeBar(bar: Bar, map?: Pick<BatonMap, 'nodes' | 'teams'>): string {
  const where = bar.team
    ? ` at ${map?.teams.find((t) => t.id === bar.team)?.name ?? bar.team}`
    : bar.node
      ? ` at “${map?.nodes.find((n) => n.id === bar.node)?.label ?? bar.node}”`
      : '';
  return `${METRIC_WORDS[bar.metric]}${where}: at most ${figure(bar.metric, bar.max)}`;
}

/** Whether a case is in a bar's scope: it entered the bar's node, or the bar's team's queue. */
function inScope(bar: Bar, c: SimulatedCase): boolean {
  if (c.status === 'unrouted') return false;
  if (bar.node) return c.path.includes(bar.node);
  if (bar.team) return c.teams.includes(bar.team);
  return true;
}

/** The figure a bar checks, or null when no case in its scope has it. */
function barValue(bar: Bar, map: Pick<BatonMap, 'nodes'>, result: SimulationResult): number | null {
  const { metrics, cases } = result;
  switch (bar.metric) {
    case 'unrouted':
      return metrics.unrouted;
    case 'breaches': {
      if (bar.node) return metrics.byNode[bar.node]?.breaches ?? 0;
      if (!bar.team) return metrics.breaches;
      const ofTeam = new Set(map.nodes.filter((n) => n.type === 'pass' && n.to.team === bar.team).map((n) => n.id));
      let n = 0;
      for (const c of cases) for (const b of c.breaches) if (ofTeam.has(b)) n++;
      return n;
    }
    case 'open': {
      if (!bar.node && !bar.team) return metrics.open;
      // Open at the bar's node, or in the bar's team's hands (its last team).
      let n = 0;
      for (const c of cases) {
        if (c.status === 'ended' || c.status === 'unrouted') continue;
        if (bar.node ? c.path[c.path.length - 1] === bar.node : c.teams[c.teams.length - 1] === bar.team) n++;
      }
      return n;
    }
    case 'pickupP90Sec':
    case 'resolvedP90Sec': {
      const key = bar.metric === 'pickupP90Sec' ? 'pickupSec' : 'resolvedSec';
      if (!bar.node && !bar.team) return metrics[key].p90;
      const values: number[] = [];
      for (const c of cases) if (inScope(bar, c) && c[key] !== undefined) values.push(c[key]!);
      return percentiles(values).p90;
    }
  }
}

/**
 * Checks must-pass bars against a simulation result of `map`. A figure no case had (no case was
 * picked up, say) passes only when no case was in the bar's scope at all: a queue nobody served
 * fails its pick-up bar.
 * @example evaluateBars(map, simulateMap(map, scenario), [{ metric: 'breaches', max: 0 }])
 */
export function evaluateBars(map: Pick<BatonMap, 'nodes' | 'teams'>, result: SimulationResult, bars: readonly Bar[]): BarResult[] {
  return bars.map((bar) => {
    const value = barValue(bar, map, result);
    const passed = value === null ? !result.cases.some((c) => inScope(bar, c)) : value <= bar.max;
    const shown = value === null ? 'none' : figure(bar.metric, value);
    const [head, limit] = describeBar(bar, map).split(': ');
    return { bar, value, passed, sentence: `${head}: ${shown} (${limit})` };
  });
}
