import { and, eq } from 'drizzle-orm';
import { supervises, worksCases } from '../auth/guards.ts';
import { audit } from '../audit.ts';
import { checklistTicks, lessons, notes, tags, type CaseRow } from '../db/schema.ts';
import { CrisisBook } from '../crisis/CrisisBook.ts';
import { ApiError, forbidden } from '../errors.ts';
import type { SessionUser } from '../http/AppEnv.ts';
import type { RequestContext } from '../http/requestContext.ts';
import type { Runtime } from '../Runtime.ts';
import { mayWork, visibleCase } from './caseAccess.ts';
import { anyWaiting, nextWaiting } from './caseViews.ts';
import { checkCapacity } from '../teams/capacity.ts';
import { claimCase, claimedError, releaseCase } from './claimCase.ts';
import { moveCase } from './moveCase.ts';
import { offerNext } from './offerNext.ts';
import { addHistory } from './persistStep.ts';
import { write, type Work } from './write.ts';

interface Ctx { w: Work; book: CrisisBook; row: CaseRow; crisis: boolean }

/** Runs one person's action on a case in one transaction, with the case loaded and the crisis flag current. */
function act<T>(rt: Runtime, user: SessionUser, caseId: string, fn: (ctx: Ctx) => T): T {
  return write(rt, (w) => actIn(w, user, caseId, fn));
}

/** {@link act} inside a transaction the caller opened. */
function actIn<T>(w: Work, user: SessionUser, caseId: string, fn: (ctx: Ctx) => T): T {
  const { rt } = w;
  const row = visibleCase(rt.db, user, caseId);
  // Approvers see every case (to judge maps by them) but only agents, managers and admins work them.
  if (!worksCases(user)) throw forbidden('Approvers review maps; working a case needs the agent, manager or admin role');
  const book = new CrisisBook(w);
  const compiled = rt.maps.get(row.mapId, row.mapVersion);
  book.advance(row.mapId, compiled, w.now);
  const result = fn({ w, book, row, crisis: book.on(row.mapId, compiled) });
  book.save();
  return result;
}

function mustWork(user: SessionUser, ctx: Ctx): { backup: boolean } {
  const may = mayWork(user, ctx.row, ctx.crisis);
  if (!may.ok) {
    throw forbidden(ctx.row.team && user.backupTeams.includes(ctx.row.team)
      ? 'Backup members take new work only while the map is in crisis'
      : `Only members of ${ctx.row.team ?? 'the team'} may work this case now`);
  }
  return may;
}

/** Claims a case (or renews the caller's lease). 409 CLAIMED naming the holder when someone else has it. */
export function claim(rt: Runtime, user: SessionUser, caseId: string, leaseMs: number, from?: RequestContext): void {
  act(rt, user, caseId, (ctx) => claimIn(ctx, user, leaseMs, from));
}

function claimIn(ctx: Ctx, user: SessionUser, leaseMs: number, from?: RequestContext): void {
  if (ctx.row.status === 'ended' || ctx.row.status === 'closing') throw new ApiError(409, 'REFUSED', `The case is ${ctx.row.status}`);
  if (ctx.row.holder && ctx.row.holder !== user.id) throw claimedError(ctx.w, ctx.row.holder);
  const { backup } = mustWork(user, ctx);
  if (ctx.row.holder !== user.id) checkCapacity(ctx.w, ctx.row.team, user.id);
  claimCase(ctx.w, ctx.book, ctx.row, user.id, { actor: user.id, leaseMs, backup });
  audit(ctx.w.rt.db, ctx.w.now, { actor: user.id, action: 'case.claim', target: ctx.row.id, from, data: { node: ctx.row.node, team: ctx.row.team, ...(backup ? { backup } : {}) } });
}

/**
 * "Take next": claims the most urgent case waiting unclaimed in `team`'s queue (QUEUE_ORDER), found
 * from an index in one query and claimed in the same transaction; null when the queue is empty.
 * Members of the team take its work, admins and managers any team's; a backup member takes only
 * cases of maps in crisis (403 when the queue holds only others). Anyone else gets 403 whether or
 * not the queue is empty: outsiders learn nothing about another team's queue.
 */
export function takeNext(rt: Runtime, user: SessionUser, team: string, leaseMs: number, from?: RequestContext): string | null {
  const regular = user.teams.includes(team) || supervises(user);
  if (!regular && !user.backupTeams.includes(team)) throw forbidden(`Only members of ${team} may take its work`);
  return write(rt, (w) => {
    const row = nextWaiting(rt.db, team, !regular);
    if (!row) {
      if (!regular && anyWaiting(rt.db, team)) throw forbidden(`Only members of ${team} may take its work now`);
      return null;
    }
    actIn(w, user, row.id, (ctx) => claimIn(ctx, user, leaseMs, from));
    return row.id;
  });
}

/** Releases the caller's claim (admins and managers may release anyone's). */
export function release(rt: Runtime, user: SessionUser, caseId: string, from?: RequestContext): void {
  act(rt, user, caseId, (ctx) => {
    if (!ctx.row.holder) throw new ApiError(409, 'NOT_CLAIMED', 'Nobody holds this case');
    const supervisor = supervises(user);
    if (ctx.row.holder !== user.id && !supervisor) throw claimedError(ctx.w, ctx.row.holder);
    releaseCase(ctx.w, ctx.book, ctx.row, user.id, 'released', { handOut: true });
    audit(rt.db, ctx.w.now, { actor: user.id, action: 'case.release', target: caseId, from, data: { node: ctx.row.node, holder: ctx.row.holder } });
  });
}

/**
 * A manager's or admin's take-over, in one transaction: ends the holder's claim (history
 * `taken.over` with the reason), claims the case for the caller with a fresh lease, and audits
 * both with the reason. 409 NOT_CLAIMED when nobody holds it, CLAIMED_BY_YOU when the caller does.
 */
export function takeOver(rt: Runtime, user: SessionUser, caseId: string, reason: string, leaseMs: number, from?: RequestContext): void {
  if (!supervises(user)) {
    // An agent must not learn more about a case than they may see; one they see gets the role refusal.
    visibleCase(rt.db, user, caseId);
    throw forbidden('Taking over a case held by someone else needs the manager or admin role');
  }
  act(rt, user, caseId, (ctx) => {
    const holder = ctx.row.holder;
    if (!holder) throw new ApiError(409, 'NOT_CLAIMED', 'Nobody holds this case; claim it instead');
    if (holder === user.id) throw new ApiError(409, 'CLAIMED_BY_YOU', 'You already hold this case');
    // Not handed out in between: the one taking over claims it next.
    const released = releaseCase(ctx.w, ctx.book, ctx.row, user.id, 'taken.over', { data: { by: user.id, reason } });
    claimCase(ctx.w, ctx.book, released, user.id, { actor: user.id, leaseMs, backup: false });
    audit(rt.db, ctx.w.now, { actor: user.id, action: 'case.takeover', target: caseId, from, data: { node: ctx.row.node, team: ctx.row.team, from: holder, reason } });
  });
}

/** Which checklist items a tick is for: one, by its exact text or its 0-based index, or all of them. */
export type ChecklistPick = { item: string | number } | { all: true };

/** The items `pick` names; 422 UNKNOWN_ITEM for a text or an index that is not on the checklist. */
function pickedItems(checklist: string[], pick: ChecklistPick): string[] {
  if ('all' in pick) return checklist;
  const { item } = pick;
  const found = typeof item === 'number' ? checklist[item] : checklist.find((i) => i === item);
  if (found !== undefined) return [found];
  const message = typeof item === 'number'
    ? `The checklist has no item ${item} (it has ${checklist.length}, numbered from 0)`
    : `'${item}' is not on the checklist`;
  throw new ApiError(422, 'UNKNOWN_ITEM', message, { checklist });
}

/** Ticks (or unticks) pre-action checklist items; the last tick sends the case on to the receiving queue. */
export function tick(rt: Runtime, user: SessionUser, caseId: string, pick: ChecklistPick, done: boolean): void {
  act(rt, user, caseId, (ctx) => {
    const { row, w } = ctx;
    const { view } = row;
    if (row.status !== 'preparing') throw new ApiError(409, 'NOT_PREPARING', 'The case has no pre-action checklist open');
    const items = pickedItems(view.checklist, pick);
    mustWork(user, ctx);
    for (const item of items) {
      w.rt.db.insert(checklistTicks).values({ caseId, node: row.node, item, done, by: user.id, at: w.now })
        .onConflictDoUpdate({ target: [checklistTicks.caseId, checklistTicks.node, checklistTicks.item], set: { done, by: user.id, at: w.now } }).run();
      addHistory(w, caseId, 'checklist', user.id, { node: row.node, item, done });
    }
    const ticked = w.rt.db.select().from(checklistTicks).where(and(eq(checklistTicks.caseId, caseId), eq(checklistTicks.node, row.node))).all();
    const allDone = view.checklist.every((i) => ticked.some((t) => t.item === i && t.done));
    if (allDone) {
      // The checklist is the holder's last duty at a pass: say in the history who passed it to whom.
      const pass = rt.maps.get(row.mapId, row.mapVersion).node(row.node);
      addHistory(w, caseId, 'passed', user.id, { node: row.node, from: row.team, team: pass?.type === 'pass' ? pass.to.team : null });
      const result = moveCase(w, ctx.book, row, { type: 'checklist.done' }, { handOut: true });
      if ('refused' in result) throw new ApiError(409, 'REFUSED', result.refused);
    } else {
      w.emit({ type: 'case', data: { id: caseId, mapId: row.mapId, node: row.node, status: row.status, team: row.team, holder: row.holder }, ...(row.team ? { teams: [row.team] } : {}) });
    }
  });
}

/**
 * Reports an outcome. Refused (409) while the checklist is open or someone else holds the case;
 * 422 for an outcome the pass does not declare. An unclaimed waiting case is claimed first.
 */
export function reportOutcome(rt: Runtime, user: SessionUser, caseId: string, outcome: string, note?: string, from?: RequestContext): void {
  act(rt, user, caseId, (ctx) => {
    let { row } = ctx;
    const { view } = row;
    if (row.status === 'preparing') throw new ApiError(409, 'CHECKLIST_INCOMPLETE', 'Finish the pre-action checklist before reporting an outcome');
    if (row.status === 'ended' || row.status === 'closing') throw new ApiError(409, 'REFUSED', `The case is ${row.status}`);
    if (row.holder && row.holder !== user.id) throw claimedError(ctx.w, row.holder);
    if (!view.outcomes.includes(outcome)) throw new ApiError(422, 'UNKNOWN_OUTCOME', `'${outcome}' is not an outcome here`, { outcomes: view.outcomes });
    const { backup } = mustWork(user, ctx);
    if (!row.holder) row = claimCase(ctx.w, ctx.book, row, user.id, { actor: user.id, leaseMs: rt.config.leaseMs, backup });
    if (note) addNote(ctx.w, caseId, user.id, note);
    addHistory(ctx.w, caseId, 'outcome', user.id, { node: row.node, outcome });
    const result = moveCase(ctx.w, ctx.book, row, { type: 'outcome', outcome }, { handOut: true });
    if ('refused' in result) throw new ApiError(409, 'REFUSED', result.refused);
    audit(rt.db, ctx.w.now, { actor: user.id, action: 'case.outcome', target: caseId, from, data: { node: row.node, outcome } });
    offerNext(ctx.w, ctx.book, user.id, ctx.w.now);
  });
}

function addNote(w: Work, caseId: string, author: string, text: string): void {
  w.rt.db.insert(notes).values({ caseId, author, text, at: w.now }).run();
  addHistory(w, caseId, 'note', author, { text });
}

/** Adds a note to a case anyone who sees it may write. */
export function note(rt: Runtime, user: SessionUser, caseId: string, text: string): void {
  act(rt, user, caseId, (ctx) => {
    addNote(ctx.w, caseId, user.id, text);
    ctx.w.emit({ type: 'case', data: { id: caseId, mapId: ctx.row.mapId, node: ctx.row.node, status: ctx.row.status, team: ctx.row.team, holder: ctx.row.holder }, ...(ctx.row.team ? { teams: [ctx.row.team] } : {}) });
  });
}

/** Adds and removes tags. Added tags reach the case's conditions (`tags`) through the engine. */
export function retag(rt: Runtime, user: SessionUser, caseId: string, add: string[], remove: string[]): void {
  act(rt, user, caseId, (ctx) => {
    const { w } = ctx;
    let row = ctx.row;
    for (const tag of add) {
      const inserted = w.rt.db.insert(tags).values({ caseId, tag, addedBy: user.id, at: w.now }).onConflictDoNothing().run();
      if (inserted.changes === 0) continue;
      addHistory(w, caseId, 'tag', user.id, { tag });
      if (row.status !== 'ended') {
        const result = moveCase(w, ctx.book, row, { type: 'tag', tag }, { handOut: true });
        if (!('refused' in result)) row = result.row;
      }
    }
    for (const tag of remove) {
      if (w.rt.db.delete(tags).where(and(eq(tags.caseId, caseId), eq(tags.tag, tag))).run().changes) addHistory(w, caseId, 'untag', user.id, { tag });
    }
    w.emit({ type: 'case', data: { id: caseId, mapId: row.mapId, node: row.node, status: row.status, team: row.team, holder: row.holder }, ...(row.team ? { teams: [row.team] } : {}) });
  });
}

/**
 * Who writes a case's lesson: the person who holds it — for a case that reached its end (closing
 * or ended), the person who held it last, who reported the outcome. Admins and managers may write
 * it in their stead (the holder left, or is away). A case that reached its end with nobody
 * holding it (a deadline took it there) takes the lesson from whoever may work its team's cases.
 */
function mustWriteLesson(user: SessionUser, ctx: Ctx): void {
  const { row } = ctx;
  if (supervises(user)) return;
  const finished = row.status === 'closing' || row.status === 'ended';
  const writer = finished ? (row.view.lastHolder ?? null) : row.holder;
  if (writer === user.id) return;
  if (finished && writer === null && mayWork(user, row, ctx.crisis).ok) return;
  throw forbidden(finished
    ? 'The lesson is written by the person who held the case when it ended (or an admin or manager)'
    : 'The lesson is written by the person who holds the case (or an admin or manager); claim it first');
}

/** Records a lesson (by the holder, see {@link mustWriteLesson}); a case `closing` for want of one then ends. */
export function learn(rt: Runtime, user: SessionUser, caseId: string, text: string): void {
  act(rt, user, caseId, (ctx) => {
    mustWriteLesson(user, ctx);
    const { w, row } = ctx;
    w.rt.db.insert(lessons).values({ caseId, mapId: row.mapId, node: row.node, author: user.id, text, at: w.now }).run();
    addHistory(w, caseId, 'lesson', user.id, { node: row.node, text });
    if (row.status === 'closing') {
      const result = moveCase(w, ctx.book, row, { type: 'lesson' }, { handOut: true });
      if ('refused' in result) throw new ApiError(409, 'REFUSED', result.refused);
    } else {
      w.emit({ type: 'case', data: { id: caseId, mapId: row.mapId, node: row.node, status: row.status, team: row.team, holder: row.holder }, ...(row.team ? { teams: [row.team] } : {}) });
    }
  });
}
