import { describe, expect, it } from 'vitest';
import { diffMaps } from './diffMaps.ts';
import { sampleMap } from './fixtures/sampleMap.ts';

describe('diffMaps', () => {
  it('finds added, removed and changed nodes field by field, ignoring moves', () => {
    const next = structuredClone(sampleMap);
    next.nodes = next.nodes.filter((n) => n.id !== 'esc');
    next.nodes.push({ id: 'new', type: 'end', label: 'New', position: { x: 0, y: 0 }, outcome: 'new' });
    const care = next.nodes.find((n) => n.id === 'care');
    if (care?.type === 'pass') care.expected = { ...care.expected, within: 'PT2H' };
    const start = next.nodes.find((n) => n.id === 'start');
    if (start) start.position = { x: 999, y: 999 };
    const diff = diffMaps(sampleMap, next);
    expect(diff.nodes.added).toEqual(['new']);
    expect(diff.nodes.removed).toEqual(['esc']);
    expect(diff.nodes.changed).toEqual([
      { id: 'care', fields: [{ field: 'expected.within', from: 'PT1H', to: 'PT2H' }] },
    ]);
  });

  it('treats every node as added when nothing is active yet', () => {
    const diff = diffMaps(null, sampleMap);
    expect(diff.nodes.added).toHaveLength(sampleMap.nodes.length);
    expect(diff.nodes.removed).toEqual([]);
  });
});
