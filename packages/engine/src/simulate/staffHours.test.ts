import { describe, expect, it } from 'vitest';
import { mapSchema, type BatonMap } from '../schema/map.ts';
import { scenarioSchema, type Scenario } from '../schema/scenario.ts';
import type { BusinessHours } from '../hours/businessHoursSchema.ts';
import { simulateMap } from './simulateMap.ts';
import type { SimulationTraceEvent } from './simulationTrace.ts';

const at = { x: 0, y: 0 };
const day = [['09:00', '17:30']] as [string, string][];
const office: BusinessHours = { timeZone: 'Europe/London', week: { mon: day, tue: day, wed: day, thu: day, fri: day } };

/** trigger → care (1 h, maybe in business hours; timeout → sup) → end. */
function map(businessHours: boolean): BatonMap {
  return mapSchema.parse({
    format: 'baton.map/v1', id: 'hours', name: 'Hours', hub: 'social',
    teams: [{ id: 'social', name: 'Social' }, { id: 'care', name: 'Care' }, { id: 'sup', name: 'Supervisors' }],
    nodes: [
      { id: 't', type: 'trigger', label: 'Any', position: at, when: { field: 'text', op: 'exists' } },
      { id: 'care', type: 'pass', label: 'Care', position: at, to: { team: 'care' },
        expected: { action: 'Reply', within: 'PT1H', outcomes: ['done'], ...(businessHours ? { businessHours: true } : {}) } },
      { id: 'sup', type: 'pass', label: 'Sup', position: at, to: { team: 'sup' }, expected: { action: 'Call', within: 'PT1H', outcomes: ['done'] } },
      { id: 'end', type: 'end', label: 'Done', position: at, outcome: 'resolved' },
    ],
    edges: [
      { id: 'a', source: 't', target: 'care' },
      { id: 'b', source: 'care', target: 'end', on: 'done' },
      { id: 'c', source: 'care', target: 'sup', on: 'timeout' },
      { id: 'd', source: 'sup', target: 'end', on: 'done' },
    ],
  });
}

const post = (id: string) => ({ id, network: 'twitter', author: { handle: '@ana' }, text: 'help', createdAt: '2026-01-09T17:00:00Z' });

function scenario(s: object): Scenario {
  // Friday 2026-01-09 17:00 in London (GMT): half an hour before the office closes for the weekend.
  return scenarioSchema.parse({ format: 'baton.scenario/v1', name: 's', start: '2026-01-09T17:00:00Z', ...s });
}

function run(m: BatonMap, s: Scenario) {
  const trace: SimulationTraceEvent[] = [];
  const result = simulateMap(m, s, { onTrace: (e) => trace.push(e) });
  return { result, trace };
}

const H = 3600;

describe('business hours in a simulation', () => {
  it('counts a business-hours deadline in the receiving team’s open hours only', () => {
    const s = scenario({ mentions: [{ at: 'PT0S', mention: post('m1') }], staff: { care: { members: 0, responseTime: 'PT10M', hours: office } } });
    const plain = run(map(false), s).trace.find((e) => e.type === 'breach')!;
    const paused = run(map(true), s).trace.find((e) => e.type === 'breach')!;
    expect(plain.atMs / 1000).toBe(H);
    // 30 minutes on Friday, 30 on Monday: Monday 09:30, 64.5 hours after the start.
    expect(paused.atMs / 1000).toBe(64.5 * H);
  });

  it('lets staff take work only while open and pauses their work overnight', () => {
    const s = scenario({
      mentions: [{ at: 'PT0S', mention: post('m1') }, { at: 'PT17H', mention: post('m2') }],
      staff: { care: { members: 1, responseTime: 'PT45M', hours: office } },
    });
    const { result } = run(map(true), s);
    // m1 is taken at once (open) and worked 30 min on Friday, 15 on Monday: done Monday 09:15.
    expect(result.cases[0]).toMatchObject({ status: 'ended', pickupSec: 0, resolvedSec: 64.25 * H, breaches: [] });
    // m2 arrives on Saturday 10:00 and waits for the member, free at Monday 09:15; due Monday 10:00.
    expect(result.cases[1]).toMatchObject({ status: 'ended', pickupSec: 47.25 * H, resolvedSec: 48 * H, breaches: [] });
    // Busy all of the run's open time (Friday 17:00–17:30 and Monday 09:00–10:00), none of the weekend.
    expect(result.metrics.byTeam.care!.utilization).toBe(1);
  });

  it('keeps staff without hours working around the clock', () => {
    const s = scenario({ mentions: [{ at: 'PT17H', mention: post('m2') }], staff: { care: { members: 1, responseTime: 'PT45M' } } });
    expect(run(map(true), s).result.cases[0]).toMatchObject({ pickupSec: 0, resolvedSec: 0.75 * H });
  });

  it('opens the queue at the next opening for a case that arrives at night', () => {
    const s = scenario({
      mentions: [{ at: 'PT0S', mention: post('m1') }, { at: 'PT1H', mention: post('m2') }],
      staff: { care: { members: 2, responseTime: 'PT10M', hours: office } },
    });
    const { result, trace } = run(map(true), s);
    expect(result.cases[1]).toMatchObject({ pickupSec: 63 * H, breaches: [] });
    expect(trace.filter((e) => e.type === 'pickup').map((e) => e.atMs / 1000 / H)).toEqual([0, 64]);
  });
});
