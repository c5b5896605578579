import { describe, expect, it } from 'vitest';
import type { BatonMap, Scenario } from '@baton/engine';
import customerComplaint from '../../../../../examples/customer-complaint/customer-complaint.map.json';
import monday from '../../../../../examples/customer-complaint/monday-morning.scenario.json';
import { runSimulation } from '../../simulation/runSimulation.ts';
import { compareRuns, judge, summarise } from './rehearsalCompare.ts';

describe('rehearsal comparison', () => {
  it('judges each measure in the direction that helps the public', () => {
    expect(judge(12, 4, false)).toBe('better');
    expect(judge(4, 12, false)).toBe('worse');
    expect(judge(30, 40, true)).toBe('better');
    expect(judge(5, 5, false)).toBe('same');
    expect(judge(null, 5, false)).toBe('none');
    expect(judge(undefined, 5, false)).toBe('none');
    // What reads the same is the same: 3 h 59 min both times, a fraction of a second apart.
    expect(judge(14396.935, 14397.213, false, (v) => `${Math.round(v / 60)} min`)).toBe('same');
  });

  it('compares two real runs side by side, in words', () => {
    const map = customerComplaint as BatonMap;
    // A looser care deadline: fewer missed deadlines on the same Monday morning.
    const looser: BatonMap = { ...map, nodes: map.nodes.map((n) => (n.type === 'pass' ? { ...n, expected: { ...n.expected, within: 'P2D' } } : n)) as BatonMap['nodes'] };
    const before = runSimulation(map, monday as Scenario).result.metrics;
    const after = runSimulation(looser, monday as Scenario).result.metrics;
    expect(before.breaches).toBeGreaterThan(after.breaches);
    const rows = compareRuns(after, before, (id) => map.teams.find((t) => t.id === id)?.name ?? id);
    const breaches = rows.find((r) => r.key === 'breaches')!;
    expect(breaches).toMatchObject({ active: before.breaches, submitted: after.breaches, change: 'better' });
    expect(breaches.sentence).toBe(`Missed deadlines ${before.breaches} → ${after.breaches} (better)`);
    expect(rows.map((r) => r.key)).toEqual(['ended', 'open', 'breaches', 'pickupP90', 'resolvedP90', ...Object.keys(before.byTeam).map((t) => `maxQueue:${t}`)]);
    expect(rows.find((r) => r.key === 'maxQueue:care')).toMatchObject({ label: 'Customer Care', group: 'Most waiting at once, per team' });
    expect(rows.find((r) => r.key === 'maxQueue:care')!.sentence).toMatch(/^Most waiting for Customer Care \d+ → \d+ \((better|worse|same)\)$/);
    expect(summarise(rows)).toMatch(/^better on \d+ measures?/);
    expect(summarise(compareRuns(before, before))).toBe('no change');
  });

  it('shows the numbers alone when nothing is active', () => {
    const metrics = runSimulation(customerComplaint as BatonMap, monday as Scenario).result.metrics;
    const rows = compareRuns(metrics, null);
    expect(rows.every((r) => r.change === 'none' && r.active === undefined)).toBe(true);
    expect(rows.find((r) => r.key === 'breaches')!.sentence).toBe(`Missed deadlines: ${metrics.breaches}`);
    expect(summarise(rows)).toBe('');
  });
});
