import { describe, expect, it } from 'vitest';
import { compileMap } from '../compile/compileMap.ts';
import type { BatonMap } from '../schema/map.ts';
import type { Mention } from '../schema/mention.ts';
import { compareRouting, RoutingReplay, routeOf } from './replayRouting.ts';
import { mentionFacts } from '../conditions/mentionFacts.ts';
import { expandScenario } from '../simulate/expandScenario.ts';
import { seededRandom } from '../simulate/random.ts';
import { simulateMap } from '../simulate/simulateMap.ts';
import { scenarioSchema, type Scenario } from '../schema/scenario.ts';

const files = import.meta.glob<unknown>('../../../../examples/*/*.json', { eager: true, import: 'default' });

/** A hand-built map: "refund" goes to billing, anything negative to care; billing may hand on to care. */
function map(refundTeam: 'billing' | 'care'): BatonMap {
  return {
    format: 'baton.map/v1', id: 'm', name: 'M', hub: 'social',
    teams: [{ id: 'social', name: 'Social' }, { id: 'care', name: 'Care' }, { id: 'billing', name: 'Billing' }],
    nodes: [
      { id: 't_refund', type: 'trigger', label: 'Refund', position: { x: 0, y: 0 }, priority: 1, when: { field: 'text', op: 'containsAny', value: ['refund'] } },
      { id: 't_angry', type: 'trigger', label: 'Angry', position: { x: 0, y: 0 }, priority: 0, when: { field: 'text', op: 'containsAny', value: ['awful'] } },
      { id: 'p_refund', type: 'pass', label: 'Refund desk', position: { x: 0, y: 0 }, to: { team: refundTeam }, preAction: { checklist: ['Find the order'] }, expected: { action: 'Refund', within: 'PT1H', outcomes: ['handed-on', 'done'] } },
      { id: 'p_care', type: 'pass', label: 'Care', position: { x: 0, y: 0 }, to: { team: 'care' }, expected: { action: 'Reply', within: 'PT1H', outcomes: ['resolved'] } },
      { id: 'e_done', type: 'end', label: 'Done', position: { x: 0, y: 0 }, outcome: 'done' },
    ],
    edges: [
      { id: 'e1', source: 't_refund', target: 'p_refund' },
      { id: 'e2', source: 't_angry', target: 'p_care' },
      { id: 'e3', source: 'p_refund', target: 'p_care', on: 'handed-on' },
      { id: 'e4', source: 'p_refund', target: 'e_done', on: 'done' },
      { id: 'e5', source: 'p_care', target: 'e_done', on: 'resolved' },
    ],
  } as BatonMap;
}

const mention = (id: string, text: string): Mention => ({ id, network: 'twitter', author: { handle: '@ana' }, text, createdAt: '2026-12-01T09:00:00Z' });

describe('replay of real mentions', () => {
  it('walks a mention through checklists and first outcomes to its end, naming each team once', () => {
    expect(routeOf(compileMap(map('billing')), mentionFacts(mention('a', 'I want a refund')))).toEqual({ trigger: 't_refund', end: 'e_done', teams: ['billing', 'care'] });
    expect(routeOf(compileMap(map('care')), mentionFacts(mention('a', 'I want a refund')))).toEqual({ trigger: 't_refund', end: 'e_done', teams: ['care'] });
    expect(routeOf(compileMap(map('care')), mentionFacts(mention('b', 'lovely day')))).toEqual({ trigger: null, end: null, teams: [] });
  });

  it('lists only the mentions that route differently, and the load each team gains or loses', () => {
    const mentions = [mention('1', 'refund please'), mention('2', 'awful service'), mention('3', 'hello'), mention('4', 'refund now, awful')];
    const out = compareRouting(compileMap(map('billing')), compileMap(map('care')), mentions);
    expect(out.mentions).toBe(4);
    expect(out.changedCount).toBe(2);
    expect(out.changed.map((c) => [c.mention, c.before.teams, c.after.teams])).toEqual([['1', ['billing', 'care'], ['care']], ['4', ['billing', 'care'], ['care']]]);
    expect(out.changed[0]!.text).toBe('refund please');
    expect(out.byTeam).toEqual({ billing: { before: 2, after: 0, gain: -2 }, care: { before: 3, after: 3, gain: 0 } });
  });

  it('with nothing active every routed mention is a change, and the list stops at its limit while counting on', () => {
    const replay = new RoutingReplay(null, compileMap(map('care')), { limit: 1 });
    for (const m of [mention('1', 'refund'), mention('2', 'awful'), mention('3', 'hi')]) replay.add(m);
    const out = replay.result();
    expect(out.changedCount).toBe(2);
    expect(out.changed).toHaveLength(1);
    expect(out.changed[0]!.before).toEqual({ trigger: null, end: null, teams: [] });
    expect(out.byTeam.care).toEqual({ before: 0, after: 2, gain: 2 });
  });

  it('agrees with the simulator on every shipped example: staff who report the first outcome in time, outside a crisis', () => {
    let compared = 0;
    for (const [path, doc] of Object.entries(files)) {
      if (!path.endsWith('.map.json')) continue;
      const map = doc as BatonMap;
      const compiled = compileMap(map);
      for (const [sPath, sDoc] of Object.entries(files)) {
        if (!sPath.startsWith(path.slice(0, path.lastIndexOf('/') + 1)) || !sPath.endsWith('.scenario.json')) continue;
        const scenario = scenarioSchema.parse(sDoc);
        // Every team answers at once with its first outcome; no crisis threshold is reached.
        // The first 300 of its mentions, each a second apart, so no crisis threshold is reached.
        const mentions = expandScenario(scenario, seededRandom(scenario.seed ?? 1)).slice(0, 300).map((a, i) => ({ at: `PT${i}S`, mention: a.mention }));
        const quick: Scenario = {
          format: scenario.format, name: scenario.name, start: scenario.start, mentions,
          staff: Object.fromEntries(map.teams.map((t) => [t.id, { members: 400, responseTime: 'PT1S' }])),
        };
        const calm = { ...map, crisis: undefined } as BatonMap;
        const result = simulateMap(calm, quick, { compiled: compileMap(calm) });
        const byId = new Map(expandScenario(quick, seededRandom(quick.seed ?? 1)).map((a) => [a.mention.id, a.mention]));
        for (const c of result.cases.slice(0, 400)) {
          const m = byId.get(c.mention);
          if (!m) continue;
          const route = routeOf(compiled, mentionFacts(m));
          expect(route, `${sPath} ${c.mention}`).toEqual({ trigger: c.trigger ?? null, end: c.end ?? null, teams: c.teams });
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(1000);
  }, 120_000);
});
