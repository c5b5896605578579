import type { CaseStep, CompiledMap, MentionFacts } from '@baton/engine';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared.ts';
import { caseEvents, cases, claims, deadlines, tags, type CaseRow } from '../db/schema.ts';
import { enqueue } from '../outbox/enqueue.ts';
import { draftReply } from '../replies/draftReply.ts';
import type { Work } from './write.ts';

/** Appends one entry to a case's history. */
export function addHistory(w: Work, caseId: string, type: string, actor: string | null, data?: Record<string, unknown>, at = w.now): void {
  const { db } = w.rt;
  prepared(db, 'caseEvents.insert', () =>
    db.insert(caseEvents).values({
      caseId: sql.placeholder('caseId'), at: sql.placeholder('at'), type: sql.placeholder('type'),
      actor: sql.placeholder('actor'), data: sql.placeholder('data'),
    }).prepare(),
  ).run({ caseId, at, type, actor, data: data ?? null });
}

const CASE_COLUMNS = [
  'id', 'mapId', 'mapVersion', 'mentionId', 'trigger', 'node', 'nodeType', 'status', 'team', 'holder', 'claimExpiresAt',
  'claimedByBackup', 'queuedAt', 'dueAt', 'priority', 'breaches', 'snapshot', 'view', 'facts', 'openedAt', 'firstClaimAt', 'endedAt', 'updatedAt', 'drillId',
] as const satisfies readonly (keyof CaseRow)[];

/** Inserts a new case row (a prepared statement: ingest runs it once per routed mention). */
function insertCase(w: Work, row: CaseRow): CaseRow {
  const { db } = w.rt;
  // Every column is given, so the row written is the row passed: no RETURNING to parse back.
  prepared(db, 'cases.insert', () =>
    db.insert(cases).values(Object.fromEntries(CASE_COLUMNS.map((c) => [c, sql.placeholder(c)])) as never).prepare(),
  ).run(row as never);
  return row;
}

/** Identity of a new case (only for the step that starts it). */
export interface NewCase {
  id: string;
  mapId: string;
  mapVersion: number;
  mentionId: string;
  trigger: string;
  facts: MentionFacts;
  /** The person who started it from the triage inbox (absent when a trigger matched on ingest). */
  startedBy?: string;
  /** The drill that fed its mention (docs/semantics.md#drills); absent for real work. */
  drillId?: string;
  /** Tags the case starts with (put on its mention in triage); stored with the case, each with a history line. */
  tags?: CarriedTag[];
}

/** A tag the mention carried before its case started (put on it in triage), and who put it there. */
export interface CarriedTag {
  tag: string;
  addedBy: string | null;
}

/** The lease a step that gives the case to someone is written with (the claim's own row is the caller's). */
export interface LeaseTerms {
  /** When the lease lapses (epoch ms). */
  expiresAt: number;
  /** Claimed by a backup member (only possible in a crisis). */
  backup: boolean;
}

/** How {@link persistStep} writes a step besides the step itself. */
export interface PersistOptions {
  /** The step gave the case to someone: the lease columns are written with the row. */
  lease?: LeaseTerms;
  /** Why a holder who lost the case lost it (the claim's end reason; `moved` when not said). */
  endReason?: string;
}

/**
 * Persists what one engine step did to a case, inside the caller's transaction, in one write of
 * the case row (with the XState snapshot and, when the step gave it to someone, their lease):
 * history for every node entered, breach and effect, the effects themselves (notifications to the
 * outbox, tags), tags a new case carries, the pending deadline, and the end of a claim that the
 * step took away. Queues one `case` live event (and `queue` events for the teams whose queue
 * changed). Called once per move, by `moveCase` (cases/moveCase.ts).
 */
export function persistStep(w: Work, compiled: CompiledMap, before: CaseRow | NewCase, step: CaseStep, at = w.now, opts: PersistOptions = {}): CaseRow {
  const { db } = w.rt;
  const { view } = step;
  const old = 'snapshot' in before ? before : null;
  const values = {
    node: view.node,
    nodeType: view.nodeType,
    status: view.status,
    team: view.team,
    holder: view.holder,
    queuedAt: view.queuedAt,
    dueAt: view.dueAt,
    priority: view.priority,
    breaches: view.breaches.length,
    snapshot: step.snapshot,
    view,
    updatedAt: at,
    endedAt: view.status === 'ended' ? (old?.endedAt ?? at) : null,
    ...(view.holder === null ? { claimExpiresAt: null, claimedByBackup: false } : {}),
    ...(opts.lease ? { claimExpiresAt: opts.lease.expiresAt, claimedByBackup: opts.lease.backup, firstClaimAt: old?.firstClaimAt ?? w.now } : {}),
  };
  let row: CaseRow;
  if (old) {
    row = db.update(cases).set(values).where(eq(cases.id, old.id)).returning().get()!;
  } else {
    const n = before as NewCase;
    row = insertCase(w, { id: n.id, mapId: n.mapId, mapVersion: n.mapVersion, mentionId: n.mentionId, trigger: n.trigger, facts: n.facts, openedAt: at,
      claimExpiresAt: null, claimedByBackup: false, firstClaimAt: null, drillId: n.drillId ?? null, ...values });
    addHistory(w, row.id, 'opened', n.startedBy ?? null, { mention: n.mentionId, map: n.mapId, version: n.mapVersion, trigger: n.trigger, ...(n.startedBy ? { from: 'triage' } : {}) }, at);
  }

  for (const node of step.entered) {
    const n = compiled.node(node);
    addHistory(w, row.id, 'entered', null, { node, type: n?.type, label: n?.label, ...(n?.type === 'pass' ? { team: n.to.team } : {}) }, at);
  }
  const oldBreaches = old ? ((old.view as { breaches?: string[] }).breaches?.length ?? 0) : 0;
  for (const node of view.breaches.slice(oldBreaches)) addHistory(w, row.id, 'breach', null, { node }, at);

  for (const effect of step.effects) {
    if (effect.kind === 'notify') {
      const endNode = compiled.node(effect.node)?.type === 'end';
      enqueue(w, effect.recipient, { kind: endNode ? 'end' : 'effect', message: effect.message, mapId: row.mapId, caseId: row.id, node: effect.node });
      addHistory(w, row.id, 'notify', null, { node: effect.node, recipient: effect.recipient, message: effect.message }, at);
    } else if (effect.kind === 'tag') {
      prepared(db, 'tags.insertByEffect', () =>
        db.insert(tags).values({ caseId: sql.placeholder('caseId'), tag: sql.placeholder('tag'), addedBy: null, at: sql.placeholder('at') }).onConflictDoNothing().prepare(),
      ).run({ caseId: row.id, tag: effect.tag, at });
      addHistory(w, row.id, 'tag', null, { node: effect.node, tag: effect.tag }, at);
    } else if (effect.kind === 'reply') {
      draftReply(w, row.id, effect.node, effect.text, at);
    } else {
      addHistory(w, row.id, effect.kind, null, { node: effect.node, text: effect.text }, at);
    }
  }
  if (view.status === 'ended' && old?.status !== 'ended') addHistory(w, row.id, 'ended', null, { node: view.node, outcome: view.endOutcome }, at);
  if (!old) for (const t of (before as NewCase).tags ?? []) carryTag(w, row.id, t, at);

  // The step took the case out of its holder's hands (outcome, timeout, release): close the claim.
  if (old?.holder && old.holder !== view.holder) {
    db.update(claims).set({ endedAt: at, endReason: opts.endReason ?? 'moved' }).where(and(eq(claims.caseId, row.id), isNull(claims.endedAt))).run();
    db.update(deadlines).set({ cancelledAt: at }).where(and(eq(deadlines.caseId, row.id), eq(deadlines.kind, 'lease'), isNull(deadlines.firedAt), isNull(deadlines.cancelledAt))).run();
  }
  syncTimeout(w, row, at);

  w.emit({ type: 'case', data: { id: row.id, mapId: row.mapId, node: row.node, status: row.status, team: row.team, holder: row.holder }, ...(teamsOf(old, row)) });
  // A queue changed when a case entered or left it waiting, moved teams, or changed hands in it.
  if (row.team && (row.status === 'waiting' || old?.status === 'waiting' || old?.team !== row.team || old?.holder !== row.holder)) {
    w.emit({ type: 'queue', data: { team: row.team }, teams: [row.team] });
    if (old?.team && old.team !== row.team) w.emit({ type: 'queue', data: { team: old.team }, teams: [old.team] });
  }
  return row;
}

/** Stores a tag a new case carries from triage, with its history line (nothing when an effect already put it there). */
function carryTag(w: Work, caseId: string, t: CarriedTag, at: number): void {
  const { db } = w.rt;
  const inserted = prepared(db, 'tags.insertCarried', () =>
    db.insert(tags).values({ caseId: sql.placeholder('caseId'), tag: sql.placeholder('tag'), addedBy: sql.placeholder('addedBy'), at: sql.placeholder('at') })
      .onConflictDoNothing().prepare(),
  ).run({ caseId, tag: t.tag, addedBy: t.addedBy, at });
  if (inserted.changes) addHistory(w, caseId, 'tag', t.addedBy, { tag: t.tag, from: 'triage' }, at);
}

function teamsOf(old: CaseRow | null, row: CaseRow): { teams?: string[] } {
  const t = [...new Set([old?.team, row.team].filter((x): x is string => !!x))];
  return t.length ? { teams: t } : {};
}

/**
 * Keeps exactly one pending `timeout` deadline per case, at the engine's `dueAt`. None once the
 * deadline has been missed (the case stays breached until an outcome) or the case has ended.
 */
function syncTimeout(w: Work, row: CaseRow, at: number): void {
  const { db } = w.rt;
  const { view } = row;
  const pending = prepared(db, 'deadlines.pendingTimeouts', () =>
    db.select().from(deadlines)
      .where(and(eq(deadlines.caseId, sql.placeholder('caseId')), eq(deadlines.kind, 'timeout'), isNull(deadlines.firedAt), isNull(deadlines.cancelledAt)))
      .prepare(),
  ).all({ caseId: row.id });
  const want = row.dueAt !== null && !view.overdue && row.status !== 'ended' ? row.dueAt : null;
  const keep = pending.find((d) => d.dueAt === want && d.node === row.node);
  for (const d of pending) if (d !== keep) db.update(deadlines).set({ cancelledAt: at }).where(eq(deadlines.id, d.id)).run();
  if (want !== null && !keep) {
    prepared(db, 'deadlines.insertTimeout', () =>
      db.insert(deadlines).values({ caseId: sql.placeholder('caseId'), kind: 'timeout', node: sql.placeholder('node'), dueAt: sql.placeholder('dueAt') }).prepare(),
    ).run({ caseId: row.id, node: row.node, dueAt: want });
  }
}
