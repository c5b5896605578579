import { and, eq, isNull } from 'drizzle-orm';
import { cases, claims, deadlines, users, type CaseRow } from '../db/schema.ts';
import type { CrisisBook } from '../crisis/CrisisBook.ts';
import { ApiError } from '../errors.ts';
import { addHistory } from './persistStep.ts';
import { stepStored } from './stepStored.ts';
import type { Work } from './write.ts';

/** How a claim is taken. */
export interface ClaimOptions {
  /** Who asked (null: the runtime itself, handing out work by strategy). */
  actor: string | null;
  leaseMs: number;
  /** Claimed by a backup member (only possible in a crisis). */
  backup: boolean;
  /** The pass strategy that handed the case out, when it was not a person's own claim. */
  strategy?: string;
}

/** A refused claim: 409 CLAIMED naming the holder. */
export function claimedError(w: Work, holder: string): ApiError {
  const who = w.rt.db.select({ name: users.name, email: users.email }).from(users).where(eq(users.id, holder)).get();
  const name = who ? `${who.name} <${who.email}>` : holder;
  return new ApiError(409, 'CLAIMED', `The case is held by ${name}`, { holder, holderName: who?.name ?? holder });
}

/**
 * Gives `member` the case with a lease (or renews the lease when they already hold it). A claim
 * while someone else holds it is refused with 409 CLAIMED. The lease is a durable deadline: when
 * it lapses the scheduler releases the case back to the queue.
 */
export function claimCase(w: Work, book: CrisisBook, row: CaseRow, member: string, opts: ClaimOptions): CaseRow {
  const { db } = w.rt;
  const expiresAt = w.now + opts.leaseMs;
  if (row.holder === member) {
    addHistory(w, row.id, 'claim.renewed', opts.actor, { member, expiresAt: new Date(expiresAt).toISOString() });
    return extendLease(w, row, member, expiresAt);
  }
  if (row.holder) throw claimedError(w, row.holder);
  const result = stepStored(w, book, row, { type: 'claim', member });
  if ('refused' in result) throw new ApiError(409, 'REFUSED', `The case cannot be claimed now: ${result.refused}`, { status: row.status });
  const next = db
    .update(cases)
    .set({ claimExpiresAt: expiresAt, claimedByBackup: opts.backup, firstClaimAt: row.firstClaimAt ?? w.now })
    .where(eq(cases.id, row.id))
    .returning()
    .get()!;
  db.insert(claims).values({ caseId: row.id, member, claimedAt: w.now, expiresAt }).run();
  setLease(w, next, expiresAt);
  addHistory(w, row.id, 'claim', opts.actor, { member, expiresAt: new Date(expiresAt).toISOString(), ...(opts.backup ? { backup: true } : {}), ...(opts.strategy ? { strategy: opts.strategy } : {}) });
  // `handedOut` names the strategy when the runtime gave the case to the member (the console tells them).
  w.emit({ type: 'claim', data: { caseId: row.id, holder: member, expiresAt: new Date(expiresAt).toISOString(), ...(opts.strategy ? { handedOut: opts.strategy } : {}) }, ...(row.team ? { teams: [row.team] } : {}) });
  return next;
}

/** Moves the holder's lease to `expiresAt` (the case row, the open claim, the durable deadline) and says so live. */
function extendLease(w: Work, row: CaseRow, member: string, expiresAt: number): CaseRow {
  const { db } = w.rt;
  db.update(cases).set({ claimExpiresAt: expiresAt }).where(eq(cases.id, row.id)).run();
  db.update(claims).set({ expiresAt }).where(and(eq(claims.caseId, row.id), isNull(claims.endedAt))).run();
  setLease(w, row, expiresAt);
  w.emit({ type: 'claim', data: { caseId: row.id, holder: member, expiresAt: new Date(expiresAt).toISOString() }, ...(row.team ? { teams: [row.team] } : {}) });
  return db.select().from(cases).where(eq(cases.id, row.id)).get()!;
}

/**
 * The holder has the case open (a presence heartbeat): their lease runs on, so a claim does not
 * lapse under someone writing a careful reply. Renewed quietly (no history line) once less than
 * half of it is left; a lease still lapses `leaseMs` after they close the case or go away.
 */
export function keepLeaseWhileOpen(w: Work, caseId: string, member: string): void {
  const row = w.rt.db.select().from(cases).where(eq(cases.id, caseId)).get();
  if (row && leaseWantsRenewal(row, member, w.now, w.rt.config.leaseMs)) extendLease(w, row, member, w.now + w.rt.config.leaseMs);
}

/** Whether `member` holds the case with less than half of a `leaseMs` lease left (cheap: no I/O). */
export function leaseWantsRenewal(row: Pick<CaseRow, 'holder' | 'claimExpiresAt'>, member: string, now: number, leaseMs: number): boolean {
  return row.holder === member && row.claimExpiresAt !== null && row.claimExpiresAt - now < leaseMs / 2;
}

function setLease(w: Work, row: CaseRow, dueAt: number): void {
  const { db } = w.rt;
  db.update(deadlines).set({ cancelledAt: w.now })
    .where(and(eq(deadlines.caseId, row.id), eq(deadlines.kind, 'lease'), isNull(deadlines.firedAt), isNull(deadlines.cancelledAt)))
    .run();
  db.insert(deadlines).values({ caseId: row.id, kind: 'lease', node: row.node, dueAt }).run();
}

/** Hands a held case back to its queue (by its holder, or when the lease lapses). */
export function releaseCase(w: Work, book: CrisisBook, row: CaseRow, actor: string | null, reason: 'released' | 'lease.lapsed' | 'taken.over', at = w.now, data: Record<string, unknown> = {}): CaseRow {
  const holder = row.holder;
  const result = stepStored(w, book, row, { type: 'release' }, at);
  if ('refused' in result) throw new ApiError(409, 'REFUSED', `The case cannot be released now: ${result.refused}`);
  w.rt.db.update(claims).set({ endReason: reason }).where(and(eq(claims.caseId, row.id), eq(claims.member, holder ?? ''), eq(claims.endedAt, at))).run();
  addHistory(w, row.id, reason, actor, { member: holder, ...data }, at);
  w.emit({ type: 'claim', data: { caseId: row.id, holder: null }, ...(row.team ? { teams: [row.team] } : {}) });
  return result.row;
}
