import { stepCase, type CaseEvent, type CaseStep, type CompiledMap } from '@baton/engine';
import { and, eq, isNull } from 'drizzle-orm';
import { claims, deadlines, type CaseRow } from '../db/schema.ts';
import type { CrisisBook } from '../crisis/CrisisBook.ts';
import { addHistory, persistStep, type NewCase } from './persistStep.ts';
import { pickMember } from './pickMember.ts';
import { teamHours } from '../teams/teamHours.ts';
import type { Work } from './write.ts';

/** An engine event without the instant and crisis flag (filled in here). */
export type CaseCommand = CaseEvent extends infer E ? (E extends CaseEvent ? Omit<E, 'at' | 'crisis'> : never) : never;

/** The claim a move is: who takes the case, on whose word, with what lease. */
export interface ClaimTerms {
  member: string;
  /** Who asked (null: the runtime itself, handing out work by strategy). */
  actor: string | null;
  leaseMs: number;
  /** Claimed by a backup member (only possible in a crisis). */
  backup: boolean;
  /** The pass strategy that handed the case out, when it was not a person's own claim. */
  strategy?: string;
}

/** Why a holder lost the case, when a move takes it from them on purpose. */
export interface ReleaseTerms {
  reason: 'released' | 'lease.lapsed' | 'taken.over';
  /** Who let it go or took it (null: the runtime, a lapsed lease). */
  actor: string | null;
  /** More for the history line (a take-over's reason). */
  data?: Record<string, unknown>;
}

/** How a case moves besides the engine event. */
export interface MoveOptions {
  /** The instant of the move (default: the transaction's). */
  at?: number;
  /**
   * The one who moved the case asks for its work to be handed out: a case the move leaves waiting
   * at a pass whose strategy hands cases out goes to the member it picks in the same write.
   */
  handOut?: boolean;
  /** The move is a `claim`: its lease, claim row and history. */
  claim?: Omit<ClaimTerms, 'member'>;
  /** The move takes the case from its holder: the claim's end reason, history and live event. */
  release?: ReleaseTerms;
}

/** A case after a move: the stored row and the engine's step. */
export interface Moved {
  row: CaseRow;
  step: CaseStep;
}

/**
 * Moves a stored case: one engine event, with the map's crisis flag at `at`, persisted in one
 * write of the case row with one `case` live event. With `handOut`, a case the event leaves in a
 * queue that hands its work out is claimed for the picked member in the same step (the engine
 * takes the claim too; one write, one event). Returns the engine's refusal unchanged, having
 * written nothing.
 * @example const moved = moveCase(w, book, row, { type: 'outcome', outcome: 'resolved' }, { handOut: true });
 */
export function moveCase(w: Work, book: CrisisBook, row: CaseRow, command: CaseCommand, opts: MoveOptions = {}): Moved | { refused: string } {
  const at = opts.at ?? w.now;
  const compiled = w.rt.maps.get(row.mapId, row.mapVersion);
  book.advance(row.mapId, compiled, at);
  const step = stepCase(compiled, row.snapshot, { ...command, at, crisis: book.on(row.mapId, compiled), hours: teamHours(w.rt.db) } as CaseEvent);
  if ('refused' in step) return step;
  const claim = command.type === 'claim' && opts.claim ? { ...opts.claim, member: command.member } : undefined;
  return settle(w, book, compiled, row, step, at, { ...opts, claim });
}

/**
 * Writes a step that has been taken (a new case's first, or a stored case's): hands its work out
 * when asked, persists it once, and records the release and the claim it is. `moveCase` and
 * `openCase` end here.
 */
export function settle(
  w: Work, book: CrisisBook, compiled: CompiledMap, before: CaseRow | NewCase, first: CaseStep, at: number,
  opts: Omit<MoveOptions, 'claim' | 'at'> & { claim?: ClaimTerms },
): Moved {
  let step = first;
  let claim = opts.claim;
  if (opts.handOut && !claim) {
    const handed = handOut(w, book, compiled, before, step, at);
    if (handed) ({ step, claim } = handed);
  }
  const expiresAt = claim ? w.now + claim.leaseMs : 0;
  const row = persistStep(w, compiled, before, step, at, {
    ...(claim ? { lease: { expiresAt, backup: claim.backup } } : {}),
    ...(opts.release ? { endReason: opts.release.reason } : {}),
  });
  if (opts.release) {
    const holder = 'holder' in before ? before.holder : null;
    addHistory(w, row.id, opts.release.reason, opts.release.actor, { member: holder, ...opts.release.data }, at);
    w.emit({ type: 'claim', data: { caseId: row.id, holder: null }, ...(row.team ? { teams: [row.team] } : {}) });
  }
  if (claim) openClaim(w, row, claim, expiresAt);
  return { row, step };
}

/** The step and claim that give a case just come to wait to the member its pass's strategy picks; null: it waits. */
function handOut(w: Work, book: CrisisBook, compiled: CompiledMap, before: CaseRow | NewCase, step: CaseStep, at: number): { step: CaseStep; claim: ClaimTerms } | null {
  const pick = pickMember(w, book, before.id, before.mapId, compiled, step.view, at);
  if (!pick) return null;
  const claimed = stepCase(compiled, step.snapshot, { type: 'claim', member: pick.member, at, crisis: book.on(before.mapId, compiled), hours: teamHours(w.rt.db) });
  if ('refused' in claimed) return null;
  return {
    step: { snapshot: claimed.snapshot, view: claimed.view, entered: [...step.entered, ...claimed.entered], effects: [...step.effects, ...claimed.effects] },
    claim: { member: pick.member, actor: null, leaseMs: w.rt.config.leaseMs, backup: pick.backup, strategy: pick.strategy },
  };
}

/** The claim's own records, once the row says who holds the case: the claim row, the lease deadline, history, the `claim` event. */
function openClaim(w: Work, row: CaseRow, claim: ClaimTerms, expiresAt: number): void {
  w.rt.db.insert(claims).values({ caseId: row.id, member: claim.member, claimedAt: w.now, expiresAt }).run();
  setLease(w, row, expiresAt);
  addHistory(w, row.id, 'claim', claim.actor, {
    member: claim.member, expiresAt: new Date(expiresAt).toISOString(), ...(claim.backup ? { backup: true } : {}), ...(claim.strategy ? { strategy: claim.strategy } : {}),
  });
  // `handedOut` names the strategy when the runtime gave the case to the member (the console tells them).
  w.emit({
    type: 'claim', data: { caseId: row.id, holder: claim.member, expiresAt: new Date(expiresAt).toISOString(), ...(claim.strategy ? { handedOut: claim.strategy } : {}) },
    ...(row.team ? { teams: [row.team] } : {}),
  });
}

/** Makes the lease lapse at `dueAt`: one pending `lease` deadline per case, which the scheduler fires. */
export function setLease(w: Work, row: Pick<CaseRow, 'id' | 'node'>, dueAt: number): void {
  const { db } = w.rt;
  db.update(deadlines).set({ cancelledAt: w.now })
    .where(and(eq(deadlines.caseId, row.id), eq(deadlines.kind, 'lease'), isNull(deadlines.firedAt), isNull(deadlines.cancelledAt)))
    .run();
  db.insert(deadlines).values({ caseId: row.id, kind: 'lease', node: row.node, dueAt }).run();
}
