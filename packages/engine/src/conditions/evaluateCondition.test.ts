import { describe, expect, it } from 'vitest';
import type { Condition } from '../schema/condition.ts';
import { evaluateCondition } from './evaluateCondition.ts';
import type { ConditionFacts } from './facts.ts';


const outage: ConditionFacts = {
  network: 'twitter',
  text: '@AcmeTelecom is the network DOWN again? no signal since 9am #outage',
  authorHandle: '@Ana_Leeds',
  authorFollowers: 12_500,
  authorVerified: false,
  lang: 'en-GB',
  sentiment: -0.61,
  directedAtBrand: true,
  isQuestion: true,
  tags: ['Outage', 'north'],
  crisis: false,
  passCount: 1,
};
const quiet: ConditionFacts = {
  network: 'review',
  text: 'Lovely shop, friendly staff.',
  authorHandle: 'bob',
  sentiment: 0.8,
  isQuestion: false,
  tags: [],
  crisis: true,
  passCount: 0,
};
const holds = (c: Condition, facts = outage) => evaluateCondition(c, facts);

describe('evaluateCondition on text', () => {
  it('matches keywords and phrases as whole words', () => {
    expect(holds({ field: 'text', op: 'containsAny', value: ['outage', 'down', 'no signal'] })).toBe(true);
    expect(holds({ field: 'text', op: 'containsAny', value: ['download'] })).toBe(false);
    expect(holds({ field: 'text', op: 'containsAll', value: ['network', 'no signal'] })).toBe(true);
    expect(holds({ field: 'text', op: 'containsAll', value: ['network', 'refund'] })).toBe(false);
    expect(holds({ field: 'text', op: 'containsAny', value: ['#outage'] })).toBe(true);
    expect(holds({ field: 'text', op: 'containsAny', value: ['#down'] })).toBe(false);
  });

  it('runs regular expressions with RE2, case-sensitive unless (?i)', () => {
    expect(holds({ field: 'text', op: 'matches', value: 'since \\d+am' })).toBe(true);
    expect(holds({ field: 'text', op: 'matches', value: 'network down' })).toBe(false);
    expect(holds({ field: 'text', op: 'matches', value: '(?i)network down' })).toBe(true);
  });

  it('compares text case-insensitively', () => {
    expect(holds({ field: 'text', op: 'eq', value: 'LOVELY SHOP, FRIENDLY STAFF.' }, quiet)).toBe(true);
    expect(holds({ field: 'text', op: 'exists' })).toBe(true);
    expect(holds({ field: 'text', op: 'exists' }, { ...quiet, text: '   ' })).toBe(false);
  });
});

describe('evaluateCondition on the author', () => {
  it('compares follower counts and treats a missing count as no match', () => {
    expect(holds({ field: 'author.followers', op: 'gte', value: 10_000 })).toBe(true);
    expect(holds({ field: 'author.followers', op: 'lt', value: 10_000 })).toBe(false);
    expect(holds({ field: 'author.followers', op: 'gte', value: 0 }, quiet)).toBe(false);
    expect(holds({ field: 'author.followers', op: 'lt', value: 10_000 }, quiet)).toBe(false);
    expect(holds({ field: 'author.followers', op: 'neq', value: 5 }, quiet)).toBe(false);
    expect(holds({ field: 'author.followers', op: 'exists', value: false }, quiet)).toBe(true);
  });

  it('compares handles ignoring case and a leading @', () => {
    expect(holds({ field: 'author.handle', op: 'eq', value: 'ana_leeds' })).toBe(true);
    expect(holds({ field: 'author.handle', op: 'in', value: ['@bob', '@ANA_LEEDS'] })).toBe(true);
    expect(holds({ field: 'author.handle', op: 'neq', value: '@ana_leeds' })).toBe(false);
  });

  it('tests verification, treating an unknown one as neither', () => {
    expect(holds({ field: 'author.verified', op: 'eq', value: false })).toBe(true);
    expect(holds({ field: 'author.verified', op: 'eq', value: true })).toBe(false);
    expect(holds({ field: 'author.verified', op: 'eq', value: false }, quiet)).toBe(false);
    expect(holds({ field: 'author.verified', op: 'neq', value: true }, quiet)).toBe(false);
  });
});

describe('evaluateCondition on the mention and case', () => {
  it('compares network, language and sentiment', () => {
    expect(holds({ field: 'network', op: 'in', value: ['twitter', 'facebook'] })).toBe(true);
    expect(holds({ field: 'network', op: 'eq', value: 'Twitter' })).toBe(true);
    expect(holds({ field: 'lang', op: 'eq', value: 'en' })).toBe(true);
    expect(holds({ field: 'lang', op: 'eq', value: 'en-us' })).toBe(false);
    expect(holds({ field: 'lang', op: 'eq', value: 'en' }, quiet)).toBe(false);
    expect(holds({ field: 'sentiment', op: 'lte', value: -0.3 })).toBe(true);
    expect(holds({ field: 'sentiment', op: 'gt', value: 0.5 }, quiet)).toBe(true);
  });

  it('tests the derived and case flags', () => {
    expect(holds({ field: 'isQuestion', op: 'eq', value: true })).toBe(true);
    expect(holds({ field: 'directedAtBrand', op: 'eq', value: true })).toBe(true);
    expect(holds({ field: 'crisis', op: 'eq', value: true }, quiet)).toBe(true);
    expect(holds({ field: 'crisis', op: 'neq', value: true })).toBe(true);
    expect(holds({ field: 'passCount', op: 'gte', value: 1 })).toBe(true);
    expect(holds({ field: 'passCount', op: 'eq', value: 0 }, quiet)).toBe(true);
  });

  it('tests tags as a case-insensitive set', () => {
    expect(holds({ field: 'tags', op: 'containsAny', value: ['outage', 'vip'] })).toBe(true);
    expect(holds({ field: 'tags', op: 'containsAll', value: ['outage', 'vip'] })).toBe(false);
    expect(holds({ field: 'tags', op: 'containsAll', value: ['OUTAGE', 'north'] })).toBe(true);
    expect(holds({ field: 'tags', op: 'in', value: ['north'] })).toBe(true);
    expect(holds({ field: 'tags', op: 'eq', value: 'north' })).toBe(true);
    expect(holds({ field: 'tags', op: 'neq', value: 'north' })).toBe(false);
    expect(holds({ field: 'tags', op: 'exists' })).toBe(true);
    expect(holds({ field: 'tags', op: 'exists' }, quiet)).toBe(false);
    expect(holds({ field: 'tags', op: 'matches', value: '^nor' })).toBe(true);
  });
});

describe('evaluateCondition groups', () => {
  const influencer: Condition = {
    any: [
      { field: 'author.followers', op: 'gt', value: 10_000 },
      { field: 'author.verified', op: 'eq', value: true },
    ],
  };
  it('combines all, any and not', () => {
    expect(holds(influencer)).toBe(true);
    expect(holds(influencer, quiet)).toBe(false);
    expect(holds({ all: [influencer, { field: 'sentiment', op: 'lt', value: 0 }] })).toBe(true);
    expect(holds({ not: influencer }, quiet)).toBe(true);
    expect(holds({ all: [] })).toBe(true);
    expect(holds({ any: [] })).toBe(false);
  });

  it('evaluates an invalid condition to false as a whole, without throwing', () => {
    const bad = [
      { field: 'colour', op: 'eq', value: 'red' },
      { field: 'author.followers', op: 'gt', value: '10k' },
      { field: 'text', op: 'matches', value: '(?=x)' },
      { field: 'text', op: 'containsAny', value: 'outage' },
      { not: { field: 'text', op: 'nope' } },
      { all: 'x' },
    ] as unknown as Condition[];
    for (const c of bad) expect(holds(c)).toBe(false);
    expect(evaluateCondition(null as unknown as Condition, outage)).toBe(false);
    expect(evaluateCondition({ field: 'text', op: 'exists' }, null as unknown as ConditionFacts)).toBe(false);
    expect(evaluateCondition({ field: 'tags', op: 'exists' }, {} as ConditionFacts)).toBe(false);
  });

  it('gives the same answer through its compiled-condition cache, call after call', () => {
    const trigger: Condition = {
      all: [
        { field: 'text', op: 'containsAny', value: ['outage', 'down', 'no signal'] },
        { not: { field: 'network', op: 'eq', value: 'review' } },
        influencer,
      ],
    };
    let hits = 0;
    for (let i = 0; i < 10_000; i++) if (evaluateCondition(trigger, { ...outage, passCount: i })) hits++;
    expect(hits).toBe(10_000);
  });
});
