import { and, eq, isNull } from 'drizzle-orm';
import { cases, claims, users, type CaseRow } from '../db/schema.ts';
import type { CrisisBook } from '../crisis/CrisisBook.ts';
import { ApiError } from '../errors.ts';
import { moveCase, setLease, type ClaimTerms, type ReleaseTerms } from './moveCase.ts';
import { addHistory } from './persistStep.ts';
import type { Work } from './write.ts';

/** How a claim is taken (see {@link ClaimTerms}). */
export type ClaimOptions = Omit<ClaimTerms, 'member'>;

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
  if (row.holder === member) {
    const expiresAt = w.now + opts.leaseMs;
    addHistory(w, row.id, 'claim.renewed', opts.actor, { member, expiresAt: new Date(expiresAt).toISOString() });
    return extendLease(w, row, member, expiresAt);
  }
  if (row.holder) throw claimedError(w, row.holder);
  const moved = moveCase(w, book, row, { type: 'claim', member }, { claim: opts });
  if ('refused' in moved) throw new ApiError(409, 'REFUSED', `The case cannot be claimed now: ${moved.refused}`, { status: row.status });
  return moved.row;
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

/**
 * Hands a held case back to its queue (by its holder, when the lease lapses, or in a take-over),
 * with the reason in its history; `handOut` lets the pass's strategy give it to the next member
 * in the same write (not in a take-over, where the one taking over claims it next).
 */
export function releaseCase(
  w: Work, book: CrisisBook, row: CaseRow, actor: string | null, reason: ReleaseTerms['reason'],
  opts: { at?: number; data?: Record<string, unknown>; handOut?: boolean } = {},
): CaseRow {
  const moved = moveCase(w, book, row, { type: 'release' }, { at: opts.at, handOut: opts.handOut, release: { reason, actor, data: opts.data } });
  if ('refused' in moved) throw new ApiError(409, 'REFUSED', `The case cannot be released now: ${moved.refused}`);
  return moved.row;
}
