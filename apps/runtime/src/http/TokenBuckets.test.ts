import { describe, expect, it } from 'vitest';
import { TokenBuckets } from './TokenBuckets.ts';

describe('TokenBuckets', () => {
  it('grants a burst, then one request per refill interval, and says how long to wait', () => {
    const b = new TokenBuckets({ perMinute: 60, burst: 3 });
    expect([b.take('a', 0), b.take('a', 0), b.take('a', 0)]).toEqual([0, 0, 0]);
    expect(b.take('a', 0)).toBe(1000);
    expect(b.take('a', 400)).toBe(600);
    expect(b.take('a', 1000)).toBe(0);
    expect(b.take('b', 1000)).toBe(0); // keys are independent
  });

  it('never refills past the burst, however long the pause', () => {
    const b = new TokenBuckets({ perMinute: 60, burst: 2 });
    b.take('a', 0);
    expect([b.take('a', 3_600_000), b.take('a', 3_600_000), b.take('a', 3_600_000)]).toEqual([0, 0, 1000]);
  });

  it('keeps memory bounded by forgetting the least recently seen key', () => {
    const b = new TokenBuckets({ perMinute: 60, burst: 1 }, 2);
    b.take('a', 0);
    b.take('b', 0);
    b.take('a', 0); // a is now the most recent
    b.take('c', 0);
    expect(b.size).toBe(2);
    expect(b.take('b', 0)).toBe(0); // b was forgotten: it comes back with a full bucket
    expect(b.take('c', 0)).toBeGreaterThan(0);
  });
});
