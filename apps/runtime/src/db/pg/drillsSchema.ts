/**
 * The PostgreSQL mirror of ../drillsSchema.ts (live drills, docs/semantics.md#drills).
 * Conventions (checked by pgSchema.test.ts): an SQLite integer is a `bigint` read as a JS number
 * (epoch ms and counters alike), an SQLite boolean a `boolean`, an SQLite JSON text a `jsonb`, an
 * SQLite real a `double precision`, an autoincrement key an identity column (by default, so copies
 * keep their ids). The business code sees the same values on both databases. Change the SQLite
 * file first, then this one, then `npx drizzle-kit generate --config drizzle.pg.config.ts`.
 */
import type { DrillReport, Mention } from '@baton/engine';
import { bigint, index, jsonb, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

const json = <T>(name: string) => jsonb(name).$type<T>();
const num = (name: string) => bigint(name, { mode: 'number' });

/** One drill: what it rehearses, who takes part, and where it stands. */
export const drills = pgTable('drills', {
  id: text('id').primaryKey(),
  mapId: text('map_id').notNull(),
  version: num('version').notNull(),
  /** The scenario document as given (baton.scenario/v1). */
  scenario: json<Record<string, unknown>>('scenario').notNull(),
  speed: num('speed').notNull(),
  /** Teams taking part; their members are the drill's participants. */
  teams: json<string[]>('teams').notNull(),
  /** The people who took part, fixed at start. */
  participants: json<{ userId: string; name: string; team: string; backup: boolean }[]>('participants').notNull(),
  /** `running` | `stopped` | `done`. */
  state: text('state').notNull(),
  reason: text('reason'),
  startedBy: text('started_by').notNull(),
  startedAt: num('started_at').notNull(),
  endedAt: num('ended_at'),
  total: num('total').notNull(),
  fed: num('fed').notNull().default(0),
  untilAt: num('until_at'),
  lastTickAt: num('last_tick_at').notNull(),
  pausedMs: num('paused_ms').notNull().default(0),
  maxQueue: json<Record<string, number>>('max_queue').notNull(),
  crisis: json<{ tracker: unknown; spans: { from: number; to: number | null }[] } | null>('crisis'),
  report: json<DrillReport>('report'),
}, (t) => [index('drills_state').on(t.state), index('drills_map').on(t.mapId)]);

/** The drill's mentions, planned at start and fed when due. */
export const drillMentions = pgTable('drill_mentions', {
  drillId: text('drill_id').notNull(),
  seq: num('seq').notNull(),
  offset: num('offset').notNull(),
  dueAt: num('due_at').notNull(),
  mention: json<Mention>('mention').notNull(),
  /** `pending`, then `routed` | `attached` | `unrouted`. */
  status: text('status').notNull(),
  caseId: text('case_id'),
  fedAt: num('fed_at'),
}, (t) => [primaryKey({ columns: [t.drillId, t.seq] }), index('drill_mentions_due').on(t.drillId, t.status, t.dueAt)]);

/** Notifications and replies a drill case would have sent: held, never delivered. */
export const drillHeld = pgTable('drill_held', {
  id: num('id').primaryKey().generatedByDefaultAsIdentity(),
  drillId: text('drill_id').notNull(),
  caseId: text('case_id'),
  kind: text('kind').notNull(),
  recipient: json<Record<string, unknown>>('recipient').notNull(),
  payload: json<Record<string, unknown>>('payload').notNull(),
  at: num('at').notNull(),
}, (t) => [index('drill_held_drill').on(t.drillId, t.id)]);
