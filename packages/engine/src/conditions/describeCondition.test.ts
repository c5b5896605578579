import { describe, expect, it } from 'vitest';
import type { Condition } from '../schema/condition.ts';
import { describeCondition } from './describeCondition.ts';

const say = (c: unknown) => describeCondition(c as Condition);

describe('describeCondition', () => {
  it('says keyword tests as the designer thinks of them', () => {
    expect(say({ field: 'text', op: 'containsAny', value: ['outage', 'down', 'no signal'] })).toBe('text mentions outage, down or no signal');
    expect(say({ field: 'text', op: 'containsAll', value: ['refund', 'order'] })).toBe('text mentions refund and order');
    expect(say({ field: 'text', op: 'matches', value: 'order #?\\d+' })).toBe('text matches /order #?\\d+/');
  });

  it('says author tests', () => {
    expect(say({ field: 'author.followers', op: 'gte', value: 10000 })).toBe('author has at least 10,000 followers');
    expect(say({ field: 'author.followers', op: 'lt', value: 500 })).toBe('author has fewer than 500 followers');
    expect(say({ field: 'author.verified', op: 'eq', value: true })).toBe('author is verified');
    expect(say({ field: 'author.verified', op: 'neq', value: true })).toBe('author is not verified');
    expect(say({ field: 'author.handle', op: 'in', value: ['@ana', '@bob'] })).toBe('author is @ana or @bob');
    expect(say({ field: 'author.followers', op: 'exists' })).toBe("author's follower count is known");
  });

  it('says mention and case tests', () => {
    expect(say({ field: 'crisis', op: 'eq', value: true })).toBe('during a crisis');
    expect(say({ field: 'crisis', op: 'eq', value: false })).toBe('outside a crisis');
    expect(say({ field: 'network', op: 'in', value: ['twitter', 'facebook'] })).toBe('network is twitter or facebook');
    expect(say({ field: 'lang', op: 'neq', value: 'en' })).toBe('language is not en');
    expect(say({ field: 'sentiment', op: 'lte', value: -0.3 })).toBe('sentiment is at most -0.3');
    expect(say({ field: 'isQuestion', op: 'eq', value: true })).toBe('mention is a question');
    expect(say({ field: 'directedAtBrand', op: 'eq', value: true })).toBe('mention is directed at the brand');
    expect(say({ field: 'tags', op: 'containsAny', value: ['vip', 'press'] })).toBe('case is tagged vip or press');
    expect(say({ field: 'tags', op: 'exists', value: false })).toBe('case has no tags');
    expect(say({ field: 'passCount', op: 'gte', value: 2 })).toBe('the case has been passed at least 2 times');
  });

  it('joins groups with and / or and brackets nested ones', () => {
    expect(
      say({
        all: [
          { field: 'sentiment', op: 'lt', value: 0 },
          { any: [{ field: 'author.followers', op: 'gt', value: 10000 }, { field: 'author.verified', op: 'eq', value: true }] },
          { not: { field: 'network', op: 'eq', value: 'review' } },
        ],
      }),
    ).toBe('sentiment is below 0 and (author has more than 10,000 followers or author is verified) and not (network is review)');
    expect(say({ all: [] })).toBe('always');
    expect(say({ any: [] })).toBe('never');
  });

  it('still says something for invalid conditions', () => {
    expect(say({ field: 'colour', op: 'eq', value: 'red' })).toBe('colour eq red');
    expect(say(null)).toBe('an invalid condition');
    expect(say({ all: 3 })).toBe('an invalid condition');
  });
});
