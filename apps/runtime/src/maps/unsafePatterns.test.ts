import { describe, expect, it } from 'vitest';
import { unsafePatterns } from './unsafePatterns.ts';

const when = (value: unknown) => ({ field: 'text', op: 'matches', value });

describe('unsafePatterns', () => {
  it('finds patterns RE2 refuses in triggers and edges, however deeply the condition nests', () => {
    const found = unsafePatterns({
      nodes: [
        { id: 't1', when: when('(?i)refund') },
        { id: 't2', when: { all: [{ any: [{ not: when('(a+)+\\1') }] }] } },
      ],
      edges: [{ id: 'e1', when: when('(?=x)') }, { id: 'e2' }],
    });
    expect(found.map((f) => f.node ?? f.edge)).toEqual(['t2', 'e1']);
    expect(found[0]!.message).toMatch(/backreferences/);
    expect(found[1]!.message).toMatch(/lookahead/);
  });

  it('reads any JSON without throwing, and flags a pattern that is not a string', () => {
    expect(unsafePatterns({ nodes: 'x', edges: [null, 1, 'e'] })).toEqual([]);
    expect(unsafePatterns({ nodes: [{ id: 'n', when: when(42) }] })).toHaveLength(1);
  });
});
