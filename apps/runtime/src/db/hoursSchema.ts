/**
 * Tables of the team's day: who asked for the morning digest by e-mail, and which digests went
 * out (so each is sent once per person and day, across restarts and nodes).
 */
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** People who asked for the listening officer's digest by e-mail each morning. */
export const digestSubscribers = sqliteTable('digest_subscribers', {
  userId: text('user_id').primaryKey(),
  since: integer('since').notNull(),
});

/**
 * One row per digest e-mail claimed for sending: `date` is the day it covers (YYYY-MM-DD, UTC).
 * The row is written before the mail goes out; `sentAt` is set once the server took it.
 */
export const digestSends = sqliteTable('digest_sends', {
  userId: text('user_id').notNull(),
  date: text('date').notNull(),
  claimedAt: integer('claimed_at').notNull(),
  sentAt: integer('sent_at'),
}, (t) => [primaryKey({ columns: [t.userId, t.date] })]);
