import { scenarioSchema } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { drillScenario, drillUntil, planDrill } from './planDrill.ts';

const scenario = scenarioSchema.parse({
  format: 'baton.scenario/v1', name: 'Mix', start: '2026-01-01T09:00:00Z', seed: 7, until: 'PT2H',
  mentions: [
    { at: 'PT0S', mention: { id: 'a', network: 'twitter', author: { handle: '@a' }, text: 'broken', createdAt: '2026-01-01T09:00:00Z' } },
    { at: 'PT30M', mention: { id: 'b', network: 'twitter', author: { handle: '@b' }, text: 'still broken', createdAt: '2026-01-01T09:30:00Z', inReplyTo: 'a' } },
    { at: 'PT40M', mention: { id: 'c', network: 'twitter', author: { handle: '@c' }, text: 'hi', createdAt: '2026-01-01T09:40:00Z', inReplyTo: 'twitter:real-42' } },
  ],
  generate: [{ count: 5, from: 'PT0S', to: 'PT1H', template: { network: 'twitter', author: { handle: '@g' }, text: 'down', createdAt: '2026-01-01T09:00:00Z' } }],
  staff: { care: { members: 9, responseTime: 'PT5M', outcomes: { resolved: 1 } } },
});

describe('planDrill', () => {
  it('plans every mention at start + offset / speed, with ids of the drill and replies kept inside it', () => {
    const plan = planDrill('drill_x', scenario, 60, 1_000);
    expect(plan).toHaveLength(8);
    const byId = new Map(plan.map((p) => [p.mention.id, p]));
    expect(byId.get('drill_x:a')!.dueAt).toBe(1_000);
    expect(byId.get('drill_x:b')).toMatchObject({ offset: 30 * 60_000, dueAt: 1_000 + 30_000 });
    expect(byId.get('drill_x:b')!.mention.inReplyTo).toBe('drill_x:a');
    // A reply to a real post loses the link: a drill never joins a real case.
    expect(byId.get('drill_x:c')!.mention.inReplyTo).toBeUndefined();
    expect(plan.map((p) => p.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(plan.every((p, i) => i === 0 || p.dueAt >= plan[i - 1]!.dueAt)).toBe(true);
    expect(drillUntil(scenario, 60, 1_000)).toBe(1_000 + 120_000);
  });

  it('gives the simulator the same scenario compressed by the speed, staffed by the participants', () => {
    const s = drillScenario(scenario, 60, [{ team: 'care', backup: false }, { team: 'care', backup: false }, { team: 'care', backup: true }, { team: 'social', backup: false }]);
    expect(s.until).toBe('PT120S');
    expect(s.mentions!.map((m) => m.at)).toEqual(['PT0S', 'PT30S', 'PT40S']);
    expect(s.generate![0]).toMatchObject({ from: 'PT0S', to: 'PT60S' });
    expect(s.staff).toEqual({
      care: { members: 2, backup: 1, responseTime: 'PT5M', outcomes: { resolved: 1 } },
      social: { members: 1, backup: 0, responseTime: 'PT10M' },
    });
    expect(drillScenario(scenario, 7, []).mentions![1]!.at).toBe('PT257.143S');
  });
});
