import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { mapSchema, type BatonMap } from '../schema/map.ts';
import { mentionFacts } from '../conditions/mentionFacts.ts';
import { startCase, stepCase, type CaseStep } from '../case/runCase.ts';
import { compileMap } from './compileMap.ts';

declare global {
  interface ImportMeta {
    /** Vite's build-time glob import; vitest runs every test through Vite. */
    glob<T>(pattern: string, options: { eager: true; import: 'default' }): Record<string, T>;
  }
}

const at = { x: 0, y: 0 };
const T0 = Date.parse('2026-01-01T09:00:00Z');
const facts = (text: string, followers?: number) =>
  mentionFacts({ id: 'm1', network: 'twitter', author: { handle: '@ana', ...(followers !== undefined ? { followers } : {}) }, text, createdAt: '2026-01-01T09:00:00Z' });

/**
 * trigger `in.bound` → decision `route.it` with three edges in this order:
 * `big` (followers ≥ 10k) → `pass.vip`, the else edge (listed second) → `pass.care`,
 * `angry` (text has "furious") → `pass.angry`. Node ids carry dots (and a colon) on purpose.
 */
function dottedMap(): BatonMap {
  const pass = (id: string, team: string) => ({
    id, type: 'pass', label: id, position: at, to: { team }, expected: { action: 'Answer', within: 'PT1H', outcomes: ['done'] },
  });
  return mapSchema.parse({
    format: 'baton.map/v1', id: 'dotted', name: 'Dotted', hub: 'social',
    teams: [{ id: 'social', name: 'Social' }, { id: 'care', name: 'Care' }, { id: 'vip', name: 'VIP' }],
    nodes: [
      { id: 'in.bound', type: 'trigger', label: 'Anything', position: at, when: { field: 'text', op: 'exists' } },
      { id: 'route.it', type: 'decision', label: 'Who?', position: at },
      pass('pass.vip', 'vip'), pass('pass.care', 'care'), pass('pass.angry', 'care'),
      { id: 'end:done.ok', type: 'end', label: 'Done', position: at, outcome: 'answered' },
    ],
    edges: [
      { id: 'e.1', source: 'in.bound', target: 'route.it' },
      { id: 'big', source: 'route.it', target: 'pass.vip', when: { field: 'author.followers', op: 'gte', value: 10000 } },
      { id: 'else', source: 'route.it', target: 'pass.care' },
      { id: 'angry', source: 'route.it', target: 'pass.angry', when: { field: 'text', op: 'containsAny', value: ['furious'] } },
      { id: 'v', source: 'pass.vip', target: 'end:done.ok', on: 'done' },
      { id: 'c', source: 'pass.care', target: 'end:done.ok', on: 'done' },
      { id: 'a', source: 'pass.angry', target: 'end:done.ok', on: 'done' },
    ],
  });
}

const startIn = (map: BatonMap, text: string, followers?: number): CaseStep =>
  startCase(compileMap(map), { caseId: 'c1', mentionId: 'm1', trigger: 'in.bound', facts: facts(text, followers), at: T0, crisis: false });

describe('compileMap', () => {
  it('makes one state per node', () => {
    const map = dottedMap();
    const { config } = compileMap(map);
    const states = config.states as Record<string, unknown>;
    // Six nodes, plus the start state and the shared ended state.
    expect(Object.keys(states)).toHaveLength(map.nodes.length + 2);
    for (const node of map.nodes) expect(states[compileMap(map).stateKey(node.id)]).toBeDefined();
  });

  it('runs maps whose node ids contain dots', () => {
    const compiled = compileMap(dottedMap());
    const step = startIn(dottedMap(), 'hello', 50);
    expect(step.view).toMatchObject({ node: 'pass.care', status: 'waiting', team: 'care' });
    expect(step.entered).toEqual(['in.bound', 'route.it', 'pass.care']);
    const done = stepCase(compiled, step.snapshot, { type: 'outcome', outcome: 'done', at: T0 + 1000, crisis: false });
    expect(done).toMatchObject({ view: { node: 'end:done.ok', status: 'ended' }, entered: ['end:done.ok'] });
  });

  it('tries decision edges in document order and takes the else edge last, wherever it is listed', () => {
    // Both `big` and `angry` hold: `big` is listed first, so it wins.
    expect(startIn(dottedMap(), 'I am furious', 20000).view.node).toBe('pass.vip');
    // Only `angry` holds; the else edge is listed before it but is tried last.
    expect(startIn(dottedMap(), 'I am furious', 50).view.node).toBe('pass.angry');
    // Nothing holds: the else edge.
    expect(startIn(dottedMap(), 'I am calm', 50).view.node).toBe('pass.care');
  });

  it('folds the decisions a case walks through into the transition that leads to them', () => {
    const { config } = compileMap(dottedMap());
    const start = (config.states as Record<string, { always: { target: string; guard: unknown }[] }>)['(start)']!;
    // One transition per way on, in the order the decision tries its edges: each rests at a pass.
    expect(start.always.map((t) => t.target)).toEqual(['#pass·vip', '#pass·angry', '#pass·care']);
  });

  it('stops the fold at a decision that reads a tag an action on the way put on the case', () => {
    const map = dottedMap();
    map.nodes.push({ id: 'tagger', type: 'action', label: 'Tag', position: at, do: [{ tag: 'vip' }] });
    map.edges[0] = { id: 'e.1', source: 'in.bound', target: 'tagger' };
    map.edges.push({ id: 'e.2', source: 'tagger', target: 'route.it' });
    const { config } = compileMap(map);
    const start = (config.states as Record<string, { always: { target: string }[] }>)['(start)']!;
    expect(start.always.map((t) => t.target)).toEqual(['#route·it']);
    expect(startIn(map, 'hello', 20000)).toMatchObject({ view: { node: 'pass.vip' }, entered: ['in.bound', 'tagger', 'route.it', 'pass.vip'] });
  });

  it('starts a case the same as an XState actor of the machine does', () => {
    const compiled = compileMap(dottedMap());
    const input = { caseId: 'c1', mentionId: 'm1', trigger: 'in.bound', facts: facts('I am furious', 50), at: T0, crisis: false, tags: ['vip', 'vip'] };
    const actor = createActor(compiled.machine, { input: { ...input, hub: 'social', priority: 0 } }).start();
    const step = startCase(compiled, input);
    expect(step.snapshot).toEqual(JSON.parse(JSON.stringify(actor.getPersistedSnapshot())));
    expect(step.view.node).toBe('pass.angry');
    actor.stop();
  });

  it('gives a machine config that is plain JSON', () => {
    const { config } = compileMap(dottedMap());
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });

  describe('the shipped examples', () => {
    // Read at build time by Vite (the engine itself has no file system access).
    const files = import.meta.glob<unknown>('../../../../examples/*/*.map.json', { eager: true, import: 'default' });
    const names = Object.keys(files).map((f) => f.split('/').pop() as string);

    it('ships the five maps examples/README.md names', () => {
      for (const name of ['customer-complaint', 'sales-opportunity', 'network-outage-crisis', 'association-member-inquiry', 'influencer-escalation']) {
        expect(names).toContain(`${name}.map.json`);
      }
    });

    it.each(Object.entries(files).map(([f, json]) => ({ name: f.split('/').pop(), json })))('compiles $name to plain JSON with a state per node', ({ json }) => {
      const map = mapSchema.parse(json);
      const { config } = compileMap(map);
      expect(JSON.parse(JSON.stringify(config))).toEqual(config);
      expect(Object.keys(config.states as object)).toHaveLength(map.nodes.length + 2);
    });
  });
});
