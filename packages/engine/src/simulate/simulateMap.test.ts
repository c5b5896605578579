import { describe, expect, it } from 'vitest';
import type { BatonMap } from '../schema/map.ts';
import type { Scenario } from '../schema/scenario.ts';
import { mapSchema } from '../schema/map.ts';
import { scenarioSchema } from '../schema/scenario.ts';
import { simulateMap } from './simulateMap.ts';

const at = { x: 0, y: 0 };
const broken = { field: 'text', op: 'containsAny', value: ['broken'] };

/** trigger → care (checklist, 1 h, done/escalate, timeout → supervisor) → end. */
function complaintMap(extra: Partial<BatonMap> = {}): BatonMap {
  return mapSchema.parse({
    format: 'baton.map/v1',
    id: 'complaint',
    name: 'Complaint',
    hub: 'social',
    teams: [
      { id: 'social', name: 'Social' },
      { id: 'care', name: 'Care' },
      { id: 'sup', name: 'Supervisors' },
      { id: 'pr', name: 'PR' },
    ],
    nodes: [
      { id: 't1', type: 'trigger', label: 'Broken', position: at, when: broken },
      { id: 'vip', type: 'trigger', label: 'VIP', position: at, priority: 10, when: { all: [broken, { field: 'author.followers', op: 'gte', value: 10000 }] } },
      { id: 'p1', type: 'pass', label: 'Care', position: at, to: { team: 'care' }, preAction: { checklist: ['Screenshot the post'] },
        expected: { action: 'Reply publicly', within: 'PT1H', outcomes: ['done', 'escalate'] } },
      { id: 'p2', type: 'pass', label: 'Supervisor', position: at, to: { team: 'sup' },
        expected: { action: 'Call the customer', within: 'PT2H', outcomes: ['done'] } },
      { id: 'e1', type: 'end', label: 'Resolved', position: at, outcome: 'resolved' },
      { id: 'e2', type: 'end', label: 'Escalated', position: at, outcome: 'escalated', lessons: { required: true } },
    ],
    edges: [
      { id: 'a', source: 't1', target: 'p1' },
      { id: 'b', source: 'vip', target: 'p1' },
      { id: 'c', source: 'p1', target: 'e1', on: 'done' },
      { id: 'd', source: 'p1', target: 'p2', on: 'escalate' },
      { id: 'e', source: 'p1', target: 'p2', on: 'timeout' },
      { id: 'f', source: 'p2', target: 'e2', on: 'done' },
      { id: 'g', source: 'p2', target: 'e2', on: 'timeout' },
    ],
    ...extra,
  });
}

const mention = (id: string, text: string, more: object = {}) => ({
  id, network: 'twitter', author: { handle: '@ana' }, text, createdAt: '2026-01-01T09:00:00Z', ...more,
});

function scenario(s: object): Scenario {
  return scenarioSchema.parse({ format: 'baton.scenario/v1', name: 's', start: '2026-01-01T09:00:00Z', ...s });
}

describe('simulateMap', () => {
  it('serves a team first come first served, attaches replies and leaves non-matches unrouted', () => {
    const result = simulateMap(complaintMap(), scenario({
      mentions: [
        { at: 'PT0S', mention: mention('m1', 'My router is broken') },
        { at: 'PT5M', mention: mention('m2', 'Broken again!') },
        { at: 'PT10M', mention: mention('m3', 'Lovely weather') },
        { at: 'PT20M', mention: mention('m4', 'Any news?', { inReplyTo: 'm1' }) },
      ],
      staff: { care: { members: 1, responseTime: 'PT30M' }, sup: { members: 1, responseTime: 'PT10M' } },
    }));
    expect(result.cases).toEqual([
      { mention: 'm1', case: 'case-1', trigger: 't1', path: ['t1', 'p1', 'e1'], status: 'ended', end: 'e1', breaches: [], teams: ['care'], pickupSec: 0, resolvedSec: 1800 },
      { mention: 'm2', case: 'case-2', trigger: 't1', path: ['t1', 'p1', 'e1'], status: 'ended', end: 'e1', breaches: [], teams: ['care'], pickupSec: 1500, resolvedSec: 3300 },
      { mention: 'm3', path: [], status: 'unrouted', breaches: [], teams: [] },
    ]);
    expect(result.attached).toEqual([{ mention: 'm4', case: 'case-1' }]);
    const m = result.metrics;
    expect([m.mentions, m.cases, m.unrouted, m.ended, m.open, m.breaches]).toEqual([4, 2, 1, 2, 0, 0]);
    expect(m.pickupSec).toEqual({ p50: 0, p90: 1500, max: 1500 });
    expect(m.resolvedSec).toEqual({ p50: 1800, p90: 3300, max: 3300 });
    expect(m.byTeam.care).toEqual({ handled: 2, maxQueue: 1, utilization: 1 });
    expect(m.byTeam.sup).toEqual({ handled: 0, maxQueue: 0, utilization: 0 });
    expect(m.byNode).toMatchObject({ t1: { entered: 2 }, p1: { entered: 2, breaches: 0 }, p2: { entered: 0 }, e1: { entered: 2 } });
  });

  it('takes a timed-out case away from its holder and records the breach', () => {
    const result = simulateMap(complaintMap(), scenario({
      mentions: [{ at: 'PT0S', mention: mention('m1', 'broken') }],
      staff: { care: { members: 1, responseTime: 'PT90M' }, sup: { members: 1, responseTime: 'PT10M' } },
    }));
    expect(result.cases[0]).toEqual({
      mention: 'm1', case: 'case-1', trigger: 't1', path: ['t1', 'p1', 'p2', 'e2'], status: 'ended', end: 'e2',
      breaches: ['p1'], teams: ['care', 'sup'], pickupSec: 0, resolvedSec: 4200,
    });
    expect(result.metrics.byTeam.care).toEqual({ handled: 0, maxQueue: 0, utilization: 0.8571 });
    expect(result.metrics.byTeam.sup).toEqual({ handled: 1, maxQueue: 0, utilization: 0.1429 });
    expect(result.metrics.byNode.p1).toEqual({ entered: 1, breaches: 1 });
  });

  it('serves higher-priority triggers first, then by time in queue', () => {
    const result = simulateMap(complaintMap(), scenario({
      mentions: [
        { at: 'PT0S', mention: mention('m1', 'broken') },
        { at: 'PT1M', mention: mention('m2', 'broken') },
        { at: 'PT2M', mention: mention('m3', 'broken', { author: { handle: '@star', followers: 50000 } }) },
      ],
      staff: { care: { members: 1, responseTime: 'PT10M' } },
    }));
    expect(result.cases.map((c) => [c.mention, c.trigger, c.pickupSec])).toEqual([
      ['m1', 't1', 0], ['m2', 't1', 1140], ['m3', 'vip', 480],
    ]);
    expect(result.metrics.byTeam.care?.maxQueue).toBe(2);
  });

  it('keeps a breached case waiting where there is no timeout edge; a late outcome still follows its edge', () => {
    const map = complaintMap();
    map.edges = map.edges.filter((e) => e.id !== 'e');
    const result = simulateMap(map, scenario({
      mentions: [{ at: 'PT0S', mention: mention('m1', 'broken') }],
      staff: { care: { members: 1, responseTime: 'PT90M', outcomes: { escalate: 1 } }, sup: { members: 1, responseTime: 'PT10M' } },
    }));
    expect(result.cases[0]).toMatchObject({ path: ['t1', 'p1', 'p2', 'e2'], breaches: ['p1'], resolvedSec: 6000 });
  });

  it('sets the crisis flag on the mention that reaches the threshold, brings in backups, clears after the cooldown', () => {
    const map = complaintMap({
      crisis: { window: 'PT10M', threshold: 3, cooldown: 'PT5M' },
    });
    map.nodes.push(
      { id: 'd', type: 'decision', label: 'Crisis?', position: at },
      { id: 'ppr', type: 'pass', label: 'PR', position: at, to: { team: 'pr' }, expected: { action: 'Holding statement', within: 'PT15M', outcomes: ['done'] } },
    );
    map.edges = map.edges.map((e) => (e.id === 'a' ? { ...e, target: 'd' } : e));
    map.edges.push(
      { id: 'd1', source: 'd', target: 'ppr', when: { field: 'crisis', op: 'eq', value: true } },
      { id: 'd2', source: 'd', target: 'p1' },
      { id: 'pr1', source: 'ppr', target: 'e1', on: 'done' },
    );
    const result = simulateMap(map, scenario({
      mentions: ['PT0S', 'PT1M', 'PT2M'].map((t, i) => ({ at: t, mention: mention(`m${i + 1}`, 'broken') })),
      staff: { care: { members: 0, backup: 1, responseTime: 'PT1M' }, pr: { members: 1, responseTime: 'PT1M' } },
    }));
    expect(result.cases.map((c) => [c.mention, c.path, c.pickupSec])).toEqual([
      ['m1', ['t1', 'd', 'p1', 'e1'], 120],
      ['m2', ['t1', 'd', 'p1', 'e1'], 120], // arrived at 1 min, taken at 3 min
      ['m3', ['t1', 'd', 'ppr', 'e1'], 0],
    ]);
    expect(result.metrics.crisis).toEqual([{ fromSec: 120, toSec: 900 }]);
    expect(result.metrics.byTeam.care).toEqual({ handled: 2, maxQueue: 2, utilization: 0.1538 });
  });

  it('gives the same output for the same seed and a different one for another seed', () => {
    const s = (seed: number) => scenario({
      seed,
      generate: [{ count: 300, from: 'PT0S', to: 'PT30M', template: { network: 'twitter', author: { handle: '@x' }, text: 'broken', createdAt: '2026-01-01T09:00:00Z' }, texts: ['broken router', 'all good', 'broken app'] }],
      staff: { care: { members: 3, responseTime: { min: 'PT2M', max: 'PT20M' }, outcomes: { done: 3, escalate: 1 } }, sup: { members: 1, responseTime: 'PT15M' } },
    });
    const a = JSON.stringify(simulateMap(complaintMap(), s(7)));
    expect(JSON.stringify(simulateMap(complaintMap(), s(7)))).toBe(a);
    expect(JSON.stringify(simulateMap(complaintMap(), s(8)))).not.toBe(a);
    const parsed = JSON.parse(a);
    expect(parsed.metrics.mentions).toBe(300);
    expect(parsed.metrics.cases + parsed.metrics.unrouted).toBe(300);
  });

  it('stops at `until` and leaves waiting cases open', () => {
    const result = simulateMap(complaintMap(), scenario({
      until: 'PT20M',
      mentions: [{ at: 'PT0S', mention: mention('m1', 'broken') }, { at: 'PT1M', mention: mention('m2', 'broken') }],
      staff: { care: { members: 1, responseTime: 'PT30M' } },
    }));
    expect(result.cases.map((c) => c.status)).toEqual(['open', 'open']);
    expect(result.metrics.open).toBe(2);
    expect(result.metrics.byTeam.care?.utilization).toBe(1);
  });
});
