/**
 * The care record (README "The care record" and docs/api.md): offline contacts, handles joined as
 * one person, saved searches, and the addresses that receive `interaction` events. Same
 * conventions as schema.ts: snake_case SQL, epoch ms.
 *
 * The full-text index `care_text` (FTS5, rowids that grow with the case's opening time) with its
 * `care_text_keys` (which rowid each source row got), the triggers that keep it in step with mentions, notes,
 * tags, replies and contacts, the triggers that queue `interaction` webhooks, and the indexes for
 * search and people (cases by opening time, mentions by author) cannot be written in drizzle's
 * TypeScript: they live in the hand-written migration `drizzle/0010_care_record_text.sql`.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A conversation moved off the public network (`POST /api/cases/:id/contacts`). */
export const careContacts = sqliteTable('care_contacts', {
  id: integer('id').primaryKey({ autoIncrement: true }),
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
  at: integer('at').notNull(),
  createdAt: integer('created_at').notNull(),
}, (t) => [index('care_contacts_case').on(t.caseId, t.at)]);

/**
 * Handles joined as one person (`POST /api/people/link`). A handle not listed here is a person of
 * its own. `handleKey` is the handle lower-cased without its `@`.
 */
export const carePersonHandles = sqliteTable('care_person_handles', {
  network: text('network').notNull(),
  handleKey: text('handle_key').notNull(),
  personId: text('person_id').notNull(),
  linkedBy: text('linked_by'),
  linkedAt: integer('linked_at').notNull(),
}, (t) => [primaryKey({ columns: [t.network, t.handleKey] }), index('care_person_handles_person').on(t.personId)]);

/** A person's saved searches (the query string of `GET /api/cases`). */
export const careSavedSearches = sqliteTable('care_saved_searches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: text('user_id').notNull(),
  name: text('name').notNull(),
  query: text('query').notNull(),
  createdAt: integer('created_at').notNull(),
}, (t) => [index('care_saved_searches_user').on(t.userId, t.id)]);

/** Where every new interaction is sent as a signed `baton.interaction` webhook (a CRM, an AMS). */
export const careInteractionHooks = sqliteTable('care_interaction_hooks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  url: text('url').notNull(),
  createdBy: text('created_by'),
  createdAt: integer('created_at').notNull(),
});

export type ContactRow = typeof careContacts.$inferSelect;
