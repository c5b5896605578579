/**
 * The PostgreSQL mirror of ../repliesSchema.ts.
 * Conventions (checked by pgSchema.test.ts): an SQLite integer is a `bigint` read as a JS number
 * (epoch ms and counters alike), an SQLite boolean a `boolean`, an SQLite JSON text a `jsonb`, an
 * SQLite real a `double precision`, an autoincrement key an identity column (by default, so copies
 * keep their ids). The business code sees the same values on both databases. Change the SQLite
 * file first, then this one, then `npx drizzle-kit generate --config drizzle.pg.config.ts`.
 */
import type { REPLY_STATUSES } from '@baton/engine';
import { bigint, boolean, index, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * A reply the holder wrote on a case: posted by Baton through the outbox (`queued` → `sent` or
 * `failed`), or recorded as `sentElsewhere` (written on a network Baton cannot post to; `sent` at once).
 */
export const replies = pgTable('replies', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull(),
  /** The mention answered. */
  mentionId: text('mention_id').notNull(),
  author: text('author').notNull(),
  text: text('text').notNull(),
  status: text('status').$type<(typeof REPLY_STATUSES)[number]>().notNull(),
  sentElsewhere: boolean('sent_elsewhere').notNull().default(false),
  /** Where the reply can be read (the network's answer, or the link the holder gave). */
  url: text('url'),
  /** The network's id of the posted reply. */
  networkId: text('network_id'),
  /** Why it failed (the last attempt's reason). */
  error: text('error'),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  sentAt: bigint('sent_at', { mode: 'number' }),
}, (t) => [
  index('replies_case').on(t.caseId, t.createdAt),
  /** A customer's answer to a reply Baton posted finds the reply (and its case) by the network's id. */
  index('replies_network').on(t.networkId),
]);

/**
 * A reply drafted by a map's `{ reply }` effect for the holder to edit and send (the latest per
 * case). The template is kept as the map wrote it and filled in when the case is read.
 */
export const replyDrafts = pgTable('reply_drafts', {
  caseId: text('case_id').primaryKey(),
  node: text('node').notNull(),
  template: text('template').notNull(),
  at: bigint('at', { mode: 'number' }).notNull(),
});

/** A team's canned replies, offered by the reply box. */
export const cannedReplies = pgTable('canned_replies', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  teamId: text('team_id').notNull(),
  title: text('title').notNull(),
  text: text('text').notNull(),
  createdBy: text('created_by'),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
}, (t) => [index('canned_replies_team').on(t.teamId)]);

/** The secret webhook deliveries are signed with (one row, `id` 1); replaced when an admin rotates it. */
export const webhookSecrets = pgTable('webhook_secrets', {
  id: bigint('id', { mode: 'number' }).primaryKey(),
  secret: text('secret').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  createdBy: text('created_by'),
});
