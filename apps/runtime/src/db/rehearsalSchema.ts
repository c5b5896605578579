/**
 * Rehearsal before approval (docs/scenarios.md "Kept scenarios", docs/api.md "Rehearsal"): scenarios
 * kept with a map and their must-pass bars, the evidence each submitted version was rehearsed
 * into, and admins' overrides of failed evidence. Same conventions as schema.ts.
 */
import type { Bar, VersionRun } from '@baton/engine';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();

/** A scenario kept with a map: every submitted version of the map is rehearsed on it. */
export const mapScenarios = sqliteTable('map_scenarios', {
  id: text('id').primaryKey(),
  mapId: text('map_id').notNull(),
  name: text('name').notNull(),
  /** The scenario document (docs/scenarios.md). */
  scenario: json<Record<string, unknown>>('scenario').notNull(),
  mustPass: json<Bar[]>('must_pass').notNull(),
  createdBy: text('created_by'),
  createdAt: integer('created_at').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: integer('updated_at').notNull(),
}, (t) => [index('map_scenarios_map').on(t.mapId, t.createdAt)]);

/**
 * One kept scenario rehearsed on a submitted version (and on the version active then), as it was
 * at submission: later edits of the kept scenario do not change a version's evidence.
 */
export const versionEvidence = sqliteTable('version_evidence', {
  mapId: text('map_id').notNull(),
  version: integer('version').notNull(),
  scenarioId: text('scenario_id').notNull(),
  name: text('name').notNull(),
  mustPass: json<Bar[]>('must_pass').notNull(),
  /** `running`, `done`, or `failed` (the scenario could not run: `message` says why). */
  state: text('state').notNull(),
  message: text('message'),
  /** Every bar passed on the submitted version (null until done). */
  passed: integer('passed', { mode: 'boolean' }),
  activeVersion: integer('active_version'),
  submitted: json<VersionRun>('submitted'),
  active: json<VersionRun>('active'),
  createdAt: integer('created_at').notNull(),
  finishedAt: integer('finished_at'),
}, (t) => [primaryKey({ columns: [t.mapId, t.version, t.scenarioId] })]);

/** An admin approved a version whose evidence failed, and said why. */
export const evidenceOverrides = sqliteTable('evidence_overrides', {
  mapId: text('map_id').notNull(),
  version: integer('version').notNull(),
  by: text('by').notNull(),
  reason: text('reason').notNull(),
  at: integer('at').notNull(),
}, (t) => [primaryKey({ columns: [t.mapId, t.version] })]);

export type MapScenarioRow = typeof mapScenarios.$inferSelect;
export type VersionEvidenceRow = typeof versionEvidence.$inferSelect;
