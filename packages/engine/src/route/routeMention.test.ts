import { describe, expect, it } from 'vitest';
import { mapSchema } from '../schema/map.ts';
import type { Condition } from '../schema/condition.ts';
import { mentionFacts } from '../conditions/mentionFacts.ts';
import { compileMap } from '../compile/compileMap.ts';
import { mapHearsBrand, routeMention, type RoutableMap } from './routeMention.ts';

const at = { x: 0, y: 0 };
const facts = (text: string) =>
  mentionFacts({ id: 'm1', network: 'twitter', author: { handle: '@ana' }, text, createdAt: '2026-01-01T09:00:00Z' });
const words = (...value: string[]): Condition => ({ field: 'text', op: 'containsAny', value });

/** A map whose triggers (id, condition, priority) all lead to one pass and one end. */
function routable(mapId: string, triggers: [string, Condition, number?][], crisis = false): RoutableMap {
  const map = mapSchema.parse({
    format: 'baton.map/v1', id: mapId, name: mapId, hub: 'social', teams: [{ id: 'social', name: 'Social' }],
    nodes: [
      ...triggers.map(([id, when, priority]) => ({ id, type: 'trigger', label: id, position: at, when, ...(priority !== undefined ? { priority } : {}) })),
      { id: 'p', type: 'pass', label: 'p', position: at, to: { team: 'social' }, expected: { action: 'Answer', within: 'PT1H', outcomes: ['done'] } },
      { id: 'e', type: 'end', label: 'e', position: at, outcome: 'done' },
    ],
    edges: [
      ...triggers.map(([id]) => ({ id: `to-${id}`, source: id, target: 'p' })),
      { id: 'done', source: 'p', target: 'e', on: 'done' },
    ],
  });
  return { mapId, compiled: compileMap(map), crisis };
}

const route = (maps: RoutableMap[], text: string) => {
  const match = routeMention(maps, facts(text));
  return match && `${match.mapId}/${match.trigger.id}`;
};

describe('routeMention', () => {
  it('tries triggers of every map by priority, highest first', () => {
    const care = routable('care', [['broken', words('broken'), 1]]);
    const outage = routable('outage', [['down', words('down', 'broken'), 5]]);
    // Both maps match "broken"; outage's trigger has priority 5 > 1.
    expect(route([care, outage], 'Site broken')).toBe('outage/down');
    expect(route([outage, care], 'Site broken')).toBe('outage/down');
  });

  it('breaks priority ties by map id, then by node id', () => {
    const zeta = routable('zeta', [['a', words('help')]]);
    const alpha = routable('alpha', [['z', words('help')], ['m', words('help')]]);
    // All priority 0: map "alpha" before "zeta"; inside alpha node "m" before "z".
    expect(route([zeta, alpha], 'help')).toBe('alpha/m');
    // Default priority is 0, and a negative one goes after it.
    const late = routable('aaa', [['first', words('help'), -1]]);
    expect(route([zeta, late, alpha], 'help')).toBe('alpha/m');
  });

  it('orders priority across maps before map id', () => {
    const a = routable('a', [['low', words('help'), 0]]);
    const b = routable('b', [['high', words('help'), 2]]);
    expect(route([a, b], 'help')).toBe('b/high');
  });

  it('leaves a mention no trigger matches unrouted', () => {
    const care = routable('care', [['broken', words('broken')]]);
    expect(routeMention([care], facts('Lovely weather'))).toBeUndefined();
    expect(routeMention([], facts('broken'))).toBeUndefined();
  });

  it('lets trigger conditions see the map’s crisis flag', () => {
    const inCrisis = { field: 'crisis', op: 'eq', value: true } as Condition;
    const calm = routable('ops', [['crisisOnly', { all: [words('down'), inCrisis] }, 9], ['normal', words('down')]]);
    expect(route([calm], 'Is the site down?')).toBe('ops/normal');
    expect(route([{ ...calm, crisis: true }], 'Is the site down?')).toBe('ops/crisisOnly');
  });

  describe('brands (listensTo)', () => {
    const branded = (text: string, brand?: string) =>
      mentionFacts({ id: 'm1', network: 'twitter', author: { handle: '@ana' }, text, createdAt: '2026-01-01T09:00:00Z', ...(brand ? { brand } : {}) });
    const listening = (mapId: string, brands: string[], priority = 0): RoutableMap => {
      const r = routable(mapId, [['t', words('broken'), priority]]);
      return { ...r, compiled: { ...r.compiled, map: { ...r.compiled.map, listensTo: { brands } } } };
    };

    it('tries a brand map only for mentions of its brands; a map without listensTo hears every mention', () => {
      const acme = listening('acme', ['acme'], 5);
      const globex = listening('globex', ['globex', 'globex-uk'], 5);
      const anyone = routable('anyone', [['t', words('broken'), 0]]);
      const maps = [acme, globex, anyone];
      expect(routeMention(maps, branded('broken', 'acme'))?.mapId).toBe('acme');
      expect(routeMention(maps, branded('broken', 'globex-uk'))?.mapId).toBe('globex');
      // A higher-priority trigger of another brand's map never takes the mention.
      expect(routeMention(maps, branded('broken', 'initech'))?.mapId).toBe('anyone');
      // No brand: not heard by brand maps, only by the map that hears everything.
      expect(routeMention(maps, branded('broken'))?.mapId).toBe('anyone');
      expect(routeMention([acme], branded('broken'))).toBeUndefined();
      expect(routeMention([acme], branded('broken', 'globex'))).toBeUndefined();
      expect(routeMention([acme], branded('broken', 'acme'))?.mapId).toBe('acme');
    });

    it('lets the simulator take a mention without a brand as the rehearsed map’s, but never another brand’s', () => {
      const acme = listening('acme', ['acme']);
      expect(routeMention([acme], branded('broken'), { unbrandedHeardByAll: true })?.mapId).toBe('acme');
      expect(routeMention([acme], branded('broken', 'globex'), { unbrandedHeardByAll: true })).toBeUndefined();
      expect(mapHearsBrand({}, undefined)).toBe(true);
      expect(mapHearsBrand({ listensTo: { brands: ['a'] } }, undefined)).toBe(false);
      expect(mapHearsBrand({ listensTo: { brands: ['a'] } }, 'a')).toBe(true);
    });
  });
});
