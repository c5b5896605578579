import { describe, expect, it } from 'vitest';
import type { BatonMap } from '../schema/map.ts';
import type { Scenario } from '../schema/scenario.ts';
import { mapSchema } from '../schema/map.ts';
import { scenarioSchema } from '../schema/scenario.ts';
import { simulateMap } from './simulateMap.ts';
import { expandScenario } from './expandScenario.ts';
import { seededRandom } from './random.ts';

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

describe('simulateMap follows docs/semantics.md and docs/scenarios.md on hand-computed runs', () => {
  /** complaintMap where p1 also accepts `again`, which sends the case back into p1's queue. */
  function loopMap(): BatonMap {
    const map = complaintMap();
    const p1 = map.nodes.find((n) => n.id === 'p1');
    if (p1?.type === 'pass') p1.expected.outcomes.push('again');
    map.edges.push({ id: 'loop', source: 'p1', target: 'p1', on: 'again' });
    return map;
  }
  const vip = (id: string, more: object = {}) => mention(id, 'broken', { author: { handle: '@star', followers: 50000 }, ...more });

  it('plays scripted responses in order, with their `after`, on a pass visited twice', () => {
    const result = simulateMap(loopMap(), scenario({
      mentions: [{ at: 'PT0S', mention: mention('m1', 'broken') }],
      staff: { care: { members: 1, responseTime: 'PT30M' }, sup: { members: 1, responseTime: 'PT10M' } },
      responses: [
        { mention: 'm1', node: 'p1', outcome: 'again', after: 'PT5M' },
        { mention: 'm1', node: 'p1', outcome: 'escalate', after: 'PT7M' },
        { mention: 'm1', node: 'p2', outcome: 'done', after: 'PT20M' },
      ],
    }));
    // p1 0→5 min (again), p1 5→12 min (escalate), p2 12→32 min (done) → e2 at 32 min = 1920 s.
    expect(result.cases[0]).toEqual({
      mention: 'm1', case: 'case-1', trigger: 't1', path: ['t1', 'p1', 'p1', 'p2', 'e2'], status: 'ended', end: 'e2',
      breaches: [], teams: ['care', 'sup'], pickupSec: 0, resolvedSec: 1920,
    });
    const m = result.metrics;
    expect(m.byNode.p1).toEqual({ entered: 2, breaches: 0 });
    // The run ends at 32 min: care busy 12 of 32 min = 0.375; sup busy 20 of 32 min = 0.625.
    expect(m.byTeam.care).toEqual({ handled: 2, maxQueue: 0, utilization: 0.375 });
    expect(m.byTeam.sup).toEqual({ handled: 1, maxQueue: 0, utilization: 0.625 });
  });

  it('puts a case sent back to the same queue behind cases that waited longer', () => {
    const result = simulateMap(loopMap(), scenario({
      mentions: [{ at: 'PT0S', mention: mention('m1', 'broken') }, { at: 'PT1M', mention: mention('m2', 'broken') }],
      staff: { care: { members: 1, responseTime: 'PT10M' } },
      responses: [
        { mention: 'm1', node: 'p1', outcome: 'again', after: 'PT5M' },
        { mention: 'm1', node: 'p1', outcome: 'done', after: 'PT5M' },
      ],
    }));
    // 0: m1 taken. 5: m1 comes back (queued at 5) but m2 has waited since 1 → m2 taken at 5, done at 15.
    // 15: m1 taken again, done at 20.
    expect(result.cases.map((c) => [c.mention, c.pickupSec, c.resolvedSec])).toEqual([
      ['m1', 0, 1200], // 20 min
      ['m2', 240, 840], // taken 5 − 1 = 4 min, ended 15 − 1 = 14 min
    ]);
    expect(result.metrics.byTeam.care?.maxQueue).toBe(1);
  });

  it('attaches a reply to a reply to the case of the thread', () => {
    const result = simulateMap(complaintMap(), scenario({
      mentions: [
        { at: 'PT0S', mention: mention('m1', 'My router is broken') },
        { at: 'PT1M', mention: mention('m2', 'Mine is broken too', { inReplyTo: 'm1' }) },
        { at: 'PT2M', mention: mention('m3', 'Same here, broken', { inReplyTo: 'm2' }) },
      ],
      staff: { care: { members: 1, responseTime: 'PT30M' } },
    }));
    expect(result.cases.map((c) => c.mention)).toEqual(['m1']);
    expect(result.attached).toEqual([{ mention: 'm2', case: 'case-1' }, { mention: 'm3', case: 'case-1' }]);
    expect([result.metrics.mentions, result.metrics.cases]).toEqual([3, 1]);
  });

  it('routes a reply to an ended case afresh', () => {
    const result = simulateMap(complaintMap(), scenario({
      mentions: [
        { at: 'PT0S', mention: mention('m1', 'My router is broken') },
        { at: 'PT20M', mention: mention('m2', 'Still broken', { inReplyTo: 'm1' }) },
        { at: 'PT21M', mention: mention('m3', 'Any news?', { inReplyTo: 'm2' }) },
        { at: 'PT22M', mention: mention('m4', 'Thanks anyway', { inReplyTo: 'm1' }) },
      ],
      staff: { care: { members: 1, responseTime: 'PT10M' } },
    }));
    // m1 ends at 10 min. m2 (20 min) replies to it: a new case. m3 replies to m2: attached to case-2.
    // m4 replies to m1, whose case ended, and matches no trigger: unrouted.
    expect(result.cases).toEqual([
      { mention: 'm1', case: 'case-1', trigger: 't1', path: ['t1', 'p1', 'e1'], status: 'ended', end: 'e1', breaches: [], teams: ['care'], pickupSec: 0, resolvedSec: 600 },
      { mention: 'm2', case: 'case-2', trigger: 't1', path: ['t1', 'p1', 'e1'], status: 'ended', end: 'e1', breaches: [], teams: ['care'], pickupSec: 0, resolvedSec: 600 },
      { mention: 'm4', path: [], status: 'unrouted', breaches: [], teams: [] },
    ]);
    expect(result.attached).toEqual([{ mention: 'm3', case: 'case-2' }]);
    expect(result.metrics.mentions).toBe(4);
  });

  it('ignores a duplicate mention id: nothing changes and it is not counted', () => {
    const base = [
      { at: 'PT0S', mention: mention('m1', 'broken') },
      { at: 'PT2M', mention: mention('m2', 'broken') },
    ];
    const staff = { care: { members: 1, responseTime: 'PT10M' } };
    const without = simulateMap(complaintMap(), scenario({ mentions: base, staff }));
    const withDuplicate = simulateMap(complaintMap(), scenario({
      mentions: [...base, { at: 'PT1M', mention: mention('m1', 'broken, and I said so before') }],
      staff,
    }));
    expect(withDuplicate).toEqual(without);
    expect(withDuplicate.metrics.mentions).toBe(2);
  });

  it('lets an outcome due at the same instant as the deadline win', () => {
    // Work takes exactly PT1H, p1's deadline is PT1H: the outcome at 60 min runs before the deadline.
    const result = simulateMap(complaintMap(), scenario({
      mentions: [{ at: 'PT0S', mention: mention('m1', 'broken') }],
      staff: { care: { members: 1, responseTime: 'PT1H' } },
    }));
    expect(result.cases[0]).toMatchObject({ path: ['t1', 'p1', 'e1'], breaches: [], resolvedSec: 3600 });
    expect(result.metrics.breaches).toBe(0);
  });

  it('lets a member freed at an arrival’s instant take the case that waited, even before a higher-priority arrival', () => {
    const result = simulateMap(complaintMap(), scenario({
      mentions: [
        { at: 'PT0S', mention: mention('m1', 'broken') },
        { at: 'PT5M', mention: mention('m2', 'broken') },
        { at: 'PT10M', mention: vip('m3') },
      ],
      staff: { care: { members: 1, responseTime: 'PT10M' } },
    }));
    // 10 min: m1's outcome runs first, the member takes m2 (waiting since 5 min); then VIP m3 arrives and waits.
    expect(result.cases.map((c) => [c.mention, c.trigger, c.pickupSec, c.resolvedSec])).toEqual([
      ['m1', 't1', 0, 600],
      ['m2', 't1', 300, 900], // taken at 10 min, ended at 20 min
      ['m3', 'vip', 600, 1200], // taken at 20 min, ended at 30 min
    ]);
    expect(result.metrics.byTeam.care?.maxQueue).toBe(1);
  });

  it('has a member whose case timed out take the next waiting case at once', () => {
    const result = simulateMap(complaintMap(), scenario({
      mentions: [{ at: 'PT0S', mention: mention('m1', 'broken') }, { at: 'PT30M', mention: mention('m2', 'broken') }],
      staff: { care: { members: 1, responseTime: 'PT90M' }, sup: { members: 1, responseTime: 'PT10M' } },
    }));
    // 0: m1 taken (work would end at 90). 30: m2 waits, due 30 + 60 = 90.
    // 60: m1 times out → sup (60→70, ended at 70 min); the care member takes m2 at once (pickup 30 min).
    // 90: m2 times out → sup (90→100, ended 70 min after its arrival).
    expect(result.cases.map((c) => [c.mention, c.pickupSec, c.resolvedSec, c.breaches, c.path])).toEqual([
      ['m1', 0, 4200, ['p1'], ['t1', 'p1', 'p2', 'e2']],
      ['m2', 1800, 4200, ['p1'], ['t1', 'p1', 'p2', 'e2']],
    ]);
    expect(result.metrics.byNode.p1).toEqual({ entered: 2, breaches: 2 });
    expect(result.metrics.byTeam.care?.handled).toBe(0);
  });

  it('brings backups in only during a crisis; they finish what they started after it clears', () => {
    const map = complaintMap({ crisis: { window: 'PT10M', threshold: 2, cooldown: 'PT5M' } });
    const result = simulateMap(map, scenario({
      mentions: [
        { at: 'PT0S', mention: mention('m1', 'broken') },
        { at: 'PT1M', mention: mention('m2', 'broken') },
        { at: 'PT40M', mention: mention('m3', 'broken') },
        { at: 'PT100M', mention: mention('m4', 'broken') },
      ],
      staff: { care: { members: 1, backup: 1, responseTime: 'PT30M' } },
      responses: [{ mention: 'm1', node: 'p1', outcome: 'done', after: 'PT60M' }],
    }));
    // m1: regular member 0→60. m2 at 1 min reaches the threshold (2): crisis from 60 s; the backup takes
    // it 1→31. m1 leaves the window at 10 min, count 1 < 2, so the crisis clears at 10 + 5 = 15 min (900 s).
    // m3 at 40 min: the backup is free but the crisis is over, so m3 waits for the regular member (60→90).
    // m4 at 100 min: regular 100→130.
    expect(result.metrics.crisis).toEqual([{ fromSec: 60, toSec: 900 }]);
    expect(result.cases.map((c) => [c.mention, c.pickupSec, c.resolvedSec])).toEqual([
      ['m1', 0, 3600],
      ['m2', 0, 1800], // the backup finished at 31 min, 16 min after the crisis cleared
      ['m3', 1200, 3000],
      ['m4', 0, 1800],
    ]);
    // Busy: regular 60 + 30 + 30 = 120 min; backup 30 min → 9000 s.
    // Available: regular for the whole run (130 min = 7800 s); the backup during the crisis (60→900 s = 840 s)
    // plus the 960 s it worked on after it (900→1860 s) → 7800 + 840 + 960 = 9600 s. 9000 / 9600 = 0.9375.
    expect(result.metrics.byTeam.care).toEqual({ handled: 4, maxQueue: 1, utilization: 0.9375 });
  });

  it('reports a crisis still on at `until` with toSec null', () => {
    const map = complaintMap({ crisis: { window: 'PT10M', threshold: 2 } });
    const result = simulateMap(map, scenario({
      until: 'PT5M',
      mentions: [{ at: 'PT0S', mention: mention('m1', 'broken') }, { at: 'PT1M', mention: mention('m2', 'broken') }],
      staff: { care: { members: 1, responseTime: 'PT30M' } },
    }));
    // Reached at 1 min; it could only clear at 10 + 10 = 20 min, after `until` (5 min).
    expect(result.metrics.crisis).toEqual([{ fromSec: 60, toSec: null }]);
  });

  it('computes nearest-rank percentiles, utilization and maxQueue for a 2-member team', () => {
    const result = simulateMap(complaintMap(), scenario({
      mentions: [
        { at: 'PT0S', mention: mention('m1', 'broken') },
        { at: 'PT0S', mention: mention('m2', 'broken') },
        { at: 'PT2M', mention: mention('m3', 'broken') },
        { at: 'PT3M', mention: mention('m4', 'broken') },
        { at: 'PT30M', mention: mention('m5', 'broken') },
      ],
      staff: { care: { members: 2, responseTime: 'PT10M' } },
    }));
    // 0: m1 → member 1, m2 → member 2 (0→10). 2, 3: m3, m4 wait (queue 2). 10: member 1 takes m3,
    // member 2 takes m4 (10→20). 30: m5 → member 1, longest idle (30→40). The run ends at 40 min.
    expect(result.cases.map((c) => [c.mention, c.pickupSec, c.resolvedSec])).toEqual([
      ['m1', 0, 600], ['m2', 0, 600], ['m3', 480, 1080], ['m4', 420, 1020], ['m5', 0, 600],
    ]);
    // pickup sorted [0, 0, 0, 420, 480]: p50 = rank ⌈2.5⌉ = 3rd = 0, p90 = rank ⌈4.5⌉ = 5th = 480.
    expect(result.metrics.pickupSec).toEqual({ p50: 0, p90: 480, max: 480 });
    // resolved sorted [600, 600, 600, 1020, 1080]: p50 = 600, p90 = 1080.
    expect(result.metrics.resolvedSec).toEqual({ p50: 600, p90: 1080, max: 1080 });
    // Busy 30 + 20 = 50 member-minutes of 2 × 40 = 80 → 0.625.
    expect(result.metrics.byTeam.care).toEqual({ handled: 5, maxQueue: 2, utilization: 0.625 });
  });

  it('gives null percentiles where no case has the value', () => {
    const unrouted = simulateMap(complaintMap(), scenario({
      mentions: [{ at: 'PT0S', mention: mention('m1', 'Lovely weather') }],
      staff: { care: { members: 1, responseTime: 'PT10M' } },
    }));
    expect(unrouted.metrics.pickupSec).toEqual({ p50: null, p90: null, max: null });
    expect(unrouted.metrics.resolvedSec).toEqual({ p50: null, p90: null, max: null });
    const unresolved = simulateMap(complaintMap(), scenario({
      until: 'PT5M',
      mentions: [{ at: 'PT0S', mention: mention('m1', 'broken') }, { at: 'PT1M', mention: mention('m2', 'broken') }],
      staff: { care: { members: 1, responseTime: 'PT30M' } },
    }));
    // m1 taken at 0, m2 still waiting at 5 min: one pickup, no resolution.
    expect(unresolved.cases.map((c) => c.pickupSec)).toEqual([0, undefined]);
    expect(unresolved.metrics.pickupSec).toEqual({ p50: 0, p90: 0, max: 0 });
    expect(unresolved.metrics.resolvedSec).toEqual({ p50: null, p90: null, max: null });
  });

  it('generates batches with texts repeatably from the seed', () => {
    const s = (seed: number) => scenario({
      seed,
      generate: [
        { count: 40, from: 'PT10M', to: 'PT20M', template: { network: 'twitter', author: { handle: '@x' }, text: 'unused' }, texts: ['broken router', 'all good'] },
        { count: 3, from: 'PT0S', to: 'PT1M', template: { network: 'forum', author: { handle: '@y' }, text: 'broken forum' } },
      ],
      staff: { care: { members: 2, responseTime: 'PT1M' } },
    });
    const arrivals = expandScenario(s(3), seededRandom(3));
    expect(expandScenario(s(3), seededRandom(3))).toEqual(arrivals);
    expect(arrivals).toHaveLength(43);
    // Batch 2 (0–1 min) arrives before batch 1 (10–20 min); ids name the batch and the rank in it.
    expect(arrivals.slice(0, 3).map((a) => a.mention.id)).toEqual(['gen-2-1', 'gen-2-2', 'gen-2-3']);
    const first = arrivals.filter((a) => a.mention.id.startsWith('gen-1-'));
    for (const a of first) {
      expect(a.at).toBeGreaterThanOrEqual(10 * 60_000);
      expect(a.at).toBeLessThan(20 * 60_000);
      expect(['broken router', 'all good']).toContain(a.mention.text);
      expect(a.mention.createdAt).toBe(new Date(Date.parse('2026-01-01T09:00:00Z') + a.at).toISOString());
    }
    expect(new Set(first.map((a) => a.mention.text)).size).toBe(2);
    const result = simulateMap(complaintMap(), s(3));
    expect(JSON.stringify(simulateMap(complaintMap(), s(3)))).toBe(JSON.stringify(result));
    // "all good" matches no trigger: every generated text is either routed or unrouted accordingly.
    const good = first.filter((a) => a.mention.text === 'all good').length;
    expect(result.metrics.unrouted).toBe(good);
    expect(result.metrics.cases).toBe(43 - good);
  });

  it('lists every node and every team in the metrics, zeros included', () => {
    const result = simulateMap(complaintMap(), scenario({
      mentions: [{ at: 'PT0S', mention: mention('m1', 'Lovely weather') }],
      staff: { care: { members: 1, responseTime: 'PT10M' } },
    }));
    expect(result.metrics.byNode).toEqual({
      t1: { entered: 0, breaches: 0 }, vip: { entered: 0, breaches: 0 }, p1: { entered: 0, breaches: 0 },
      p2: { entered: 0, breaches: 0 }, e1: { entered: 0, breaches: 0 }, e2: { entered: 0, breaches: 0 },
    });
    const zero = { handled: 0, maxQueue: 0, utilization: 0 };
    expect(result.metrics.byTeam).toEqual({ social: zero, care: zero, sup: zero, pr: zero });
  });
});

describe('simulateMap with brands (listensTo)', () => {
  it('routes only the scenario mentions of the map’s brands; those without a brand count as the map’s', () => {
    const result = simulateMap(complaintMap({ listensTo: { brands: ['acme'] } }), scenario({
      mentions: [
        { at: 'PT0S', mention: mention('m1', 'My router is broken', { brand: 'acme' }) },
        { at: 'PT1M', mention: mention('m2', 'My router is broken', { brand: 'globex' }) },
        { at: 'PT2M', mention: mention('m3', 'My router is broken') },
      ],
      generate: [{ count: 4, from: 'PT3M', to: 'PT4M', template: { network: 'twitter', author: { handle: '@bo' }, text: 'broken', brand: 'globex' } }],
      staff: { care: { members: 1, responseTime: 'PT1M' } },
    }));
    expect(result.cases.map((c) => [c.mention, c.status])).toEqual([
      ['m1', 'ended'], ['m2', 'unrouted'], ['m3', 'ended'],
      ['gen-1-1', 'unrouted'], ['gen-1-2', 'unrouted'], ['gen-1-3', 'unrouted'], ['gen-1-4', 'unrouted'],
    ]);
    expect([result.metrics.mentions, result.metrics.cases, result.metrics.unrouted]).toEqual([7, 2, 5]);
  });

  it('does not count another brand’s mentions towards the map’s crisis', () => {
    const map = complaintMap({ listensTo: { brands: ['acme'] }, crisis: { window: 'PT10M', threshold: 2 } });
    const result = simulateMap(map, scenario({
      mentions: ['acme', 'globex', 'globex', 'acme'].map((brand, i) => ({ at: `PT${i}M`, mention: mention(`m${i + 1}`, 'broken', { brand }) })),
      staff: { care: { members: 1, responseTime: 'PT1M' } },
    }));
    expect(result.metrics.crisis).toEqual([{ fromSec: 180, toSec: 1200 }]) // onset at acme’s second mention, not globex’s at 1 min;
  });
});

