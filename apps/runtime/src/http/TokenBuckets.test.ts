import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/client.ts';
import { TokenBuckets } from './TokenBuckets.ts';

describe('TokenBuckets', () => {
  it('grants a burst, then one request per refill interval, and says how long to wait', () => {
    const b = new TokenBuckets(openDb(':memory:'), { perMinute: 60, burst: 3 });
    expect([b.take('a', 0), b.take('a', 0), b.take('a', 0)]).toEqual([0, 0, 0]);
    expect(b.take('a', 0)).toBe(1000);
    expect(b.take('a', 400)).toBe(600);
    expect(b.take('a', 1000)).toBe(0);
    expect(b.take('b', 1000)).toBe(0); // keys are independent
  });

  it('never refills past the burst, however long the pause', () => {
    const b = new TokenBuckets(openDb(':memory:'), { perMinute: 60, burst: 2 });
    b.take('a', 0);
    expect([b.take('a', 3_600_000), b.take('a', 3_600_000), b.take('a', 3_600_000)]).toEqual([0, 0, 1000]);
  });

  it('keeps the table small by forgetting buckets that have filled up again', () => {
    const b = new TokenBuckets(openDb(':memory:'), { perMinute: 60, burst: 2 }); // full again 2 s after last use
    b.take('a', 0);
    b.take('a', 0);
    b.take('b', 1500);
    expect(b.prune(2500)).toBe(1); // a: idle 2.5 s, full again; b: idle 1 s, not yet
    expect(b.size).toBe(1);
    expect([b.take('a', 2500), b.take('a', 2500), b.take('a', 2500)]).toEqual([0, 0, 1000]); // a comes back full
    expect(b.take('b', 2500)).toBe(0);
    expect(b.take('b', 2500)).toBe(0);
    expect(b.take('b', 2500)).toBeGreaterThan(0); // b kept its spent token (1 s of refill, burst 2)
  });

  it('is one budget for every process on the database, not one per process', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-buckets-'));
    try {
      const file = join(dir, 'b.db');
      const nodeA = new TokenBuckets(openDb(file), { perMinute: 60, burst: 2 });
      const nodeB = new TokenBuckets(openDb(file), { perMinute: 60, burst: 2 });
      expect([nodeA.take('ip:1.2.3.4', 0), nodeB.take('ip:1.2.3.4', 0), nodeA.take('ip:1.2.3.4', 0), nodeB.take('ip:1.2.3.4', 0)]).toEqual([0, 0, 1000, 1000]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('TokenBuckets with a large burst', () => {
  it('takes a reserve of 1% at a time, so most requests cost no write, and never grants more than the bucket held', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-buckets-'));
    try {
      const file = join(dir, 'b.db');
      const rate = { perMinute: 0, burst: 1000 }; // no refill: exactly 1,000 tokens ever
      const nodeA = new TokenBuckets(openDb(file), rate);
      const nodeB = new TokenBuckets(openDb(file), rate);
      expect(nodeA.reserveSize).toBe(10);
      const db = openDb(file);
      const writesBefore = () => db.$client.prepare("select granted, tokens from rate_buckets where key = 'k'").get() as { granted: number; tokens: number } | undefined;
      expect(nodeA.take('k', 0)).toBe(0);
      expect(writesBefore()).toEqual({ granted: 10, tokens: 990 });
      for (let i = 0; i < 9; i++) nodeA.take('k', 0); // spent from the reserve: the row does not move
      expect(writesBefore()).toEqual({ granted: 10, tokens: 990 });
      let granted = 10;
      for (let i = 0; i < 2000; i++) if ((i % 3 ? nodeA : nodeB).take('k', 0) === 0) granted++;
      expect(granted).toBe(1000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
