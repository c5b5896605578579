/**
 * Live drills: a scenario's mentions fed into the runtime on one map version in scaled time, for
 * real people to work (docs/semantics.md#drills). Times are epoch milliseconds; documents are JSON.
 */
import type { DrillReport, Mention } from '@baton/engine';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();

/** One drill: what it rehearses, who takes part, and where it stands. */
export const drills = sqliteTable('drills', {
  id: text('id').primaryKey(),
  mapId: text('map_id').notNull(),
  version: integer('version').notNull(),
  /** The scenario document as given (baton.scenario/v1). */
  scenario: json<Record<string, unknown>>('scenario').notNull(),
  speed: integer('speed').notNull(),
  /** Teams taking part; their members are the drill's participants. */
  teams: json<string[]>('teams').notNull(),
  /** The people who took part, fixed at start: `{ userId, name, team, backup }`. */
  participants: json<{ userId: string; name: string; team: string; backup: boolean }[]>('participants').notNull(),
  /** `running` | `stopped` | `done`. */
  state: text('state').notNull(),
  /** Why it stopped (a person, a restart, the scenario's end). */
  reason: text('reason'),
  startedBy: text('started_by').notNull(),
  startedAt: integer('started_at').notNull(),
  endedAt: integer('ended_at'),
  /** Mentions planned and fed so far. */
  total: integer('total').notNull(),
  fed: integer('fed').notNull().default(0),
  /** When the scenario's `until` falls, in drill time (null: run until every case is over). */
  untilAt: integer('until_at'),
  /** The last instant the feeder looked at this drill (a restart measures its downtime from it). */
  lastTickAt: integer('last_tick_at').notNull(),
  /** Time the drill spent paused while the runtime was down, in ms. */
  pausedMs: integer('paused_ms').notNull().default(0),
  /** Most cases waiting unclaimed at once, per team, as the feeder saw them. */
  maxQueue: json<Record<string, number>>('max_queue').notNull(),
  /** The drill's own crisis tracker (never the map's real one) and the crisis windows it saw. */
  crisis: json<{ tracker: unknown; spans: { from: number; to: number | null }[] } | null>('crisis'),
  /** The report, kept once the drill is over. */
  report: json<DrillReport>('report'),
}, (t) => [index('drills_state').on(t.state), index('drills_map').on(t.mapId)]);

/** The drill's mentions, planned at start and fed when due. */
export const drillMentions = sqliteTable('drill_mentions', {
  drillId: text('drill_id').notNull(),
  seq: integer('seq').notNull(),
  /** Offset from the scenario's start, in scenario time (ms). */
  offset: integer('offset').notNull(),
  dueAt: integer('due_at').notNull(),
  mention: json<Mention>('mention').notNull(),
  /** `pending`, then what ingest made of it: `routed` | `attached` | `unrouted`. */
  status: text('status').notNull(),
  caseId: text('case_id'),
  fedAt: integer('fed_at'),
}, (t) => [primaryKey({ columns: [t.drillId, t.seq] }), index('drill_mentions_due').on(t.drillId, t.status, t.dueAt)]);

/** Notifications and replies a drill case would have sent: held, never delivered, listed in the report. */
export const drillHeld = sqliteTable('drill_held', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  drillId: text('drill_id').notNull(),
  caseId: text('case_id'),
  kind: text('kind').notNull(),
  recipient: json<Record<string, unknown>>('recipient').notNull(),
  payload: json<Record<string, unknown>>('payload').notNull(),
  at: integer('at').notNull(),
}, (t) => [index('drill_held_drill').on(t.drillId, t.id)]);

export type DrillRow = typeof drills.$inferSelect;
