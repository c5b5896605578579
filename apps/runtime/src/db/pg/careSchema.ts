/**
 * The PostgreSQL mirror of ../careSchema.ts.
 * Conventions (checked by pgSchema.test.ts): an SQLite integer is a `bigint` read as a JS number
 * (epoch ms and counters alike), an SQLite boolean a `boolean`, an SQLite JSON text a `jsonb`, an
 * SQLite real a `double precision`, an autoincrement key an identity column (by default, so copies
 * keep their ids). The business code sees the same values on both databases. Change the SQLite
 * file first, then this one, then `npx drizzle-kit generate --config drizzle.pg.config.ts`.
 *
 * The SQLite full-text index `care_text` (FTS5), its triggers, the view `care_case_author` and
 * the expression indexes of drizzle/0010_care_record_text.sql have no mirror yet: docs/postgres.md
 * says what they will become (a tsvector column with a GIN index, kept by triggers).
 */
import { bigint, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** A conversation moved off the public network (`POST /api/cases/:id/contacts`). */
export const careContacts = pgTable('care_contacts', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  caseId: text('case_id').notNull(),
  /** phone | email | meeting | dm */
  kind: text('kind').notNull(),
  summary: text('summary').notNull(),
  /** The outcome it carried (reported on the case's current pass), if any. */
  outcome: text('outcome'),
  /** The pass it was logged on. */
  node: text('node').notNull(),
  author: text('author').notNull(),
  /** When the conversation took place (default: when it was logged). */
  at: bigint('at', { mode: 'number' }).notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
}, (t) => [index('care_contacts_case').on(t.caseId, t.at)]);

/** Handles joined as one person (`POST /api/people/link`); `handleKey` is lower-cased without its `@`. */
export const carePersonHandles = pgTable('care_person_handles', {
  network: text('network').notNull(),
  handleKey: text('handle_key').notNull(),
  personId: text('person_id').notNull(),
  linkedBy: text('linked_by'),
  linkedAt: bigint('linked_at', { mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.network, t.handleKey] }), index('care_person_handles_person').on(t.personId)]);

/** A person's saved searches (the query string of `GET /api/cases`). */
export const careSavedSearches = pgTable('care_saved_searches', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  userId: text('user_id').notNull(),
  name: text('name').notNull(),
  query: text('query').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
}, (t) => [index('care_saved_searches_user').on(t.userId, t.id)]);

/** Where every new interaction is sent as a signed `baton.interaction` webhook (a CRM, an AMS). */
export const careInteractionHooks = pgTable('care_interaction_hooks', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  url: text('url').notNull(),
  createdBy: text('created_by'),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});
