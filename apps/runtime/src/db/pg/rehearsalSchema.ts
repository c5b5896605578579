/**
 * The PostgreSQL mirror of ../rehearsalSchema.ts (kept scenarios, version evidence, overrides).
 * Conventions (checked by pgSchema.test.ts): an SQLite integer is a `bigint` read as a JS number
 * (epoch ms and counters alike), an SQLite boolean a `boolean`, an SQLite JSON text a `jsonb`, an
 * SQLite real a `double precision`, an autoincrement key an identity column (by default, so copies
 * keep their ids). The business code sees the same values on both databases. Change the SQLite
 * file first, then this one, then `npx drizzle-kit generate --config drizzle.pg.config.ts`.
 */
import type { Bar, VersionRun } from '@baton/engine';
import { bigint, boolean, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

const json = <T>(name: string) => jsonb(name).$type<T>();
const num = (name: string) => bigint(name, { mode: 'number' });

/** A scenario kept with a map: every submitted version of the map is rehearsed on it. */
export const mapScenarios = pgTable('map_scenarios', {
  id: text('id').primaryKey(),
  mapId: text('map_id').notNull(),
  name: text('name').notNull(),
  scenario: json<Record<string, unknown>>('scenario').notNull(),
  mustPass: json<Bar[]>('must_pass').notNull(),
  createdBy: text('created_by'),
  createdAt: num('created_at').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: num('updated_at').notNull(),
}, (t) => [index('map_scenarios_map').on(t.mapId, t.createdAt)]);

/** One kept scenario rehearsed on a submitted version, as it was at submission. */
export const versionEvidence = pgTable('version_evidence', {
  mapId: text('map_id').notNull(),
  version: num('version').notNull(),
  scenarioId: text('scenario_id').notNull(),
  name: text('name').notNull(),
  mustPass: json<Bar[]>('must_pass').notNull(),
  /** `running`, `done`, or `failed`. */
  state: text('state').notNull(),
  message: text('message'),
  passed: boolean('passed'),
  activeVersion: num('active_version'),
  submitted: json<VersionRun>('submitted'),
  active: json<VersionRun>('active'),
  createdAt: num('created_at').notNull(),
  finishedAt: num('finished_at'),
}, (t) => [primaryKey({ columns: [t.mapId, t.version, t.scenarioId] })]);

/** An admin approved a version whose evidence failed, and said why. */
export const evidenceOverrides = pgTable('evidence_overrides', {
  mapId: text('map_id').notNull(),
  version: num('version').notNull(),
  by: text('by').notNull(),
  reason: text('reason').notNull(),
  at: num('at').notNull(),
}, (t) => [primaryKey({ columns: [t.mapId, t.version] })]);
