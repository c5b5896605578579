/**
 * The PostgreSQL mirror of ../sourcesSchema.ts.
 * Conventions (checked by pgSchema.test.ts): an SQLite integer is a `bigint` read as a JS number
 * (epoch ms and counters alike), an SQLite boolean a `boolean`, an SQLite JSON text a `jsonb`, an
 * SQLite real a `double precision`, an autoincrement key an identity column (by default, so copies
 * keep their ids). The business code sees the same values on both databases. Change the SQLite
 * file first, then this one, then `npx drizzle-kit generate --config drizzle.pg.config.ts`.
 */
import { bigint, boolean, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';

/** A source an admin added. `cursor` is where it resumes, saved only after the mentions it covers are committed. */
export const sources = pgTable('sources', {
  id: text('id').primaryKey(),
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  brand: text('brand'),
  settings: jsonb('settings').$type<Record<string, unknown>>().notNull(),
  /** `v1.<iv>.<tag>.<ciphertext>` (base64url) of the JSON secrets, or null. */
  secrets: text('secrets'),
  paused: boolean('paused').notNull().default(false),
  /** Set while the source keeps failing; cleared when it reads again. */
  failing: boolean('failing').notNull().default(false),
  lastError: text('last_error'),
  cursor: jsonb('cursor').$type<Record<string, unknown>>(),
  /** Posts read again that Baton already had (after a reconnect replays); the mentions themselves are counted from `mentions.source_id`. */
  duplicateCount: bigint('duplicate_count', { mode: 'number' }).notNull().default(0),
  errorCount: bigint('error_count', { mode: 'number' }).notNull().default(0),
  createdBy: text('created_by'),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});

/**
 * What a source keeps per post it read, to reply in its thread later: the network's id of the post
 * and, on Bluesky, its content hash and its thread's root.
 */
export const sourcePosts = pgTable('source_posts', {
  mentionId: text('mention_id').primaryKey(),
  sourceId: text('source_id').notNull(),
  networkId: text('network_id').notNull(),
  cid: text('cid'),
  rootUri: text('root_uri'),
  rootCid: text('root_cid'),
}, (t) => [index('source_posts_source').on(t.sourceId)]);

export type SourceRow = typeof sources.$inferSelect;
