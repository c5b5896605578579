import { describe, expect, it } from 'vitest';
import { mapSchema, type BatonMap } from '../schema/map.ts';
import { scenarioSchema, type Scenario } from '../schema/scenario.ts';
import { simulateMap } from './simulateMap.ts';
import type { SimulationTraceEvent } from './simulationTrace.ts';

const at = { x: 0, y: 0 };

/** trigger → care (1 h; done, timeout → supervisor) → resolved; supervisor (2 h) → escalated (a lesson). */
const map: BatonMap = mapSchema.parse({
  format: 'baton.map/v1', id: 'complaint', name: 'Complaint', hub: 'social',
  teams: [{ id: 'social', name: 'Social' }, { id: 'care', name: 'Care' }, { id: 'sup', name: 'Supervisors' }],
  nodes: [
    { id: 't1', type: 'trigger', label: 'Broken', position: at, when: { field: 'text', op: 'containsAny', value: ['broken'] } },
    { id: 'p1', type: 'pass', label: 'Care', position: at, to: { team: 'care' }, preAction: { checklist: ['Screenshot'] },
      expected: { action: 'Reply publicly', within: 'PT1H', outcomes: ['done', 'escalate'] } },
    { id: 'p2', type: 'pass', label: 'Supervisor', position: at, to: { team: 'sup' }, expected: { action: 'Call', within: 'PT2H', outcomes: ['done'] } },
    { id: 'e1', type: 'end', label: 'Resolved', position: at, outcome: 'resolved' },
    { id: 'e2', type: 'end', label: 'Escalated', position: at, outcome: 'escalated', lessons: { required: true } },
  ],
  edges: [
    { id: 'a', source: 't1', target: 'p1' },
    { id: 'c', source: 'p1', target: 'e1', on: 'done' },
    { id: 'd', source: 'p1', target: 'p2', on: 'escalate' },
    { id: 'e', source: 'p1', target: 'p2', on: 'timeout' },
    { id: 'f', source: 'p2', target: 'e2', on: 'done' },
    { id: 'g', source: 'p2', target: 'e2', on: 'timeout' },
  ],
});

const mention = (id: string) => ({ id, network: 'twitter', author: { handle: '@ana' }, text: 'It is broken', createdAt: '2026-01-01T09:00:00Z' });
const scenario = (s: object): Scenario => scenarioSchema.parse({ format: 'baton.scenario/v1', name: 's', start: '2026-01-01T09:00:00Z', ...s });

function traced(m: BatonMap, s: Scenario) {
  const events: SimulationTraceEvent[] = [];
  const result = simulateMap(m, s, { onTrace: (e) => events.push(e) });
  return { result, events, line: (e: SimulationTraceEvent) => `${e.atMs / 60_000} ${e.case} ${e.type} ${e.node}` };
}

const MIN = 60_000;

describe('the trace of a simulation run', () => {
  it('tells when each case entered, was picked up, left and missed its deadline (worked by hand)', () => {
    // One carer taking 50 min a case: m1 (at 0) is worked 0–50 and resolved. m2 (at 5) waits until
    // 50, is then worked, misses its 1 h deadline at 65, times out to the supervisor (10 min) and
    // is escalated at 75.
    const s = scenario({
      mentions: [{ at: 'PT0S', mention: mention('m1') }, { at: 'PT5M', mention: mention('m2') }],
      staff: { care: { members: 1, responseTime: 'PT50M' }, sup: { members: 1, responseTime: 'PT10M' } },
    });
    const { result, events, line } = traced(map, s);
    expect(events.map(line)).toEqual([
      '0 case-1 enter t1',
      '0 case-1 enter p1',
      '0 case-1 pickup p1',
      '5 case-2 enter t1',
      '5 case-2 enter p1',
      '50 case-1 leave p1',
      '50 case-1 enter e1',
      '50 case-2 pickup p1',
      '65 case-2 breach p1',
      '65 case-2 leave p1',
      '65 case-2 enter p2',
      '65 case-2 pickup p2',
      '75 case-2 leave p2',
      '75 case-2 enter e2',
    ]);
    expect(result.cases.map((c) => [c.case, c.path, c.breaches, c.pickupSec, c.resolvedSec])).toEqual([
      ['case-1', ['t1', 'p1', 'e1'], [], 0, 3000],
      ['case-2', ['t1', 'p1', 'p2', 'e2'], ['p1'], 2700, 4200],
    ]);
    expect(events.every((e, i) => i === 0 || e.atMs >= events[i - 1]!.atMs)).toBe(true);
  });

  it('keeps a breached case at a pass without a timeout edge, and leaves visits open when the run stops', () => {
    const m: BatonMap = { ...map, edges: map.edges.filter((e) => e.id !== 'e') };
    const s = scenario({
      until: 'PT80M',
      mentions: [{ at: 'PT0S', mention: mention('m1') }, { at: 'PT10M', mention: mention('m2') }],
      staff: { care: { members: 1, responseTime: 'PT70M' } },
    });
    const { events, line } = traced(m, s);
    expect(events.map(line)).toEqual([
      '0 case-1 enter t1',
      '0 case-1 enter p1',
      '0 case-1 pickup p1',
      '10 case-2 enter t1',
      '10 case-2 enter p1',
      '60 case-1 breach p1', // still worked: no timeout edge
      '70 case-1 leave p1',
      '70 case-1 enter e1',
      // At 70 the outcome comes before the deadline (docs/scenarios.md#how-the-simulated-staff-work): case-2 is taken, then misses its
      // deadline, and is still worked when the run stops at 80 (no leave).
      '70 case-2 pickup p1',
      '70 case-2 breach p1',
    ]);
  });

  it('does not change the result, and agrees with its counts on a shipped spike (scaled down)', () => {
    const files = import.meta.glob<unknown>('../../../../examples/customer-complaint/*.json', { eager: true, import: 'default' });
    const example = mapSchema.parse(files['../../../../examples/customer-complaint/customer-complaint.map.json']);
    const shipped = scenarioSchema.parse(files['../../../../examples/customer-complaint/black-friday-delivery-spike.scenario.json']);
    // The shipped spike (1,230 mentions, run twice) took seconds and overran vitest's 5 s budget on
    // a busy machine. A tenth of its mentions against a third of its staff (at least one each) keeps
    // every route, the queues and the missed deadlines, which is all this test needs.
    const spike: Scenario = {
      ...shipped,
      generate: shipped.generate!.map((g) => ({ ...g, count: Math.ceil(g.count / 10) })),
      staff: Object.fromEntries(Object.entries(shipped.staff!).map(([team, s]) => [team, { ...s, members: Math.max(1, Math.floor(s.members / 3)) }])),
    };
    const plain = simulateMap(example, spike);
    const { result, events } = traced(example, spike);
    expect(JSON.stringify(result)).toBe(JSON.stringify(plain));

    const count = (type: SimulationTraceEvent['type']) => {
      const by: Record<string, number> = {};
      for (const e of events) if (e.type === type) by[e.node] = (by[e.node] ?? 0) + 1;
      return by;
    };
    const entered = count('enter');
    const breaches = count('breach');
    for (const [node, n] of Object.entries(plain.metrics.byNode)) {
      expect(entered[node] ?? 0, node).toBe(n.entered);
      expect(breaches[node] ?? 0, node).toBe(n.breaches);
    }
    expect(events.length).toBeGreaterThan(300);
    expect(Object.values(breaches).reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    expect(Object.keys(entered).length).toBeGreaterThan(5);
    expect(events.every((e, i) => i === 0 || e.atMs >= events[i - 1]!.atMs)).toBe(true);
    // A pass visit is enter, then pickup unless it left first, then leave unless the run stopped.
    const state = new Map<string, 'waiting' | 'worked'>();
    for (const e of events) {
      const key = `${e.case} ${e.node}`;
      if (e.type === 'enter' && example.nodes.find((n) => n.id === e.node)?.type === 'pass') {
        expect(state.has(key)).toBe(false);
        state.set(key, 'waiting');
      } else if (e.type === 'pickup') {
        expect(state.get(key)).toBe('waiting');
        state.set(key, 'worked');
      } else if (e.type === 'leave') {
        expect(state.has(key)).toBe(true);
        state.delete(key);
      } else if (e.type === 'breach') expect(state.has(key)).toBe(true);
    }
  });
});
