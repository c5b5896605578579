import { describe, expect, it } from 'vitest';
import { checkCondition } from './checkCondition.ts';

describe('checkCondition', () => {
  it('accepts every field with the operators that fit it', () => {
    const ok = [
      { field: 'text', op: 'containsAny', value: ['outage', 'no signal', '#down', '@acme'] },
      { field: 'text', op: 'matches', value: '(?i)order #?\\d{5,}' },
      { field: 'network', op: 'in', value: ['twitter', 'facebook'] },
      { field: 'author.handle', op: 'eq', value: '@ana' },
      { field: 'author.followers', op: 'gte', value: 10_000 },
      { field: 'author.verified', op: 'eq', value: true },
      { field: 'lang', op: 'exists' },
      { field: 'sentiment', op: 'lt', value: -0.3 },
      { field: 'directedAtBrand', op: 'neq', value: false },
      { field: 'isQuestion', op: 'exists', value: false },
      { field: 'tags', op: 'containsAll', value: ['vip', 'press'] },
      { field: 'crisis', op: 'eq', value: true },
      { field: 'passCount', op: 'in', value: [0, 1] },
    ];
    expect(checkCondition({ all: [{ any: ok }, { not: ok[0] }] })).toEqual([]);
  });

  it('names unknown fields and operators with what to use instead', () => {
    const [field, op] = checkCondition({ all: [{ field: 'followers', op: 'gt', value: 1 }, { field: 'text', op: 'contains', value: ['x'] }] });
    expect(field?.path).toBe('when.all[0].field');
    expect(field?.message).toMatch(/^unknown field "followers"; use one of network, text, author\.handle/);
    expect(op?.path).toBe('when.all[1].op');
    expect(op?.message).toMatch(/^unknown operator "contains"; use one of eq, neq/);
  });

  it('refuses an operator that does not fit the field', () => {
    const [p] = checkCondition({ field: 'text', op: 'gt', value: 3 });
    expect(p?.path).toBe('when.op');
    expect(p?.message).toMatch(/gt does not apply to text.*only numbers/);
    expect(checkCondition({ field: 'author.followers', op: 'containsAny', value: ['1'] })[0]?.path).toBe('when.op');
  });

  it('refuses values of the wrong type', () => {
    expect(checkCondition({ field: 'author.followers', op: 'gt', value: '10000' })).toEqual([
      { path: 'when.value', message: 'author.followers gt needs a number, got the text "10000"' },
    ]);
    expect(checkCondition({ field: 'text', op: 'containsAny', value: 'outage' })[0]?.message).toMatch(/needs a non-empty list/);
    expect(checkCondition({ field: 'text', op: 'containsAny', value: [] })[0]?.message).toMatch(/needs a non-empty list/);
    expect(checkCondition({ field: 'network', op: 'in', value: 'twitter' })[0]?.path).toBe('when.value');
    expect(checkCondition({ field: 'text', op: 'matches', value: 42 })[0]?.message).toMatch(/matches needs a regular expression/);
    expect(checkCondition({ field: 'crisis', op: 'eq', value: 'yes' })[0]?.message).toMatch(/needs true or false/);
    expect(checkCondition({ field: 'text', op: 'exists', value: 'yes' })[0]?.message).toMatch(/exists takes true/);
    expect(checkCondition({ field: 'text', op: 'containsAny', value: ['ok', 7, '!!'] })).toEqual([
      { path: 'when.value[1]', message: 'containsAny needs text, got the number 7' },
      { path: 'when.value[2]', message: '"!!" has no word in it, so it can never match; use letters or digits' },
    ]);
  });

  it('refuses unknown networks and sentiment outside [-1, 1]', () => {
    expect(checkCondition({ field: 'network', op: 'eq', value: 'tiktok' })[0]?.message).toMatch(/"tiktok" is not a network; use one of twitter/);
    expect(checkCondition({ field: 'sentiment', op: 'lt', value: -30 })[0]?.message).toMatch(/sentiment runs from -1/);
  });

  it('explains unsafe or unsupported regular expressions', () => {
    expect(checkCondition({ field: 'text', op: 'matches', value: 'down(?! for maintenance)' })).toEqual([
      { path: 'when.value', message: expect.stringMatching(/^the pattern lookahead is not supported; /) },
    ]);
    expect(checkCondition({ field: 'text', op: 'matches', value: '(a)\\1' })[0]?.message).toMatch(/backreferences/);
  });

  it('checks the shape of groups and tests without throwing on junk', () => {
    expect(checkCondition({ all: 'x' })[0]).toEqual({ path: 'when.all', message: 'all needs a list of conditions, got the text "x"' });
    expect(checkCondition({ any: [] })[0]?.message).toMatch(/never true/);
    expect(checkCondition({ field: 'text', op: 'exists', colour: 'red' })[0]?.path).toBe('when.colour');
    expect(checkCondition({ all: [], any: [] })[0]?.path).toBe('when.any');
    expect(checkCondition({ not: null })[0]?.path).toBe('when.not');
    for (const junk of [null, 3, 'text', [], {}, { field: 1, op: {} }]) expect(checkCondition(junk).length).toBeGreaterThan(0);
    let deep: unknown = { field: 'crisis', op: 'eq', value: true };
    for (let i = 0; i < 10_000; i++) deep = { not: deep };
    expect(checkCondition(deep)[0]?.message).toMatch(/nested more than 32 levels/);
  });

  it('uses the path it is given', () => {
    expect(checkCondition({ field: 'x', op: 'eq' }, 'edges[3].when')[0]?.path).toBe('edges[3].when.field');
  });
});
