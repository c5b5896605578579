/**
 * The database's truth. SQL names are snake_case, TypeScript names camelCase. Times are epoch
 * milliseconds (integers); JSON documents are text. Change this file, then run
 * `npx drizzle-kit generate` in apps/runtime and commit the new migration under `drizzle/`.
 */
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import {
  CASE_STATUSES, HISTORY_KINDS, MAP_VERSION_STATES, MENTION_STATUSES, NODE_TYPES, type CaseSnapshot, type CaseView, type CrisisState, type HistoryData, type Mention,
  type BusinessHours, type InteractionPayload, type MentionFacts, type NotificationPayload,
} from '@baton/engine';
import type { Role } from '../http/AppEnv.ts';
import type { MapDocument } from '../maps/mapDocument.ts';

const json = <T>(name: string) => text(name, { mode: 'json' }).$type<T>();
const bool = (name: string) => integer(name, { mode: 'boolean' });

/** How the outbox delivers: to a team's or member's inbox, e-mail, a webhook, Slack, or a reply posted to its network. */
export const OUTBOX_KINDS = ['team', 'member', 'email', 'webhook', 'slack', 'reply'] as const;
/** What the outbox delivers: a notification, or a reply for its network (the text is read from `replies` when posting). */
export type OutboxPayload = NotificationPayload | InteractionPayload | { kind: 'reply'; message: string; replyId: string; caseId: string; mentionId: string; at: string; [key: string]: unknown };
/** Durable timers: a pass deadline (`timeout`) or a claim's lease (`lease`). */
export const DEADLINE_KINDS = ['timeout', 'lease'] as const;

// ── accounts ────────────────────────────────────────────────────────────────

/** People who sign in. `roles` ⊆ admin, approver, manager, agent. */
export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  passwordHash: text('password_hash').notNull(),
  roles: json<Role[]>('roles').notNull(),
  createdAt: integer('created_at').notNull(),
  disabledAt: integer('disabled_at'),
}, (t) => [uniqueIndex('users_email').on(t.email)]);

/** Server-side sessions; only the sha256 of the token is stored. */
export const sessions = sqliteTable('sessions', {
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  csrfHash: text('csrf_hash').notNull(),
  createdAt: integer('created_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  lastSeenAt: integer('last_seen_at').notNull(),
}, (t) => [index('sessions_user').on(t.userId)]);

/** Revocable API tokens (scope `ingest`); only the sha256 is stored. */
export const apiTokens = sqliteTable('api_tokens', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  scope: text('scope').notNull(),
  tokenHash: text('token_hash').notNull(),
  createdBy: text('created_by'),
  createdAt: integer('created_at').notNull(),
  lastUsedAt: integer('last_used_at'),
  revokedAt: integer('revoked_at'),
  /** HMAC-SHA256 key for signed ingest (`signed: true`); the server needs it in clear to check signatures. */
  signingSecret: text('signing_secret'),
  /** The brand mentions sent with this token carry when they name none (docs/mentions.md). */
  brand: text('brand'),
}, (t) => [uniqueIndex('api_tokens_hash').on(t.tokenHash)]);

/** Teams of the directory; maps name them by id. */
export const teams = sqliteTable('teams', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdAt: integer('created_at').notNull(),
  /** The member a round-robin pass last handed a case to. */
  roundRobinLast: text('round_robin_last'),
  /** When the team works (docs/semantics.md#business-hours); null: always. */
  hours: json<BusinessHours>('hours'),
  /** The most cases one member may hold at once; null: no cap. */
  maxPerMember: integer('max_per_member'),
});

/** Team membership. A `backup` member takes new work only while the map is in crisis. */
export const teamMembers = sqliteTable('team_members', {
  teamId: text('team_id').notNull().references(() => teams.id),
  userId: text('user_id').notNull().references(() => users.id),
  backup: bool('backup').notNull().default(false),
}, (t) => [primaryKey({ columns: [t.teamId, t.userId] }), index('team_members_user').on(t.userId)]);

// ── maps ────────────────────────────────────────────────────────────────────

/** A handoff map; its documents live in `map_versions`. */
export const maps = sqliteTable('maps', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  createdBy: text('created_by'),
  createdAt: integer('created_at').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: integer('updated_at').notNull(),
});

/** draft → submitted → approved (active) → retired; or submitted → rejected. */
export const mapVersions = sqliteTable('map_versions', {
  mapId: text('map_id').notNull().references(() => maps.id),
  version: integer('version').notNull(),
  state: text('state', { enum: MAP_VERSION_STATES }).notNull(),
  /** The map document as saved: a draft may not be valid yet (validateMap says why). */
  document: json<MapDocument>('document').notNull(),
  createdBy: text('created_by'),
  createdAt: integer('created_at').notNull(),
  updatedBy: text('updated_by'),
  updatedAt: integer('updated_at').notNull(),
  submittedBy: text('submitted_by'),
  submittedAt: integer('submitted_at'),
  decidedBy: text('decided_by'),
  decidedAt: integer('decided_at'),
  comment: text('comment'),
}, (t) => [primaryKey({ columns: [t.mapId, t.version] }), index('map_versions_state').on(t.state)]);

/** Crisis detection state per map (the engine's CrisisTracker JSON). */
export const mapCrisis = sqliteTable('map_crisis', {
  mapId: text('map_id').primaryKey().references(() => maps.id),
  on: bool('on').notNull().default(false),
  tracker: json<CrisisState>('tracker').notNull(),
  nextCheckAt: integer('next_check_at'),
});

/** One row per crisis: from onset until it clears. */
export const crises = sqliteTable('crises', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  mapId: text('map_id').notNull().references(() => maps.id),
  startedAt: integer('started_at').notNull(),
  endedAt: integer('ended_at'),
}, (t) => [index('crises_map').on(t.mapId)]);

// ── mentions and cases ──────────────────────────────────────────────────────

/** Every mention ever received, once (the id is the idempotency key). */
export const mentions = sqliteTable('mentions', {
  seq: integer('seq').primaryKey({ autoIncrement: true }),
  id: text('id').notNull(),
  receivedAt: integer('received_at').notNull(),
  status: text('status', { enum: MENTION_STATUSES }).notNull(),
  caseId: text('case_id'),
  inReplyTo: text('in_reply_to'),
  document: json<Mention>('document').notNull(),
  /** Set when the hub dismissed the mention from the triage inbox (`status` 'dismissed'). */
  dismissedBy: text('dismissed_by'),
  dismissedAt: integer('dismissed_at'),
  dismissReason: text('dismiss_reason'),
  /** The brand the mention concerns (from the document, its source or its ingest token). */
  brand: text('brand'),
  /** The source that read it from a network (null: posted over the API or imported). */
  sourceId: text('source_id'),
  /** The drill that fed it (null: real work). Drill mentions never count in reports. */
  drillId: text('drill_id'),
}, (t) => [uniqueIndex('mentions_id').on(t.id), index('mentions_status').on(t.status), index('mentions_case').on(t.caseId), index('mentions_source').on(t.sourceId, t.receivedAt)]);

/** Tags the hub put on an unrouted mention in triage; carried onto the case if one is started from it. */
export const mentionTags = sqliteTable('mention_tags', {
  mentionId: text('mention_id').notNull(),
  tag: text('tag').notNull(),
  addedBy: text('added_by'),
  at: integer('at').notNull(),
}, (t) => [primaryKey({ columns: [t.mentionId, t.tag] })]);

/** A case: one routed mention walking one map version. `view` mirrors the engine's CaseView. */
export const cases = sqliteTable('cases', {
  id: text('id').primaryKey(),
  mapId: text('map_id').notNull(),
  mapVersion: integer('map_version').notNull(),
  mentionId: text('mention_id').notNull(),
  trigger: text('trigger').notNull(),
  node: text('node').notNull(),
  nodeType: text('node_type', { enum: NODE_TYPES }).notNull(),
  status: text('status', { enum: CASE_STATUSES }).notNull(),
  team: text('team'),
  holder: text('holder'),
  claimExpiresAt: integer('claim_expires_at'),
  claimedByBackup: bool('claimed_by_backup').notNull().default(false),
  queuedAt: integer('queued_at'),
  dueAt: integer('due_at'),
  priority: integer('priority').notNull().default(0),
  breaches: integer('breaches').notNull().default(0),
  snapshot: json<CaseSnapshot>('snapshot').notNull(),
  view: json<CaseView>('view').notNull(),
  facts: json<MentionFacts>('facts').notNull(),
  openedAt: integer('opened_at').notNull(),
  firstClaimAt: integer('first_claim_at'),
  endedAt: integer('ended_at'),
  updatedAt: integer('updated_at').notNull(),
  /** The drill this case rehearses (null: real work). Drill cases never count in reports or reach real recipients. */
  drillId: text('drill_id'),
}, (t) => [
  index('cases_queue').on(t.team, t.status, t.priority, t.queuedAt),
  // "Take next": the most urgent claimable case of a team is the first entry of this index (QUEUE_ORDER).
  index('cases_next').on(t.team, t.status, sql`${t.priority} desc`, t.queuedAt, t.openedAt).where(sql`holder is null`),
  index('cases_map').on(t.mapId, t.status),
  index('cases_holder').on(t.holder),
]);

/** Everything that happened to a case, in order. */
export const caseEvents = sqliteTable('case_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  caseId: text('case_id').notNull().references(() => cases.id),
  at: integer('at').notNull(),
  type: text('type', { enum: HISTORY_KINDS }).notNull(),
  actor: text('actor'),
  data: json<HistoryData>('data'),
}, (t) => [index('case_events_case').on(t.caseId, t.id)]);

/** Pre-action checklist ticks, per case and pass node. */
export const checklistTicks = sqliteTable('checklist_ticks', {
  caseId: text('case_id').notNull().references(() => cases.id),
  node: text('node').notNull(),
  item: text('item').notNull(),
  done: bool('done').notNull(),
  by: text('by'),
  at: integer('at').notNull(),
}, (t) => [primaryKey({ columns: [t.caseId, t.node, t.item] })]);

/** Free-text notes on a case. */
export const notes = sqliteTable('notes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  caseId: text('case_id').notNull().references(() => cases.id),
  author: text('author'),
  text: text('text').notNull(),
  at: integer('at').notNull(),
}, (t) => [index('notes_case').on(t.caseId)]);

/** Tags on a case (from people and from action nodes). */
export const tags = sqliteTable('tags', {
  caseId: text('case_id').notNull().references(() => cases.id),
  tag: text('tag').notNull(),
  addedBy: text('added_by'),
  at: integer('at').notNull(),
}, (t) => [primaryKey({ columns: [t.caseId, t.tag] }), index('tags_tag').on(t.tag)]);

/** What the team learned, per case and the end node it reached. */
export const lessons = sqliteTable('lessons', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  caseId: text('case_id').notNull().references(() => cases.id),
  mapId: text('map_id').notNull(),
  node: text('node').notNull(),
  author: text('author'),
  text: text('text').notNull(),
  at: integer('at').notNull(),
}, (t) => [index('lessons_case').on(t.caseId), index('lessons_map').on(t.mapId)]);

/** Every claim taken, with its lease and how it ended. */
export const claims = sqliteTable('claims', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  caseId: text('case_id').notNull().references(() => cases.id),
  member: text('member').notNull(),
  claimedAt: integer('claimed_at').notNull(),
  expiresAt: integer('expires_at').notNull(),
  endedAt: integer('ended_at'),
  endReason: text('end_reason'),
}, (t) => [index('claims_case').on(t.caseId)]);

/**
 * Durable timers: `timeout` (a pass deadline), `lease` (a claim lapses). The scheduler fires rows
 * whose `due_at` has passed and stamps `fired_at`, in the same transaction as the step they cause.
 */
export const deadlines = sqliteTable('deadlines', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  caseId: text('case_id').notNull().references(() => cases.id),
  kind: text('kind', { enum: DEADLINE_KINDS }).notNull(),
  node: text('node').notNull(),
  dueAt: integer('due_at').notNull(),
  firedAt: integer('fired_at'),
  cancelledAt: integer('cancelled_at'),
}, (t) => [index('deadlines_due').on(t.dueAt).where(sql`fired_at is null and cancelled_at is null`), index('deadlines_case').on(t.caseId)]);

/** Notifications to deliver, written in the transaction that caused them. */
export const outbox = sqliteTable('outbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: OUTBOX_KINDS }).notNull(),
  /** A notification's recipient (the engine's `Recipient`), or for a reply `{ reply, network, mentionId }`. */
  recipient: json<Record<string, unknown>>('recipient').notNull(),
  payload: json<OutboxPayload>('payload').notNull(),
  createdAt: integer('created_at').notNull(),
  nextAttemptAt: integer('next_attempt_at').notNull(),
  attempts: integer('attempts').notNull().default(0),
  deliveredAt: integer('delivered_at'),
  failedAt: integer('failed_at'),
  lastError: text('last_error'),
}, (t) => [index('outbox_pending').on(t.nextAttemptAt).where(sql`delivered_at is null and failed_at is null`)]);

/** In-app notifications for people (team and member recipients). */
export const inbox = sqliteTable('inbox', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: text('user_id').notNull(),
  at: integer('at').notNull(),
  message: text('message').notNull(),
  data: json<NotificationPayload>('data'),
  readAt: integer('read_at'),
}, (t) => [index('inbox_user').on(t.userId, t.id)]);

/** Who did what to the directory, maps and tokens. */
export const auditLog = sqliteTable('audit_log', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: integer('at').notNull(),
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
export * from './hardeningSchema.ts';
export * from './sourcesSchema.ts';
export * from './repliesSchema.ts';
export * from './careSchema.ts';
export * from './drillsSchema.ts';
export * from './sharedStateSchema.ts';
export * from './rehearsalSchema.ts';
export * from './hoursSchema.ts';
