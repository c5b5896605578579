import { describe, expect, it } from 'vitest';
import { barSchema } from '../schema/rehearsal.ts';
import type { BatonMap } from '../schema/map.ts';
import type { SimulationResult } from '../simulate/simulationResult.ts';
import { simulateMap } from '../simulate/simulateMap.ts';
import { scenarioSchema } from '../schema/scenario.ts';
import { describeBar, evaluateBars } from './evaluateBars.ts';

const files = import.meta.glob<unknown>('../../../../examples/*/*.json', { eager: true, import: 'default' });
const map = files['../../../../examples/customer-complaint/customer-complaint.map.json'] as BatonMap;

/** A hand-built result: two cases at care (one breached there, one still open), one at billing, one unrouted. */
function result(): SimulationResult {
  return {
    map: map.id, scenario: 'hand-built', attached: [],
    cases: [
      { mention: 'm1', case: 'c1', trigger: 't_complaint', path: ['t_complaint', 'a_tag_complaint', 'd_order_issue', 'p_care', 'e_resolved'], status: 'ended', end: 'e_resolved', breaches: ['p_care'], teams: ['care'], pickupSec: 900, resolvedSec: 1800 },
      { mention: 'm2', case: 'c2', trigger: 't_complaint', path: ['t_complaint', 'a_tag_complaint', 'd_order_issue', 'p_care'], status: 'open', breaches: [], teams: ['care'] },
      { mention: 'm3', case: 'c3', trigger: 't_complaint', path: ['t_complaint', 'a_tag_complaint', 'd_order_issue', 'p_billing', 'e_resolved'], status: 'ended', end: 'e_resolved', breaches: [], teams: ['billing'], pickupSec: 60, resolvedSec: 120 },
      { mention: 'm4', path: [], status: 'unrouted', breaches: [], teams: [] },
    ],
    metrics: {
      mentions: 4, cases: 3, unrouted: 1, ended: 2, open: 1, breaches: 1,
      pickupSec: { p50: 60, p90: 900, max: 900 }, resolvedSec: { p50: 120, p90: 1800, max: 1800 },
      byNode: { p_care: { entered: 2, breaches: 1 }, p_billing: { entered: 1, breaches: 0 } },
      byTeam: {}, crisis: [],
    },
  };
}

describe('evaluateBars', () => {
  it('checks each metric over the map, a node and a team', () => {
    const bars = evaluateBars(map, result(), [
      { metric: 'breaches', max: 0 },
      { metric: 'breaches', team: 'billing', max: 0 },
      { metric: 'breaches', node: 'p_care', max: 1 },
      { metric: 'open', team: 'care', max: 0 },
      { metric: 'unrouted', max: 1 },
      { metric: 'pickupP90Sec', team: 'billing', max: 300 },
      { metric: 'resolvedP90Sec', max: 1200 },
    ]);
    expect(bars.map((b) => [b.value, b.passed])).toEqual([[1, false], [0, true], [1, true], [1, false], [1, true], [60, true], [1800, false]]);
    expect(bars[0]!.sentence).toBe('Missed deadlines: 1 (at most 0)');
    expect(bars[3]!.sentence).toBe('Cases still open at Customer Care: 1 (at most 0)');
  });

  it('fails a pick-up bar when cases waited and nobody took one, passes it when no case came', () => {
    const r = result();
    const [care, supervisors] = evaluateBars(map, r, [{ metric: 'pickupP90Sec', node: 'p_care', max: 60 }, { metric: 'pickupP90Sec', team: 'supervisors', max: 60 }]);
    expect(care).toMatchObject({ value: 900, passed: false });
    expect(supervisors).toMatchObject({ value: null, passed: true });
    r.cases[0] = { ...r.cases[0]!, pickupSec: undefined } as never;
    const [noPickup] = evaluateBars(map, r, [{ metric: 'pickupP90Sec', team: 'care', max: 60 }]);
    expect(noPickup).toMatchObject({ value: null, passed: false });
  });

  it('holds on a real run: a spike with too few staff breaks a no-breach bar that a well-staffed one keeps', () => {
    const scenario = scenarioSchema.parse(files['../../../../examples/customer-complaint/monday-morning.scenario.json']);
    const thin = { ...scenario, staff: Object.fromEntries(Object.entries(scenario.staff).map(([t, s]) => [t, { ...s, members: 1, responseTime: 'PT3H' }])) };
    const bar = [{ metric: 'breaches' as const, max: 0 }];
    expect(evaluateBars(map, simulateMap(map, thin), bar)[0]!.passed).toBe(false);
  });

  it('the schema refuses a bar naming a node and a team, or unrouted at a team', () => {
    expect(barSchema.safeParse({ metric: 'open', node: 'p_care', team: 'care', max: 1 }).success).toBe(false);
    expect(barSchema.safeParse({ metric: 'unrouted', team: 'care', max: 1 }).success).toBe(false);
    expect(barSchema.safeParse({ metric: 'slowness', max: 1 }).success).toBe(false);
    expect(barSchema.safeParse({ metric: 'open', max: -1 }).success).toBe(false);
    expect(describeBar({ metric: 'breaches', node: 'p_care', max: 2 }, map)).toMatch(/^Missed deadlines at “.+”: at most 2$/);
  });
});
