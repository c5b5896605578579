import type { Mention } from '@baton/engine';
import { and, eq, sql } from 'drizzle-orm';
import { audit } from '../audit.ts';
import { timeOrderedId } from '../auth/secrets.ts';
import { visibleCase } from '../cases/caseAccess.ts';
import { addHistory } from '../cases/persistStep.ts';
import { write, type Work } from '../cases/write.ts';
import { cases, mentions, outbox, replies, users, type CaseRow } from '../db/schema.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import type { SessionUser } from '../http/AppEnv.ts';
import type { RequestContext } from '../http/requestContext.ts';
import { holdForDrill } from '../drills/holdForDrill.ts';
import type { Runtime } from '../Runtime.ts';
import type { PostedReply } from '../sources/postReply.ts';
import { defaultReplyTarget, type ReplyStatus } from './replyViews.ts';

/** What the holder sends: a reply for Baton to post, or one they already wrote elsewhere. */
export interface ReplyInput {
  text: string;
  inReplyTo?: string | undefined;
  sentElsewhere?: boolean | undefined;
  url?: string | undefined;
}

/** Tells everyone who may see the case that it changed (the case view reloads its thread). */
function emitCase(w: Work, row: CaseRow, reply: { id: string; status: ReplyStatus }): void {
  w.emit({
    type: 'case',
    data: { id: row.id, mapId: row.mapId, node: row.node, status: row.status, team: row.team, holder: row.holder, reply },
    ...(row.team ? { teams: [row.team] } : {}),
  });
}

/** Only the holder replies: 409 naming the holder for anyone else, or asking for a claim when nobody holds it. */
function mustHold(w: Work, user: SessionUser, row: CaseRow): void {
  if (user.roles.every((r) => r === 'approver')) throw forbidden('Approvers review maps; replying to customers needs the agent, manager or admin role');
  if (row.holder === user.id) return;
  if (row.status === 'ended') throw new ApiError(409, 'CASE_ENDED', 'The case has ended; nobody holds it to reply');
  if (!row.holder) throw new ApiError(409, 'NOT_HOLDER', 'Only the person who holds the case replies: claim it first');
  const who = w.rt.db.select({ name: users.name }).from(users).where(eq(users.id, row.holder)).get();
  throw new ApiError(409, 'CLAIMED', `Only the person who holds the case replies, and ${who?.name ?? row.holder} holds it`, { holder: row.holder, holderName: who?.name ?? row.holder });
}

/** The mention answered: `inReplyTo` when it is in the case's thread (else 422), the customer's latest post by default. */
function targetOf(w: Work, row: CaseRow, inReplyTo: string | undefined): Mention {
  if (inReplyTo === undefined) {
    const m = defaultReplyTarget(w.rt.db, row);
    if (!m) throw new ApiError(409, 'NO_MENTION', 'The case has no mention to reply to');
    return m;
  }
  const m = w.rt.db.select({ document: mentions.document }).from(mentions).where(and(eq(mentions.id, inReplyTo), eq(mentions.caseId, row.id))).get();
  if (!m) throw new ApiError(422, 'NOT_IN_THREAD', `Mention ${inReplyTo} is not in this case's thread`, { field: 'inReplyTo' });
  return m.document;
}

/** Queues the outbox delivery that posts reply `replyId` (the worker calls `postReply`). */
function enqueueReply(w: Work, replyId: string, caseId: string, mention: Mention): void {
  const recipient = { reply: replyId, network: mention.network, mentionId: mention.id };
  const payload = { kind: 'reply' as const, message: `Reply to ${mention.author.handle}: not posted, this is a drill`, replyId, caseId, mentionId: mention.id, at: new Date(w.now).toISOString() };
  // A drill case's reply is held, never posted to the network.
  if (holdForDrill(w, caseId, 'reply', recipient, payload)) return;
  w.rt.db.insert(outbox).values({
    kind: 'reply',
    recipient,
    payload: { ...payload, message: `Reply to ${mention.author.handle}` },
    createdAt: w.now,
    nextAttemptAt: w.now,
  }).run();
}

/**
 * Records the holder's reply on a case. Without `sentElsewhere` it is queued for the outbox to post
 * in the thread of the mention it answers; with it, it is recorded as sent (the holder wrote it on
 * a network Baton cannot post to). Answers the new reply's id and status.
 */
export function recordReply(rt: Runtime, user: SessionUser, caseId: string, input: ReplyInput, from?: RequestContext): { id: string; status: ReplyStatus } {
  return write(rt, (w) => {
    const row = visibleCase(rt.db, user, caseId);
    mustHold(w, user, row);
    const mention = targetOf(w, row, input.inReplyTo);
    const id = timeOrderedId('reply', w.now);
    const status: ReplyStatus = input.sentElsewhere ? 'sent' : 'queued';
    rt.db.insert(replies).values({
      id, caseId, mentionId: mention.id, author: user.id, text: input.text, status, sentElsewhere: input.sentElsewhere === true,
      url: input.sentElsewhere ? (input.url ?? null) : null, createdAt: w.now, updatedAt: w.now, sentAt: input.sentElsewhere ? w.now : null,
    }).run();
    if (!input.sentElsewhere) enqueueReply(w, id, caseId, mention);
    addHistory(w, caseId, 'reply', user.id, { replyId: id, network: mention.network, inReplyTo: mention.id, text: input.text, ...(input.sentElsewhere ? { sentElsewhere: true, url: input.url ?? null } : {}) });
    audit(rt.db, w.now, { actor: user.id, action: input.sentElsewhere ? 'reply.record' : 'reply.queue', target: caseId, from, data: { replyId: id, network: mention.network, inReplyTo: mention.id } });
    emitCase(w, row, { id, status });
    return { id, status };
  });
}

/** Puts an outbox row back in the queue (a retry by a person): due now, attempts counted afresh. */
export function requeueDelivery(w: Work, outboxId: number): void {
  w.rt.db.update(outbox).set({ failedAt: null, deliveredAt: null, nextAttemptAt: w.now, attempts: 0 }).where(eq(outbox.id, outboxId)).run();
}

/** Marks a failed reply queued again (its outbox row is requeued by the caller). */
export function reopenReply(w: Work, replyId: string, actor: string): void {
  const r = w.rt.db.select().from(replies).where(eq(replies.id, replyId)).get();
  if (!r) return;
  w.rt.db.update(replies).set({ status: 'queued', error: null, updatedAt: w.now }).where(eq(replies.id, replyId)).run();
  addHistory(w, r.caseId, 'reply.retry', actor, { replyId });
  const row = w.rt.db.select().from(cases).where(eq(cases.id, r.caseId)).get();
  if (row) emitCase(w, row, { id: replyId, status: 'queued' });
}

/** Sends a failed reply again: the holder or an admin; 409 unless it failed. */
export function retryReply(rt: Runtime, user: SessionUser, caseId: string, replyId: string, from?: RequestContext): { id: string; status: ReplyStatus } {
  return write(rt, (w) => {
    const row = visibleCase(rt.db, user, caseId);
    const reply = rt.db.select().from(replies).where(and(eq(replies.id, replyId), eq(replies.caseId, caseId))).get();
    if (!reply) throw notFound('Reply');
    if (!user.roles.includes('admin')) mustHold(w, user, row);
    if (reply.status !== 'failed') throw new ApiError(409, 'NOT_FAILED', `The reply is ${reply.status}; only a failed reply is sent again`);
    const box = rt.db.select({ id: outbox.id }).from(outbox).where(sql`${outbox.kind} = 'reply' and json_extract(${outbox.recipient}, '$.reply') = ${replyId}`).get();
    if (!box) throw new ApiError(409, 'NOT_FAILED', 'The reply was not posted by Baton, so there is nothing to send again');
    requeueDelivery(w, box.id);
    reopenReply(w, replyId, user.id);
    audit(rt.db, w.now, { actor: user.id, action: 'reply.retry', target: caseId, from, data: { replyId, outbox: box.id } });
    return { id: replyId, status: 'queued' as const };
  });
}

/** The outbox posted the reply: it is sent, with the network's id and link (and the text as posted, when Baton added to it). */
export function replyPosted(rt: Runtime, replyId: string, posted: PostedReply): void {
  write(rt, (w) => {
    const r = rt.db.select().from(replies).where(eq(replies.id, replyId)).get();
    if (!r) return;
    rt.db.update(replies).set({ status: 'sent', networkId: posted.networkId, url: posted.url, error: null, sentAt: w.now, updatedAt: w.now, ...(posted.text ? { text: posted.text } : {}) }).where(eq(replies.id, replyId)).run();
    addHistory(w, r.caseId, 'reply.sent', null, { replyId, networkId: posted.networkId, url: posted.url });
    const row = rt.db.select().from(cases).where(eq(cases.id, r.caseId)).get();
    if (row) emitCase(w, row, { id: replyId, status: 'sent' });
  });
}

/** An attempt to post the reply failed: it stays queued with the reason while it will be retried, else it failed. */
export function replyAttemptFailed(rt: Runtime, replyId: string, error: string, giveUp: boolean): void {
  write(rt, (w) => {
    const r = rt.db.select().from(replies).where(eq(replies.id, replyId)).get();
    if (!r) return;
    rt.db.update(replies).set({ status: giveUp ? 'failed' : 'queued', error, updatedAt: w.now }).where(eq(replies.id, replyId)).run();
    if (giveUp) addHistory(w, r.caseId, 'reply.failed', null, { replyId, error });
    const row = rt.db.select().from(cases).where(eq(cases.id, r.caseId)).get();
    if (row) emitCase(w, row, { id: replyId, status: giveUp ? 'failed' : 'queued' });
  });
}
