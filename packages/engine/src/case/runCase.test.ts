import { describe, expect, it } from 'vitest';
import { mapSchema, type BatonMap } from '../schema/map.ts';
import { mentionFacts } from '../conditions/mentionFacts.ts';
import { compileMap, type CompiledMap } from '../compile/compileMap.ts';
import type { CaseEvent } from './caseTypes.ts';
import { startCase, stepCase, type CaseRefusal, type CaseSnapshot, type CaseStep } from './runCase.ts';

const at = { x: 0, y: 0 };
const T0 = Date.parse('2026-01-01T09:00:00Z');
const MIN = 60_000;
const HOUR = 60 * MIN;

const facts = (text = 'My router is broken') =>
  mentionFacts({ id: 'm1', network: 'twitter', author: { handle: '@ana' }, text, createdAt: '2026-01-01T09:00:00Z' });

function buildMap(nodes: object[], edges: object[], more: object = {}): BatonMap {
  return mapSchema.parse({
    format: 'baton.map/v1', id: 'complaint', name: 'Complaint', hub: 'social',
    teams: [{ id: 'social', name: 'Social' }, { id: 'care', name: 'Care' }, { id: 'sup', name: 'Supervisors' }],
    nodes, edges, ...more,
  });
}

const trigger = { id: 't1', type: 'trigger', label: 'Any', position: at, when: { field: 'text', op: 'exists' } };
const pass = (id: string, team: string, outcomes: string[], more: object = {}) => ({
  id, type: 'pass', label: id, position: at, to: { team }, expected: { action: 'Answer', within: 'PT1H', outcomes }, ...more,
});
const end = (id: string, more: object = {}) => ({ id, type: 'end', label: id, position: at, outcome: id, ...more });

/**
 * t1 → p1 (care, 1 h, done/escalate, timeout → p2) ; p1 done → e1 (notifies care and a webhook);
 * p1 escalate / timeout → p2 (sup, checklist, 2 h, done; no timeout edge) ; p2 done → e2 (lesson required).
 */
function complaintMap(): BatonMap {
  return buildMap(
    [
      trigger,
      pass('p1', 'care', ['done', 'escalate']),
      pass('p2', 'sup', ['done'], { preAction: { checklist: ['Read the thread', 'Check the order'] }, expected: { action: 'Call', within: 'PT2H', outcomes: ['done'] } }),
      end('e1', { notify: [{ team: 'care' }, { webhook: 'https://hooks.example.org/baton' }] }),
      end('e2', { lessons: { required: true, prompt: 'What went wrong?' } }),
    ],
    [
      { id: 'a', source: 't1', target: 'p1' },
      { id: 'b', source: 'p1', target: 'e1', on: 'done' },
      { id: 'c', source: 'p1', target: 'p2', on: 'escalate' },
      { id: 'd', source: 'p1', target: 'p2', on: 'timeout' },
      { id: 'f', source: 'p2', target: 'e2', on: 'done' },
    ],
  );
}

/** Steps a case through events, failing the test on any refusal. */
function run(compiled: CompiledMap, first: CaseStep, ...events: CaseEvent[]): CaseStep {
  let step = first;
  for (const event of events) {
    const next = stepCase(compiled, step.snapshot, event);
    if ('refused' in next) throw new Error(`${event.type} refused: ${next.refused}`);
    step = next;
  }
  return step;
}

const ev = (minutes: number, crisis = false) => ({ at: T0 + minutes * MIN, crisis });
const claim = (member: string, m: number): CaseEvent => ({ type: 'claim', member, ...ev(m) });
const outcome = (name: string, m: number): CaseEvent => ({ type: 'outcome', outcome: name, ...ev(m) });
const refusal = (step: CaseStep | CaseRefusal): string => ('refused' in step ? step.refused : 'accepted');

function begin(map = complaintMap(), text?: string, crisis = false) {
  const compiled = compileMap(map);
  const first = startCase(compiled, { caseId: 'c1', mentionId: 'm1', trigger: 't1', facts: facts(text), at: T0, crisis });
  return { compiled, first };
}

describe('startCase', () => {
  it('rests at the first pass, waiting in the receiving team queue with its deadline', () => {
    const { first } = begin();
    expect(first.entered).toEqual(['t1', 'p1']);
    // dueAt = entered the queue at T0 + within (PT1H).
    expect(first.view).toMatchObject({ node: 'p1', status: 'waiting', team: 'care', holder: null, queuedAt: T0, dueAt: T0 + HOUR, passCount: 1, outcomes: ['done', 'escalate'] });
  });

  it('has the hub complete the checklist first, and refuses an outcome until it is done', () => {
    const map = complaintMap();
    map.edges[0] = { id: 'a', source: 't1', target: 'p2' };
    const { compiled, first } = begin(map);
    expect(first.view).toMatchObject({ node: 'p2', status: 'preparing', team: 'social', checklist: ['Read the thread', 'Check the order'], outcomes: [], dueAt: null });
    expect(refusal(stepCase(compiled, first.snapshot, outcome('done', 1)))).toMatch(/checklist/);
    // The deadline (PT2H) runs from entering the queue at +5 min, not from entering the pass.
    const ready = run(compiled, first, { type: 'checklist.done', ...ev(5) });
    expect(ready.view).toMatchObject({ status: 'waiting', team: 'sup', queuedAt: T0 + 5 * MIN, dueAt: T0 + 125 * MIN, outcomes: ['done'] });
  });
});

describe('claims', () => {
  it('lets one person hold a case at a time and names the holder when refusing another', () => {
    const { compiled, first } = begin();
    const held = run(compiled, first, claim('ana', 1));
    expect(held.view).toMatchObject({ status: 'held', holder: 'ana' });
    expect(refusal(stepCase(compiled, held.snapshot, claim('ben', 2)))).toMatch(/ana/);
    const released = run(compiled, held, { type: 'release', ...ev(3) });
    expect(released.view).toMatchObject({ status: 'waiting', holder: null });
    expect(run(compiled, released, claim('ben', 4)).view).toMatchObject({ status: 'held', holder: 'ben' });
  });
});

describe('outcomes', () => {
  it('follows the edge of the reported outcome', () => {
    const { compiled, first } = begin();
    const next = run(compiled, first, claim('ana', 1), outcome('escalate', 10));
    expect(next.entered).toEqual(['p2']);
    // p2 has a checklist: the team that last held it (care) prepares it.
    expect(next.view).toMatchObject({ node: 'p2', status: 'preparing', team: 'care', holder: null, lastHolder: 'ana', passCount: 2 });
  });

  it('refuses an undeclared outcome and lists the expected ones', () => {
    const { compiled, first } = begin();
    const refused = refusal(stepCase(compiled, first.snapshot, outcome('fixed', 1)));
    expect(refused).toMatch(/fixed/);
    expect(refused).toMatch(/done, escalate/);
  });
});

describe('deadlines', () => {
  it('refuses a timeout before the deadline; at the deadline records a breach and follows the timeout edge', () => {
    const { compiled, first } = begin();
    const held = run(compiled, first, claim('ana', 1));
    // dueAt = T0 + 60 min: one millisecond earlier is too soon.
    expect(refusal(stepCase(compiled, held.snapshot, { type: 'timeout', at: T0 + HOUR - 1, crisis: false }))).toMatch(/2026-01-01T10:00:00.000Z/);
    const moved = run(compiled, held, { type: 'timeout', ...ev(60) });
    expect(moved.view).toMatchObject({ node: 'p2', breaches: ['p1'], holder: null, lastHolder: 'ana', path: ['t1', 'p1', 'p2'] });
  });

  it('accepts a timeout after the deadline too', () => {
    const { compiled, first } = begin();
    expect(run(compiled, first, { type: 'timeout', ...ev(75) }).view).toMatchObject({ node: 'p2', breaches: ['p1'] });
  });

  it('keeps a pass with no timeout edge where it is, breached, and a later outcome still follows its edge', () => {
    const { compiled, first } = begin();
    // Escalate at +10 min; the checklist is done at +10 min; p2's deadline = +10 + 120 = +130 min.
    const atP2 = run(compiled, first, outcome('escalate', 10), { type: 'checklist.done', ...ev(10) }, claim('sam', 11));
    expect(atP2.view.dueAt).toBe(T0 + 130 * MIN);
    const breached = run(compiled, atP2, { type: 'timeout', ...ev(130) });
    expect(breached.view).toMatchObject({ node: 'p2', status: 'held', holder: 'sam', overdue: true, breaches: ['p2'] });
    // The same deadline is missed once, not twice.
    expect(refusal(stepCase(compiled, breached.snapshot, { type: 'timeout', ...ev(140) }))).toMatch(/already missed/);
    const late = run(compiled, breached, outcome('done', 200));
    expect(late.view).toMatchObject({ node: 'e2', status: 'closing', breaches: ['p2'] });
  });

  it('counts an outcome reported after a deadline nobody fired as a breach', () => {
    const { compiled, first } = begin();
    const atP2 = run(compiled, first, outcome('escalate', 10), { type: 'checklist.done', ...ev(10) });
    // p2 is due at +130 min; the outcome comes at +131 min with no timeout sent in between.
    expect(run(compiled, atP2, outcome('done', 131)).view).toMatchObject({ node: 'e2', breaches: ['p2'] });
    // An outcome exactly at the deadline is on time.
    expect(run(compiled, atP2, outcome('done', 130)).view).toMatchObject({ node: 'e2', breaches: [] });
  });
});

describe('conditions see the case', () => {
  it('routes a second pass elsewhere with passCount', () => {
    // t1 → d ; d: passCount ≥ 2 → p2, else → p1 ; p1 retry → d, p1 done → e1.
    const map = buildMap(
      [trigger, { id: 'd', type: 'decision', label: 'Again?', position: at }, pass('p1', 'care', ['done', 'retry']), pass('p2', 'sup', ['done']), end('e1')],
      [
        { id: 'a', source: 't1', target: 'd' },
        { id: 'd1', source: 'd', target: 'p2', when: { field: 'passCount', op: 'gte', value: 2 } },
        { id: 'd2', source: 'd', target: 'p1' },
        { id: 'r', source: 'p1', target: 'd', on: 'retry' },
        { id: 'k', source: 'p1', target: 'e1', on: 'done' },
        { id: 'z', source: 'p2', target: 'e1', on: 'done' },
      ],
    );
    const { compiled, first } = begin(map);
    // Passes so far: 0 at the first decision → p1 (1); 1 at the second → p1 (2); 2 at the third → p2.
    expect(first.view).toMatchObject({ node: 'p1', passCount: 1 });
    const second = run(compiled, first, outcome('retry', 1));
    expect(second.view).toMatchObject({ node: 'p1', passCount: 2 });
    const third = run(compiled, second, outcome('retry', 2));
    expect(third.view).toMatchObject({ node: 'p2', passCount: 3, team: 'sup' });
    expect(third.view.path).toEqual(['t1', 'd', 'p1', 'd', 'p1', 'd', 'p2']);
  });

  it('lets a decision read a tag an action just set', () => {
    // t1 → tagger (tag "vip") → d ; d: tags containsAny vip → p2, else → p1.
    const map = buildMap(
      [
        trigger, { id: 'tagger', type: 'action', label: 'Tag', position: at, do: [{ tag: 'vip' }, { log: 'tagged' }] },
        { id: 'd', type: 'decision', label: 'VIP?', position: at }, pass('p1', 'care', ['done']), pass('p2', 'sup', ['done']), end('e1'),
      ],
      [
        { id: 'a', source: 't1', target: 'tagger' },
        { id: 'b', source: 'tagger', target: 'd' },
        { id: 'd1', source: 'd', target: 'p2', when: { field: 'tags', op: 'containsAny', value: ['vip'] } },
        { id: 'd2', source: 'd', target: 'p1' },
        { id: 'x', source: 'p1', target: 'e1', on: 'done' },
        { id: 'y', source: 'p2', target: 'e1', on: 'done' },
      ],
    );
    const { first } = begin(map);
    expect(first.view).toMatchObject({ node: 'p2', tags: ['vip'] });
    expect(first.effects).toEqual([
      { node: 'tagger', kind: 'tag', tag: 'vip' },
      { node: 'tagger', kind: 'log', text: 'tagged' },
    ]);
  });

  it('passes the crisis flag of each event to decision conditions', () => {
    // p1 done → d ; d: crisis → p2, else → e1.
    const map = buildMap(
      [trigger, pass('p1', 'care', ['done']), { id: 'd', type: 'decision', label: 'Crisis?', position: at }, pass('p2', 'sup', ['done']), end('e1')],
      [
        { id: 'a', source: 't1', target: 'p1' },
        { id: 'b', source: 'p1', target: 'd', on: 'done' },
        { id: 'd1', source: 'd', target: 'p2', when: { field: 'crisis', op: 'eq', value: true } },
        { id: 'd2', source: 'd', target: 'e1' },
        { id: 'z', source: 'p2', target: 'e1', on: 'done' },
      ],
    );
    const { compiled, first } = begin(map);
    const calm = stepCase(compiled, first.snapshot, { type: 'outcome', outcome: 'done', at: T0 + MIN, crisis: false });
    const crisis = stepCase(compiled, first.snapshot, { type: 'outcome', outcome: 'done', at: T0 + MIN, crisis: true });
    expect(calm).toMatchObject({ view: { node: 'e1', status: 'ended' } });
    expect(crisis).toMatchObject({ view: { node: 'p2', status: 'waiting' } });
  });

  it('passes the crisis flag at the start to the first decision', () => {
    const map = buildMap(
      [trigger, { id: 'd', type: 'decision', label: 'Crisis?', position: at }, pass('p1', 'care', ['done']), pass('p2', 'sup', ['done']), end('e1')],
      [
        { id: 'a', source: 't1', target: 'd' },
        { id: 'd1', source: 'd', target: 'p2', when: { field: 'crisis', op: 'eq', value: true } },
        { id: 'd2', source: 'd', target: 'p1' },
        { id: 'x', source: 'p1', target: 'e1', on: 'done' },
        { id: 'y', source: 'p2', target: 'e1', on: 'done' },
      ],
    );
    expect(begin(map, undefined, true).first.view.node).toBe('p2');
    expect(begin(map, undefined, false).first.view.node).toBe('p1');
  });

  it('lets the first decision read tags the case started with (put on the mention in triage)', () => {
    const map = buildMap(
      [trigger, { id: 'd', type: 'decision', label: 'Press?', position: at }, pass('p1', 'care', ['done']), pass('p2', 'sup', ['done']), end('e1')],
      [
        { id: 'a', source: 't1', target: 'd' },
        { id: 'd1', source: 'd', target: 'p2', when: { field: 'tags', op: 'containsAny', value: ['press'] } },
        { id: 'd2', source: 'd', target: 'p1' },
        { id: 'x', source: 'p1', target: 'e1', on: 'done' },
        { id: 'y', source: 'p2', target: 'e1', on: 'done' },
      ],
    );
    const compiled = compileMap(map);
    const start = (tags?: string[]) => startCase(compiled, { caseId: 'c1', mentionId: 'm1', trigger: 't1', facts: facts(), at: T0, crisis: false, ...(tags ? { tags } : {}) });
    expect(start(['press', 'press']).view).toMatchObject({ node: 'p2', tags: ['press'] });
    expect(start().view).toMatchObject({ node: 'p1', tags: [] });
  });
});

describe('the end', () => {
  it('stays closing until the lesson is written, then ends', () => {
    const { compiled, first } = begin();
    const closing = run(compiled, first, outcome('escalate', 1), { type: 'checklist.done', ...ev(2) }, claim('sam', 3), outcome('done', 20));
    expect(closing.view).toMatchObject({ node: 'e2', status: 'closing', lessonRequired: true, lessonPrompt: 'What went wrong?', endOutcome: 'e2' });
    const ended = run(compiled, closing, { type: 'lesson', ...ev(30) });
    expect(ended.view.status).toBe('ended');
    expect(refusal(stepCase(compiled, ended.snapshot, outcome('done', 31)))).toMatch(/ended/);
  });

  it('refuses a lesson where none is asked', () => {
    const { compiled, first } = begin();
    expect(refusal(stepCase(compiled, first.snapshot, { type: 'lesson', ...ev(1) }))).not.toBe('accepted');
  });

  it('returns the notifications of the end, in the order they are listed', () => {
    const { compiled, first } = begin();
    const ended = run(compiled, first, outcome('done', 5));
    expect(ended.view).toMatchObject({ status: 'ended', node: 'e1', endOutcome: 'e1' });
    expect(ended.effects).toEqual([
      { node: 'e1', kind: 'notify', recipient: { team: 'care' }, message: expect.any(String) },
      { node: 'e1', kind: 'notify', recipient: { webhook: 'https://hooks.example.org/baton' }, message: expect.any(String) },
    ]);
  });

  it('returns action effects before the end notifications, in walk order', () => {
    const map = buildMap(
      [
        trigger, pass('p1', 'care', ['done']),
        { id: 'say', type: 'action', label: 'Say', position: at, do: [{ reply: 'Thanks!' }, { notify: { team: 'sup' }, message: 'FYI' }] },
        end('e1', { notify: [{ email: 'boss@example.org' }] }),
      ],
      [
        { id: 'a', source: 't1', target: 'p1' },
        { id: 'b', source: 'p1', target: 'say', on: 'done' },
        { id: 'c', source: 'say', target: 'e1' },
      ],
    );
    const { compiled, first } = begin(map);
    const ended = run(compiled, first, outcome('done', 1));
    expect(ended.entered).toEqual(['say', 'e1']);
    expect(ended.effects.map((e) => [e.node, e.kind])).toEqual([['say', 'reply'], ['say', 'notify'], ['e1', 'notify']]);
  });
});

describe('persisted snapshots', () => {
  it('survive a JSON round trip, and stepping the copy gives the same result', () => {
    const { compiled, first } = begin();
    const held = run(compiled, first, claim('ana', 1));
    const copy = JSON.parse(JSON.stringify(held.snapshot)) as CaseSnapshot;
    expect(copy).toEqual(held.snapshot);
    const fromCopy = stepCase(compiled, copy, outcome('escalate', 9));
    const fromOriginal = stepCase(compiled, held.snapshot, outcome('escalate', 9));
    expect(fromCopy).toEqual(fromOriginal);
    // A refusal reads the same from the copy too.
    expect(stepCase(compiled, copy, claim('ben', 2))).toEqual(stepCase(compiled, held.snapshot, claim('ben', 2)));
  });

  it('restore into a freshly compiled map of the same document', () => {
    const { first } = begin();
    const copy = JSON.parse(JSON.stringify(first.snapshot)) as CaseSnapshot;
    const again = compileMap(complaintMap());
    expect(run(again, { ...first, snapshot: copy }, outcome('done', 2)).view).toMatchObject({ node: 'e1', status: 'ended' });
  });
});
