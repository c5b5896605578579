/**
 * State every node must share, kept in the database rather than one process's memory: request
 * rate limits and sign-in locks (docs/postgres.md). Times are epoch milliseconds.
 */
import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * One token bucket per key (`ip:<address>`, `token:<id>`, `user:<id>`): the tokens left after the
 * last request and when it came. A bucket full again is the same as no row, so idle rows are pruned.
 */
export const rateBuckets = sqliteTable('rate_buckets', {
  key: text('key').primaryKey(),
  tokens: real('tokens').notNull(),
  at: integer('at').notNull(),
  /** Tokens the last take got: 0 (refused), 1, or a node's reserve (read back by the same statement). */
  granted: integer('granted').notNull(),
}, (t) => [index('rate_buckets_at').on(t.at)]);

/**
 * Wrong passwords counted per e-mail and address (`a…`) and per address (`i…`), and the lock they
 * caused. Rows past their window and lock are pruned.
 */
export const loginFailures = sqliteTable('login_failures', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  firstAt: integer('first_at').notNull(),
  lockedUntil: integer('locked_until').notNull(),
}, (t) => [index('login_failures_first').on(t.firstAt)]);
