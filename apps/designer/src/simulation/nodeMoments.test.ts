import { describe, expect, it } from 'vitest';
import { simulateMap } from '@baton/engine';
import type { BatonMap, Scenario, SimulationTraceEvent } from '@baton/engine';
import customerComplaint from '../../../../examples/customer-complaint/customer-complaint.map.json';
import spike from '../../../../examples/customer-complaint/black-friday-delivery-spike.scenario.json';
import { count, countUpTo, momentAt, momentWords, nodeTimelineBuilder, totalWords } from './nodeMoments.ts';
import { runSimulation } from './runSimulation.ts';

const ev = (atSec: number, c: string, type: SimulationTraceEvent['type'], node: string): SimulationTraceEvent => ({ type, case: c, node, atMs: atSec * 1000 });

describe('node moments', () => {
  it('counts sorted times at or before a moment', () => {
    const times = Float64Array.from([1, 2, 2, 5]);
    expect([0, 1, 1.5, 2, 4.9, 5, 9].map((t) => countUpTo(times, t))).toEqual([0, 1, 1, 3, 3, 4, 4]);
    expect(countUpTo(new Float64Array(0), 3)).toBe(0);
  });

  it('tells waiting, worked and missed so far at each moment (worked by hand)', () => {
    // Pass p1: c1 enters 0, taken at once, leaves 50. c2 enters 5, taken 50, misses its deadline at
    // 65 and leaves. c3 enters 10, misses at 60 while waiting, leaves unworked at 60. c4 enters 20
    // and still waits when the run stops. The trigger t1 is passed through.
    const b = nodeTimelineBuilder({ nodes: [{ id: 't1', type: 'trigger' }, { id: 'p1', type: 'pass' }, { id: 'e1', type: 'end' }] });
    for (const e of [
      ev(0, 'c1', 'enter', 't1'), ev(0, 'c1', 'enter', 'p1'), ev(0, 'c1', 'pickup', 'p1'),
      ev(5, 'c2', 'enter', 't1'), ev(5, 'c2', 'enter', 'p1'),
      ev(10, 'c3', 'enter', 't1'), ev(10, 'c3', 'enter', 'p1'),
      ev(20, 'c4', 'enter', 't1'), ev(20, 'c4', 'enter', 'p1'),
      ev(50, 'c1', 'leave', 'p1'), ev(50, 'c2', 'pickup', 'p1'),
      ev(60, 'c3', 'breach', 'p1'), ev(60, 'c3', 'leave', 'p1'),
      ev(65, 'c2', 'breach', 'p1'), ev(65, 'c2', 'leave', 'p1'),
    ]) b.add(e);
    const nodes = b.finish();
    const p1 = nodes.p1!;
    const at = (t: number) => momentAt(p1, t);
    expect(at(0)).toEqual({ entered: 1, waiting: 0, working: 1, missed: 0 });
    expect(at(7)).toEqual({ entered: 2, waiting: 1, working: 1, missed: 0 });
    expect(at(49.9)).toEqual({ entered: 4, waiting: 3, working: 1, missed: 0 });
    expect(at(50)).toEqual({ entered: 4, waiting: 2, working: 1, missed: 0 });
    expect(at(60)).toEqual({ entered: 4, waiting: 1, working: 1, missed: 1 });
    expect(at(70)).toEqual({ entered: 4, waiting: 1, working: 0, missed: 2 });
    expect(momentAt(nodes.t1!, 12)).toEqual({ entered: 3, waiting: 0, working: 0, missed: 0 });
    expect(momentAt(nodes.t1!, -1)).toEqual({ entered: 0, waiting: 0, working: 0, missed: 0 });
    expect(momentAt(nodes.e1!, 70)).toEqual({ entered: 0, waiting: 0, working: 0, missed: 0 }); // never reached, still there
  });

  it('says the moment in plain words', () => {
    expect(momentWords({ entered: 20, waiting: 12, working: 3, missed: 2 }, true, '09:42')).toBe('12 waiting, 3 being worked, 2 missed deadlines so far at 09:42');
    expect(momentWords({ entered: 1, waiting: 0, working: 1, missed: 0 }, true, '09:00')).toBe('0 waiting, 1 being worked at 09:00');
    expect(momentWords({ entered: 1, waiting: 0, working: 0, missed: 1 }, false, '09:00')).toBe('1 case entered so far, 1 missed deadline so far at 09:00');
  });

  it('agrees with a scan of the engine trace on the shipped 1,000-mention spike, and with the totals at the end', () => {
    const map = customerComplaint as BatonMap;
    const scenario = spike as Scenario;
    const { result, endSec, nodes } = runSimulation(map, scenario);
    const trace: SimulationTraceEvent[] = [];
    simulateMap(map, scenario, { onTrace: (e) => trace.push(e) });
    const passes = new Set(map.nodes.filter((n) => n.type === 'pass').map((n) => n.id));

    /** The slow way: replay the whole trace up to `t`. */
    const scan = (node: string, t: number) => {
      const state = new Map<string, 'waiting' | 'worked'>();
      let entered = 0;
      let missed = 0;
      for (const e of trace) {
        if (e.atMs / 1000 > t) break;
        if (e.node !== node) continue;
        if (e.type === 'enter') {
          entered++;
          if (passes.has(node)) state.set(e.case, 'waiting');
        } else if (e.type === 'pickup') state.set(e.case, 'worked');
        else if (e.type === 'leave') state.delete(e.case);
        else missed++;
      }
      const count = (s: string) => [...state.values()].filter((v) => v === s).length;
      return { entered, waiting: count('waiting'), working: count('worked'), missed };
    };

    let peak = 0;
    for (let i = 0; i <= 40; i++) {
      const t = (endSec * i) / 40;
      for (const node of map.nodes.map((n) => n.id)) {
        const moment = momentAt(nodes[node]!, t);
        expect(moment, `${node} at ${t}`).toEqual(scan(node, t));
        peak = Math.max(peak, moment.waiting);
      }
    }
    expect(peak).toBeGreaterThan(10);
    for (const [node, { entered, breaches }] of Object.entries(result.metrics.byNode)) {
      expect(momentAt(nodes[node]!, endSec)).toMatchObject({ entered, missed: breaches });
    }
  }, 30_000); // Two full runs of the 1,230-mention spike (the point of the test: the real size) take 2–7 s, more on a busy machine.

  it('writes every number on the badges one way, grouped in thousands, at a moment and at the end', () => {
    expect(count(1150)).toBe('1,150');
    expect(totalWords(1150, 1034)).toBe('1,150 cases entered, 1,034 missed deadlines');
    expect(totalWords(1, 0)).toBe('1 case entered');
    expect(momentWords({ entered: 1150, waiting: 1034, working: 2000, missed: 12 }, true, '12:33')).toBe('1,034 waiting, 2,000 being worked, 12 missed deadlines so far at 12:33');
    expect(momentWords({ entered: 1150, waiting: 0, working: 0, missed: 0 }, false, '12:33')).toBe('1,150 cases entered so far at 12:33');
  });
});
