/**
 * The PostgreSQL mirror of ../hoursSchema.ts (the morning digest by e-mail).
 * Conventions (checked by pgSchema.test.ts): an SQLite integer is a `bigint` read as a JS number
 * (epoch ms and counters alike), an SQLite boolean a `boolean`, an SQLite JSON text a `jsonb`, an
 * SQLite real a `double precision`, an autoincrement key an identity column (by default, so copies
 * keep their ids). The business code sees the same values on both databases. Change the SQLite
 * file first, then this one, then `npx drizzle-kit generate --config drizzle.pg.config.ts`.
 */
import { bigint, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** People who asked for the listening officer's digest by e-mail each morning. */
export const digestSubscribers = pgTable('digest_subscribers', {
  userId: text('user_id').primaryKey(),
  since: bigint('since', { mode: 'number' }).notNull(),
});

/** One row per digest e-mail claimed for sending (`date`: the UTC day it covers, YYYY-MM-DD). */
export const digestSends = pgTable('digest_sends', {
  userId: text('user_id').notNull(),
  date: text('date').notNull(),
  claimedAt: bigint('claimed_at', { mode: 'number' }).notNull(),
  sentAt: bigint('sent_at', { mode: 'number' }),
}, (t) => [primaryKey({ columns: [t.userId, t.date] })]);
