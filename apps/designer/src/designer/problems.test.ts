import { describe, expect, it } from 'vitest';
import { createProblemStore } from './problems.ts';
import type { Problem } from './engine.ts';

const deadEnd: Problem = { code: 'E_DEAD_END', severity: 'error', node: 'pass-1', message: 'No path to an end.' };
const noTimeout: Problem = { code: 'W_NO_TIMEOUT', severity: 'warning', node: 'pass-2', message: 'No timeout edge.' };

describe('problem store', () => {
  it('indexes problems by node and keeps unchanged lists identical so untouched nodes do not re-render', () => {
    const store = createProblemStore();
    store.set([deadEnd, noTimeout]);
    const first = store.get();
    expect(first.byNode.get('pass-1')).toEqual([deadEnd]);
    store.set([{ ...deadEnd }, { ...noTimeout, message: 'Still no timeout edge.' }]);
    expect(store.get().byNode.get('pass-1')).toBe(first.byNode.get('pass-1'));
    expect(store.get().byNode.get('pass-2')).not.toBe(first.byNode.get('pass-2'));
    store.set([]);
    expect(store.get().byNode.size).toBe(0);
  });
});
