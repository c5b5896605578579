/**
 * The PostgreSQL mirror of ../sharedStateSchema.ts.
 * Conventions (checked by pgSchema.test.ts): an SQLite integer is a `bigint` read as a JS number
 * (epoch ms and counters alike), an SQLite boolean a `boolean`, an SQLite JSON text a `jsonb`, an
 * SQLite real a `double precision`, an autoincrement key an identity column (by default, so copies
 * keep their ids). The business code sees the same values on both databases. Change the SQLite
 * file first, then this one, then `npx drizzle-kit generate --config drizzle.pg.config.ts`.
 */
import { bigint, doublePrecision, index, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * One token bucket per key (`ip:<address>`, `token:<id>`, `user:<id>`): the tokens left after the
 * last request and when it came. A bucket full again is the same as no row, so idle rows are pruned.
 */
export const rateBuckets = pgTable('rate_buckets', {
  key: text('key').primaryKey(),
  tokens: doublePrecision('tokens').notNull(),
  at: bigint('at', { mode: 'number' }).notNull(),
  /** Tokens the last take got: 0 (refused), 1, or a node's reserve (read back by the same statement). */
  granted: bigint('granted', { mode: 'number' }).notNull(),
}, (t) => [index('rate_buckets_at').on(t.at)]);

/**
 * Wrong passwords counted per e-mail and address (`a…`) and per address (`i…`), and the lock they
 * caused. Rows past their window and lock are pruned.
 */
export const loginFailures = pgTable('login_failures', {
  key: text('key').primaryKey(),
  failures: bigint('failures', { mode: 'number' }).notNull(),
  firstAt: bigint('first_at', { mode: 'number' }).notNull(),
  lockedUntil: bigint('locked_until', { mode: 'number' }).notNull(),
}, (t) => [index('login_failures_first').on(t.firstAt)]);
