/**
 * The PostgreSQL mirror of ../schema.ts: same tables, columns and indexes, same TypeScript names.
 * Conventions (checked by pgSchema.test.ts): an SQLite integer is a `bigint` read as a JS number
 * (epoch ms and counters alike), an SQLite boolean a `boolean`, an SQLite JSON text a `jsonb`, an
 * SQLite real a `double precision`, an autoincrement key an identity column (by default, so copies
 * keep their ids). The business code sees the same values on both databases. Change the SQLite
 * file first, then this one, then `npx drizzle-kit generate --config drizzle.pg.config.ts`.
 */
import { sql } from 'drizzle-orm';
import { bigint, boolean, index, jsonb, pgTable, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type {
  CaseSnapshot, CaseView, CrisisState, HistoryData, Mention, BusinessHours, MentionFacts, NotificationPayload,
  CASE_STATUSES, HISTORY_KINDS, MAP_VERSION_STATES, MENTION_STATUSES, NODE_TYPES,
} from '@baton/engine';
import type { Role } from '../../http/AppEnv.ts';
import type { MapDocument } from '../../maps/mapDocument.ts';
import type { DEADLINE_KINDS, OUTBOX_KINDS, OutboxPayload } from '../schema.ts';

const json = <T>(name: string) => jsonb(name).$type<T>();
const bool = (name: string) => boolean(name);
/** An SQLite `text({ enum })` column: plain text here, typed the same so both schemas infer one row type. */
type OneOf<T extends readonly string[]> = T[number];

// ── accounts ────────────────────────────────────────────────────────────────

/** People who sign in. `roles` ⊆ admin, approver, manager, agent. */
export const users = pgTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: json<Role[]>('roles').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  disabledAt: bigint('disabled_at', { mode: 'number' }),
}, (t) => [uniqueIndex('users_email').on(t.email)]);

/** Server-side sessions; only the sha256 of the token is stored. */
export const sessions = pgTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  csrfHash: text('csrf_hash').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
  lastSeenAt: bigint('last_seen_at', { mode: 'number' }).notNull(),
}, (t) => [index('sessions_user').on(t.userId)]);

/** Revocable API tokens (scope `ingest`); only the sha256 is stored. */
export const apiTokens = pgTable('api_tokens', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  scope: text('scope').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdBy: text('created_by'),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  lastUsedAt: bigint('last_used_at', { mode: 'number' }),
  revokedAt: bigint('revoked_at', { mode: 'number' }),
  /** HMAC-SHA256 key for signed ingest (`signed: true`); the server needs it in clear to check signatures. */
  signingSecret: text('signing_secret'),
  /** The brand mentions sent with this token carry when they name none (docs/mentions.md). */
  brand: text('brand'),
}, (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash)]);

/** Teams of the directory; maps name them by id. */
export const teams = pgTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  /** The member a round-robin pass last handed a case to. */
  roundRobinLast: text('round_robin_last'),
  /** When the team works (docs/semantics.md#business-hours); null: always. */
  hours: json<BusinessHours>('hours'),
  /** The most cases one member may hold at once; null: no cap. */
  maxPerMember: bigint('max_per_member', { mode: 'number' }),
});

/** Team membership. A `backup` member takes new work only while the map is in crisis. */
export const teamMembers = pgTable('team_members', {
  teamId: text('team_id').notNull().references(() => teams.id),
  userId: text('user_id').notNull().references(() => users.id),
  backup: bool('backup').notNull().default(false),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user').on(t.userId)]);

// ── maps ────────────────────────────────────────────────────────────────────

/** A handoff map; its documents live in `map_versions`. */
export const maps = pgTable('maps', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdBy: text('created_by'),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  updatedBy: text('updated_by'),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
});

/** draft → submitted → approved (active) → retired; or submitted → rejected. */
export const mapVersions = pgTable('map_versions', {
  mapId: text('map_id').notNull().references(() => maps.id),
  version: bigint('version', { mode: 'number' }).notNull(),
  state: text('state').$type<OneOf<typeof MAP_VERSION_STATES>>().notNull(),
  /** The map document as saved: a draft may not be valid yet (validateMap says why). */
  document: json<MapDocument>('document').notNull(),
  createdBy: text('created_by'),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  updatedBy: text('updated_by'),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  submittedBy: text('submitted_by'),
  submittedAt: bigint('submitted_at', { mode: 'number' }),
  decidedBy: text('decided_by'),
  decidedAt: bigint('decided_at', { mode: 'number' }),
  comment: text('comment'),
}, (t) => [primaryKey({ columns: [t.mapId, t.version] }), index('map_versions_state').on(t.state)]);

/** Crisis detection state per map (the engine's CrisisTracker JSON). */
export const mapCrisis = pgTable('map_crisis', {
  mapId: text('map_id').primaryKey().references(() => maps.id),
  on: bool('on').notNull().default(false),
  tracker: json<CrisisState>('tracker').notNull(),
  nextCheckAt: bigint('next_check_at', { mode: 'number' }),
});

/** One row per crisis: from onset until it clears. */
export const crises = pgTable('crises', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  mapId: text('map_id').notNull().references(() => maps.id),
  startedAt: bigint('started_at', { mode: 'number' }).notNull(),
  endedAt: bigint('ended_at', { mode: 'number' }),
}, (t) => [index('crises_map').on(t.mapId)]);

// ── mentions and cases ──────────────────────────────────────────────────────

/** Every mention ever received, once (the id is the idempotency key). */
export const mentions = pgTable('mentions', {
  seq: bigint('seq', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  id: text('id').notNull(),
  receivedAt: bigint('received_at', { mode: 'number' }).notNull(),
  status: text('status').$type<OneOf<typeof MENTION_STATUSES>>().notNull(),
  caseId: text('case_id'),
  inReplyTo: text('in_reply_to'),
  document: json<Mention>('document').notNull(),
  /** Set when the hub dismissed the mention from the triage inbox (`status` 'dismissed'). */
  dismissedBy: text('dismissed_by'),
  dismissedAt: bigint('dismissed_at', { mode: 'number' }),
  dismissReason: text('dismiss_reason'),
  /** The brand the mention concerns (from the document, its source or its ingest token). */
  brand: text('brand'),
  /** The source that read it from a network (null: posted over the API or imported). */
  sourceId: text('source_id'),
  /** The drill that fed it (null: real work). Drill mentions never count in reports. */
  drillId: text('drill_id'),
}, (t) => [uniqueIndex('mentions_id').on(t.id), index('mentions_status').on(t.status), index('mentions_case').on(t.caseId), index('mentions_source').on(t.sourceId, t.receivedAt)]);

/** Tags the hub put on an unrouted mention in triage; carried onto the case if one is started from it. */
export const mentionTags = pgTable('mention_tags', {
  mentionId: text('mention_id').notNull(),
  tag: text('tag').notNull(),
  addedBy: text('added_by'),
  at: bigint('at', { mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.mentionId, t.tag] })]);

/** A case: one routed mention walking one map version. `view` mirrors the engine's CaseView. */
export const cases = pgTable('cases', {
  id: text('id').primaryKey(),
  mapId: text('map_id').notNull(),
  mapVersion: bigint('map_version', { mode: 'number' }).notNull(),
  mentionId: text('mention_id').notNull(),
  trigger: text('trigger').notNull(),
  node: text('node').notNull(),
  nodeType: text('node_type').$type<OneOf<typeof NODE_TYPES>>().notNull(),
  status: text('status').$type<OneOf<typeof CASE_STATUSES>>().notNull(),
  team: text('team'),
  holder: text('holder'),
  claimExpiresAt: bigint('claim_expires_at', { mode: 'number' }),
  claimedByBackup: bool('claimed_by_backup').notNull().default(false),
  queuedAt: bigint('queued_at', { mode: 'number' }),
  dueAt: bigint('due_at', { mode: 'number' }),
  priority: bigint('priority', { mode: 'number' }).notNull().default(0),
  breaches: bigint('breaches', { mode: 'number' }).notNull().default(0),
  snapshot: json<CaseSnapshot>('snapshot').notNull(),
  view: json<CaseView>('view').notNull(),
  facts: json<MentionFacts>('facts').notNull(),
  openedAt: bigint('opened_at', { mode: 'number' }).notNull(),
  firstClaimAt: bigint('first_claim_at', { mode: 'number' }),
  endedAt: bigint('ended_at', { mode: 'number' }),
  updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  /** The drill this case rehearses (null: real work). Drill cases never count in reports or reach real recipients. */
  drillId: text('drill_id'),
}, (t) => [
  index('cases_queue').on(t.team, t.status, t.priority, t.queuedAt),
  // "Take next": the most urgent claimable case of a team is the first entry of this index (QUEUE_ORDER).
  index('cases_next').on(t.team, t.status, t.priority.desc(), t.queuedAt, t.openedAt).where(sql`holder is null`),
  index('cases_map').on(t.mapId, t.status),
  index('cases_holder').on(t.holder),
]);

/** Everything that happened to a case, in order. */
export const caseEvents = pgTable('case_events', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  caseId: text('case_id').notNull().references(() => cases.id),
  at: bigint('at', { mode: 'number' }).notNull(),
  type: text('type').$type<OneOf<typeof HISTORY_KINDS>>().notNull(),
  actor: text('actor'),
  data: json<HistoryData>('data'),
}, (t) => [index('case_events_case').on(t.caseId, t.id)]);

/** Pre-action checklist ticks, per case and pass node. */
export const checklistTicks = pgTable('checklist_ticks', {
  caseId: text('case_id').notNull().references(() => cases.id),
  node: text('node').notNull(),
  item: text('item').notNull(),
  done: bool('done').notNull(),
  by: text('by'),
  at: bigint('at', { mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.caseId, t.node, t.item] })]);

/** Free-text notes on a case. */
export const notes = pgTable('notes', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  caseId: text('case_id').notNull().references(() => cases.id),
  author: text('author'),
  text: text('text').notNull(),
  at: bigint('at', { mode: 'number' }).notNull(),
}, (t) => [index('notes_case').on(t.caseId)]);

/** Tags on a case (from people and from action nodes). */
export const tags = pgTable('tags', {
  caseId: text('case_id').notNull().references(() => cases.id),
  tag: text('tag').notNull(),
  addedBy: text('added_by'),
  at: bigint('at', { mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.caseId, t.tag] }), index('tags_tag').on(t.tag)]);

/** What the team learned, per case and the end node it reached. */
export const lessons = pgTable('lessons', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  caseId: text('case_id').notNull().references(() => cases.id),
  mapId: text('map_id').notNull(),
  node: text('node').notNull(),
  author: text('author'),
  text: text('text').notNull(),
  at: bigint('at', { mode: 'number' }).notNull(),
}, (t) => [index('lessons_case').on(t.caseId), index('lessons_map').on(t.mapId)]);

/** Every claim taken, with its lease and how it ended. */
export const claims = pgTable('claims', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  caseId: text('case_id').notNull().references(() => cases.id),
  member: text('member').notNull(),
  claimedAt: bigint('claimed_at', { mode: 'number' }).notNull(),
  expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
  endedAt: bigint('ended_at', { mode: 'number' }),
  endReason: text('end_reason'),
}, (t) => [index('claims_case').on(t.caseId)]);

/**
 * Durable timers: `timeout` (a pass deadline), `lease` (a claim lapses). The scheduler fires rows
 * whose `due_at` has passed and stamps `fired_at`, in the same transaction as the step they cause.
 */
export const deadlines = pgTable('deadlines', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  caseId: text('case_id').notNull().references(() => cases.id),
  kind: text('kind').$type<OneOf<typeof DEADLINE_KINDS>>().notNull(),
  node: text('node').notNull(),
  dueAt: bigint('due_at', { mode: 'number' }).notNull(),
  firedAt: bigint('fired_at', { mode: 'number' }),
  cancelledAt: bigint('cancelled_at', { mode: 'number' }),
}, (t) => [index('deadlines_due').on(t.dueAt).where(sql`fired_at is null and cancelled_at is null`), index('deadlines_case').on(t.caseId)]);

/** Notifications to deliver, written in the transaction that caused them. */
export const outbox = pgTable('outbox', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  kind: text('kind').$type<OneOf<typeof OUTBOX_KINDS>>().notNull(),
  /** A notification's recipient (the engine's `Recipient`), or for a reply `{ reply, network, mentionId }`. */
  recipient: json<Record<string, unknown>>('recipient').notNull(),
  payload: json<OutboxPayload>('payload').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  nextAttemptAt: bigint('next_attempt_at', { mode: 'number' }).notNull(),
  attempts: bigint('attempts', { mode: 'number' }).notNull().default(0),
  deliveredAt: bigint('delivered_at', { mode: 'number' }),
  failedAt: bigint('failed_at', { mode: 'number' }),
  lastError: text('last_error'),
}, (t) => [index('outbox_pending').on(t.nextAttemptAt).where(sql`delivered_at is null and failed_at is null`)]);

/** In-app notifications for people (team and member recipients). */
export const inbox = pgTable('inbox', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  userId: text('user_id').notNull(),
  at: bigint('at', { mode: 'number' }).notNull(),
  message: text('message').notNull(),
  data: json<NotificationPayload>('data'),
  readAt: bigint('read_at', { mode: 'number' }),
}, (t) => [index('inbox_user').on(t.userId, t.id)]);

/** Who did what to the directory, maps and tokens. */
export const auditLog = pgTable('audit_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
  at: bigint('at', { mode: 'number' }).notNull(),
  actor: text('actor'),
  action: text('action').notNull(),
  target: text('target'),
  requestId: text('request_id'),
  /** The client address the request came from (null for the scheduler and start-up). */
  ip: text('ip'),
  data: json<Record<string, unknown>>('data'),
}, (t) => [index('audit_at').on(t.at)]);

export type UserRow = typeof users.$inferSelect;
export type CaseRow = typeof cases.$inferSelect;
export type MapVersionRow = typeof mapVersions.$inferSelect;
export type MentionRow = typeof mentions.$inferSelect;
