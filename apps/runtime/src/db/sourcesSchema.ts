/**
 * Sources: the networks Baton reads mentions from by itself (RSS/Atom, Mastodon, Bluesky).
 * Times are epoch milliseconds; settings and resume state are JSON; secrets are AES-256-GCM
 * ciphertext (sources/sourceSecrets.ts), never stored or logged in clear.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A source an admin added. `cursor` is where it resumes, saved only after the mentions it covers are committed. */
export const sources = sqliteTable('sources', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  brand: text('brand'),
  settings: text('settings', { mode: 'json' }).$type<Record<string, unknown>>().notNull(),
  /** `v1.<iv>.<tag>.<ciphertext>` (base64url) of the JSON secrets, or null. */
  secrets: text('secrets'),
  paused: integer('paused', { mode: 'boolean' }).notNull().default(false),
  /** Set while the source keeps failing; cleared when it reads again. */
  failing: integer('failing', { mode: 'boolean' }).notNull().default(false),
  lastError: text('last_error'),
  cursor: text('cursor', { mode: 'json' }).$type<Record<string, unknown>>(),
  /** Posts read again that Baton already had (after a reconnect replays); the mentions themselves are counted from `mentions.source_id`. */
  duplicateCount: integer('duplicate_count').notNull().default(0),
  errorCount: integer('error_count').notNull().default(0),
  createdBy: text('created_by'),
  createdAt: integer('created_at').notNull(),
});

/**
 * What a source keeps per post it read, to reply in its thread later: the network's id of the post
 * and, on Bluesky, its content hash and its thread's root.
 */
export const sourcePosts = sqliteTable('source_posts', {
  mentionId: text('mention_id').primaryKey(),
  sourceId: text('source_id').notNull(),
  networkId: text('network_id').notNull(),
  cid: text('cid'),
  rootUri: text('root_uri'),
  rootCid: text('root_cid'),
}, (t) => [index('source_posts_source').on(t.sourceId)]);

export type SourceRow = typeof sources.$inferSelect;
