import { describe, expect, it } from 'vitest';
import type { BatonMap } from '../schema/map.ts';
import { scenarioSchema } from '../schema/scenario.ts';
import { simulateMap } from '../simulate/simulateMap.ts';
import { histogram, niceStep, RunSeriesCollector } from './runSeries.ts';
import { rehearseScenario } from './rehearseScenario.ts';

const files = import.meta.glob<unknown>('../../../../examples/*/*.json', { eager: true, import: 'default' });
const read = (p: string) => files[`../../../../examples/${p}`] as any;

describe('run series for charts', () => {
  it('bins values in round widths from zero, gaps included', () => {
    expect(histogram([30, 70, 75], 2)).toEqual([{ fromSec: 0, toSec: 60, count: 1 }, { fromSec: 60, toSec: 120, count: 2 }]);
    expect(histogram([0, 200], 4).map((b) => b.count)).toEqual([1, 0, 0, 1]);
    expect(histogram([])).toEqual([]);
    expect(niceStep(3600, 60)).toBe(60);
  });

  it('queue depth per team agrees with the run’s maxQueue, and breaches add up', () => {
    const map = read('customer-complaint/customer-complaint.map.json') as BatonMap;
    const scenario = scenarioSchema.parse(read('customer-complaint/black-friday-delivery-spike.scenario.json'));
    const collector = new RunSeriesCollector(map);
    const result = simulateMap(map, scenario, { onTrace: collector.add });
    const series = collector.finish(result);
    for (const [team, line] of Object.entries(result.metrics.byTeam)) expect(Math.max(0, ...(series.queue[team] ?? []))).toBe(line.maxQueue);
    expect(series.breaches.reduce((a, b) => a + b, 0)).toBe(result.metrics.breaches);
    expect(series.pickup.reduce((a, b) => a + b.count, 0)).toBe(result.cases.filter((c) => c.pickupSec !== undefined).length);
    expect(series.breaches.length).toBeLessThanOrEqual(60);
  });

  it('rehearses a kept scenario on both versions; one that no longer fits says why', () => {
    const map = read('customer-complaint/customer-complaint.map.json') as BatonMap;
    const scenario = scenarioSchema.parse(read('customer-complaint/monday-morning.scenario.json'));
    const out = rehearseScenario({ version: 2, map }, { version: 1, map }, scenario, [{ metric: 'unrouted', max: 1_000_000 }]);
    expect(out.ok && out.passed).toBe(true);
    if (out.ok) expect(out.active?.figures).toEqual(out.submitted.figures);
    const unfit = rehearseScenario({ version: 2, map }, null, { ...scenario, staff: { ...scenario.staff, nobody: { members: 1, responseTime: 'PT1M' } } }, []);
    expect(unfit.ok).toBe(false);
  });
});
