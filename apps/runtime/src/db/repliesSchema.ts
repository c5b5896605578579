/**
 * Replies to customers, their drafts, teams' canned replies and the webhook signing secret
 * (README "Replies" and docs/api.md). Same conventions as schema.ts: snake_case SQL, epoch ms.
 */
import { REPLY_STATUSES } from '@baton/engine';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A reply the holder wrote on a case: posted by Baton through the outbox (`queued` → `sent` or
 * `failed`), or recorded as `sentElsewhere` (written on a network Baton cannot post to; `sent` at once).
 */
export const replies = sqliteTable('replies', {
  id: text('id').primaryKey(),
  caseId: text('case_id').notNull(),
  /** The mention answered. */
  mentionId: text('mention_id').notNull(),
  author: text('author').notNull(),
  text: text('text').notNull(),
  status: text('status', { enum: REPLY_STATUSES }).notNull(),
  sentElsewhere: integer('sent_elsewhere', { mode: 'boolean' }).notNull().default(false),
  /** Where the reply can be read (the network's answer, or the link the holder gave). */
  url: text('url'),
  /** The network's id of the posted reply. */
  networkId: text('network_id'),
  /** Why it failed (the last attempt's reason). */
  error: text('error'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
  sentAt: integer('sent_at'),
}, (t) => [
  index('replies_case').on(t.caseId, t.createdAt),
  /** A customer's answer to a reply Baton posted finds the reply (and its case) by the network's id. */
  index('replies_network').on(t.networkId),
]);

/**
 * A reply drafted by a map's `{ reply }` effect for the holder to edit and send (the latest per
 * case). The template is kept as the map wrote it and filled in when the case is read.
 */
export const replyDrafts = sqliteTable('reply_drafts', {
  caseId: text('case_id').primaryKey(),
  node: text('node').notNull(),
  template: text('template').notNull(),
  at: integer('at').notNull(),
});

/** A team's canned replies, offered by the reply box. */
export const cannedReplies = sqliteTable('canned_replies', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  teamId: text('team_id').notNull(),
  title: text('title').notNull(),
  text: text('text').notNull(),
  createdBy: text('created_by'),
  createdAt: integer('created_at').notNull(),
}, (t) => [index('canned_replies_team').on(t.teamId)]);

/** The secret webhook deliveries are signed with (one row, `id` 1); replaced when an admin rotates it. */
export const webhookSecrets = sqliteTable('webhook_secrets', {
  id: integer('id').primaryKey(),
  secret: text('secret').notNull(),
  createdAt: integer('created_at').notNull(),
  createdBy: text('created_by'),
});
