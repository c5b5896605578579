import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { mapSchema, type BatonMap } from '../schema/map.ts';
import { scenarioSchema } from '../schema/scenario.ts';
import { simulateMap } from '../simulate/simulateMap.ts';
import { validateMap } from '../validate/validateMap.ts';
import { compileMap } from '../compile/compileMap.ts';
import { mentionFacts } from '../conditions/mentionFacts.ts';
import { startCase, stepCase, type CaseStep } from '../case/runCase.ts';
import { PROBLEM_CODES, validationResultSchema } from './problem.ts';
import { simulationResultSchema } from './simulationResult.ts';
import { caseViewSchema } from './caseView.ts';
import { HISTORY_KINDS, historyEntrySchema } from './caseHistory.ts';
import { LIVE_EVENT_TYPES, liveEventSchema } from './liveEvent.ts';

/** Parses `value` and checks nothing was dropped or changed: a key the schema lacks fails too. */
function expectExact(schema: z.ZodType, value: unknown): void {
  const parsed = schema.safeParse(value);
  expect(parsed.error?.issues ?? []).toEqual([]);
  expect(parsed.data).toEqual(value);
}

const maps = import.meta.glob<unknown>('../../../../examples/*/*.map.json', { eager: true, import: 'default' });
const scenarios = import.meta.glob<unknown>('../../../../examples/*/*.scenario.json', { eager: true, import: 'default' });
const folder = (path: string) => path.split('/').at(-2);

describe('simulation result', () => {
  // The small scenario of each shipped example: every kind of row (ended, open, unrouted) and metric.
  const small = Object.entries(scenarios)
    .map(([path, doc]) => ({ path, scenario: scenarioSchema.parse(doc) }))
    .filter(({ scenario }) => (scenario.generate ?? []).reduce((n, g) => n + g.count, 0) + (scenario.mentions?.length ?? 0) <= 100);

  it('covers every shipped example', () => {
    expect(new Set(small.map((s) => folder(s.path)))).toEqual(new Set(Object.keys(maps).map(folder)));
  });

  it.each(small.map((s) => [s.path.split('/').at(-1)!, s] as const))('is what simulating %s returns', (_name, { path, scenario }) => {
    const mapPath = Object.keys(maps).find((m) => folder(m) === folder(path))!;
    const result = simulateMap(mapSchema.parse(maps[mapPath]), scenario);
    expect(result.cases.length).toBeGreaterThan(0);
    expectExact(simulationResultSchema, result);
  });
});

describe('problems', () => {
  it('is what validateMap answers, warnings and errors alike', () => {
    const result = validateMap({
      format: 'baton.map/v1', id: 'm', name: 'M', hub: 'ghost', teams: [{ id: 'care', name: 'Care' }],
      nodes: [
        { id: 'p', type: 'pass', label: 'P', position: { x: 0, y: 0 }, to: { team: 'nobody' }, expected: { action: 'Reply', outcomes: ['done'] } },
        { id: 'e', type: 'end', label: 'E', position: { x: 0, y: 0 }, outcome: 'resolved' },
      ],
      edges: [{ id: 'x', from: 'p', to: 'nowhere', on: 'done' }],
    });
    expect(result.problems.map((p) => p.code)).toEqual(expect.arrayContaining(['E_SCHEMA', 'E_NO_TRIGGER', 'E_UNKNOWN_TEAM', 'W_NO_TIMEOUT']));
    expect(result.problems.every((p) => PROBLEM_CODES.includes(p.code))).toBe(true);
    expectExact(validationResultSchema, result);
  });

  it('refuses a code the validator does not use', () => {
    expect(validationResultSchema.safeParse({ valid: false, problems: [{ code: 'E_MADE_UP', severity: 'error', message: 'x' }] }).success).toBe(false);
  });
});

describe('case view', () => {
  const example = maps['../../../../examples/customer-complaint/customer-complaint.map.json'];
  const map: BatonMap = mapSchema.parse(example);
  const compiled = compileMap(map);

  it('is what each step of a case answers, from its start to its end', () => {
    const trigger = map.nodes.find((n) => n.type === 'trigger')!;
    const facts = mentionFacts({ id: 'm1', network: 'twitter', author: { handle: '@ana' }, text: 'My parcel is broken and late', createdAt: '2026-01-01T09:00:00Z' });
    let step: CaseStep = startCase(compiled, { caseId: 'c1', mentionId: 'm1', trigger: trigger.id, facts, at: 0, crisis: false });
    const seen = new Set<string>();
    for (let i = 0; i < 20 && step.view.status !== 'ended'; i++) {
      expectExact(caseViewSchema, step.view);
      seen.add(step.view.status);
      const v = step.view;
      const event = v.status === 'preparing' ? { type: 'checklist.done' as const }
        : v.status === 'waiting' ? { type: 'claim' as const, member: 'u1' }
          : v.status === 'held' ? { type: 'outcome' as const, outcome: v.outcomes[0]! }
            : { type: 'lesson' as const };
      const next = stepCase(compiled, step.snapshot, { ...event, at: (i + 1) * 60_000, crisis: false });
      if ('refused' in next) throw new Error(next.refused);
      step = next;
    }
    expectExact(caseViewSchema, step.view);
    expect(step.view.status).toBe('ended');
    expect(seen.has('held')).toBe(true);
  });
});

describe('case history', () => {
  it('has one entry shape per kind, and refuses a kind it does not know', () => {
    expect(new Set(historyEntrySchema.options.map((o) => o.shape.type.value))).toEqual(new Set(HISTORY_KINDS));
    expect(historyEntrySchema.safeParse({ at: '2026-01-01T09:00:00.000Z', type: 'made.up', actor: null, data: {} }).success).toBe(false);
  });

  it('types data by kind: a claim names its member', () => {
    const claim = { at: '2026-01-01T09:00:00.000Z', type: 'claim', actor: 'u1', data: { member: 'u1', expiresAt: '2026-01-01T09:30:00.000Z' } };
    expectExact(historyEntrySchema, claim);
    expect(historyEntrySchema.safeParse({ ...claim, data: { expiresAt: claim.data.expiresAt } }).success).toBe(false);
  });
});

describe('live events', () => {
  it('has one data shape per event name', () => {
    expect(liveEventSchema.options.map((o) => o.shape.type.value)).toEqual([...LIVE_EVENT_TYPES]);
  });

  // docs/api.md lists these; apps/runtime's events.test.ts parses the ones a running server sends.
  it.each([
    { type: 'ready', data: { user: 'u1' } },
    { type: 'case', data: { id: 'c1', mapId: 'm', node: 'p', status: 'waiting', team: 'care', holder: null } },
    { type: 'case', data: { id: 'c1', mapId: 'm', node: 'p', status: 'held', team: 'care', holder: 'u1', reply: { id: 'r1', status: 'queued' } } },
    { type: 'claim', data: { caseId: 'c1', holder: 'u1', expiresAt: '2026-01-01T09:30:00.000Z', handedOut: 'round-robin' } },
    { type: 'claim', data: { caseId: 'c1', holder: null } },
    { type: 'queue', data: { team: 'care' } },
    { type: 'mention', data: { id: 'twitter:1', status: 'routed', caseId: 'c1' } },
    { type: 'mention', data: { id: 'twitter:2', status: 'unrouted' } },
    { type: 'crisis', data: { mapId: 'm', on: true, since: '2026-01-01T09:00:00.000Z' } },
    { type: 'map', data: { id: 'm', version: 2, state: 'draft', change: 'created' } },
    { type: 'presence', data: { caseId: 'c1', viewers: [{ id: 'u1', name: 'Ana' }] } },
    { type: 'online', data: { user: 'u1', online: true } },
    { type: 'notification', data: { message: 'Case c1 ended', kind: 'end', mapId: 'm', caseId: 'c1', node: 'e', outcome: 'resolved' } },
  ])('reads a $type event', (event) => {
    expectExact(liveEventSchema, event);
  });

  it('refuses data that does not fit its name', () => {
    expect(liveEventSchema.safeParse({ type: 'claim', data: { team: 'care' } }).success).toBe(false);
  });
});
