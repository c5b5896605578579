import type { BucketRate } from '../config.ts';
interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets by key (an address, a token id): each request takes one token; tokens refill at
 * `perMinute / 60 000` a millisecond up to `burst`. Memory stays bounded: past `maxKeys` the
 * least recently touched bucket is dropped (a dropped bucket comes back full, the generous side).
 * Time is passed in, so tests drive it.
 * @example
 * const b = new TokenBuckets({ perMinute: 60, burst: 2 });
 * b.take('1.2.3.4', 0); b.take('1.2.3.4', 0); // 0, 0
 * b.take('1.2.3.4', 0); // 1000: retry in a second
 */
export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly rate: BucketRate,
    private readonly maxKeys = 100_000,
  ) {}

  /** Takes one token for `key` at `now`; answers 0 when granted, else the ms until one is free. */
  take(key: string, now: number): number {
    const perMs = this.rate.perMinute / 60_000;
    const old = this.buckets.get(key);
    let tokens = this.rate.burst;
    if (old) {
      this.buckets.delete(key); // re-inserted below: Map order is recency order
      tokens = Math.min(this.rate.burst, old.tokens + Math.max(0, now - old.at) * perMs);
    }
    const granted = tokens >= 1;
    this.buckets.set(key, { tokens: granted ? tokens - 1 : tokens, at: now });
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value;
      if (oldest !== undefined) this.buckets.delete(oldest);
    }
    if (granted) return 0;
    return perMs > 0 ? Math.ceil((1 - tokens) / perMs) : 60_000;
  }

  /** How many keys are tracked (for tests). */
  get size(): number {
    return this.buckets.size;
  }
}
