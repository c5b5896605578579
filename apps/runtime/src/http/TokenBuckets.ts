import { count, lt, sql } from 'drizzle-orm';
import type { BucketRate } from '../config.ts';
import type { Db } from '../db/client.ts';
import { rateBuckets } from '../db/schema.ts';

/** How many takes between two prunings of idle buckets. */
const PRUNE_EVERY = 1000;

/**
 * Token buckets by key (an address, a token id), kept in the database (`rate_buckets`) so every
 * node draws on the same bucket: each request takes one token; tokens refill at
 * `perMinute / 60 000` a millisecond up to `burst`. One statement both refills and takes
 * (an upsert), so two requests, or two nodes, can never spend the same token. The SQL is plain
 * (CASE, no dialect functions) so PostgreSQL can run the same statement.
 *
 * A database write per request would cost more than the request, so a node takes a reserve of
 * `burst / 100` tokens at once when the bucket has them (one token at a time when it has fewer,
 * or when the burst is under 200) and spends it locally. No token is ever granted twice; a bucket
 * may briefly run over its burst by the reserve a node still holds (1% per node). Reserves are
 * kept for at most `maxKeys` keys (a dropped reserve is lost: the strict side). A bucket full
 * again is the same as no row, so such rows are pruned now and then. Time is passed in.
 * @example
 * const b = new TokenBuckets(db, { perMinute: 60, burst: 2 });
 * b.take('1.2.3.4', 0); b.take('1.2.3.4', 0); // 0, 0
 * b.take('1.2.3.4', 0); // 1000: retry in a second
 */
export class TokenBuckets {
  private takes = 0;
  private readonly perMs: number;
  private readonly upsert;
  /** Tokens this node took from the database and has not spent yet, by key (in recency order). */
  private readonly reserve = new Map<string, number>();
  /** How many tokens a node takes at once. */
  readonly reserveSize: number;

  constructor(
    private readonly db: Db,
    readonly rate: BucketRate,
    private readonly maxKeys = 10_000,
  ) {
    this.perMs = rate.perMinute / 60_000;
    this.reserveSize = Math.max(1, Math.floor(rate.burst / 100));
    const want = sql.raw(String(this.reserveSize));
    const now = sql.placeholder('now');
    const refilled = sql`(${rateBuckets.tokens} + (case when ${now} > ${rateBuckets.at} then ${now} - ${rateBuckets.at} else 0 end) * ${sql.raw(String(this.perMs))})`;
    const burst = sql.raw(String(rate.burst));
    const capped = sql`(case when ${refilled} > ${burst} then ${burst} else ${refilled} end)`;
    this.upsert = db
      .insert(rateBuckets)
      .values({ key: sql.placeholder('key'), tokens: rate.burst - this.reserveSize, at: now, granted: this.reserveSize })
      .onConflictDoUpdate({
        target: rateBuckets.key,
        set: {
          tokens: sql`case when ${capped} >= ${want} then ${capped} - ${want} when ${capped} >= 1 then ${capped} - 1 else ${capped} end`,
          granted: sql`case when ${capped} >= ${want} then ${want} when ${capped} >= 1 then 1 else 0 end`,
          at: sql`${now}`,
        },
      })
      .returning({ tokens: rateBuckets.tokens, granted: rateBuckets.granted })
      .prepare();
  }

  /** Takes one token for `key` at `now`; answers 0 when granted, else the ms until one is free. */
  take(key: string, now: number): number {
    const held = this.reserve.get(key);
    if (held !== undefined) {
      this.reserve.delete(key); // re-inserted below when some is left: Map order is recency order
      if (held > 1) this.reserve.set(key, held - 1);
      return 0;
    }
    if (++this.takes % PRUNE_EVERY === 0) this.prune(now);
    const row = this.upsert.get({ key, now })!;
    if (row.granted > 0) {
      if (row.granted > 1) {
        this.reserve.set(key, row.granted - 1);
        if (this.reserve.size > this.maxKeys) this.reserve.delete(this.reserve.keys().next().value as string);
      }
      return 0;
    }
    return this.perMs > 0 ? Math.ceil((1 - row.tokens) / this.perMs) : 60_000;
  }

  /** Deletes the buckets that have had time to fill up again (the same as never seen). */
  prune(now: number): number {
    const fullAfterMs = this.perMs > 0 ? Math.ceil(this.rate.burst / this.perMs) : 60_000;
    return this.db.delete(rateBuckets).where(lt(rateBuckets.at, now - fullAfterMs)).run().changes;
  }

  /** How many buckets are kept (for tests). Every limiter on the database shares the table. */
  get size(): number {
    return this.db.select({ n: count() }).from(rateBuckets).get()!.n;
  }
}
