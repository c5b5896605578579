import { describe, expect, it } from 'vitest';
import { jsonDepth } from './jsonDepth.ts';

describe('jsonDepth', () => {
  it('counts arrays and objects, not brackets inside strings or escaped quotes', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{"a":[1,{"b":"]"}]}')).toBe(3);
    expect(jsonDepth('["\\"[[[[", {}]')).toBe(2);
    expect(jsonDepth('{"not":{"not":{"not":{"field":"text"}}}}')).toBe(4);
  });

  it('stops counting once past the limit', () => {
    expect(jsonDepth('['.repeat(1_000_000), 64)).toBe(65);
  });
});
