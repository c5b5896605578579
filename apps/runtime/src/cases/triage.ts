import { mentionFacts, triggersOf } from '@baton/engine';
import { isAgent, supervises } from '../auth/guards.ts';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { audit } from '../audit.ts';
import { iso } from '../clock.ts';
import { CrisisBook } from '../crisis/CrisisBook.ts';
import type { Db } from '../db/client.ts';
import { mentions, mentionTags, type MentionRow } from '../db/schema.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import type { SessionUser } from '../http/AppEnv.ts';
import type { RequestContext } from '../http/requestContext.ts';
import type { Runtime } from '../Runtime.ts';
import { openCase } from './openCase.ts';
import { write, type Work } from './write.ts';

/** A mention in the triage inbox: the mention as received, when it came, and the hub's tags. */
export type TriageMention = Record<string, unknown> & { receivedAt: string; tags: string[] };

/**
 * Who works the triage inbox (docs/semantics.md#routing: the hub / listening officers): admins, managers, and members
 * of the hub team of any approved map. Everyone else signed in gets 403.
 */
export function requireTriage(rt: Runtime, user: SessionUser): void {
  if (!maysTriage(rt, user)) throw forbidden('The triage inbox is worked by the hub team of an approved map, managers and admins');
}

/** Whether `user` works the triage inbox (see {@link requireTriage}): who reads it and hears its `mention` events. */
export function maysTriage(rt: Runtime, user: SessionUser): boolean {
  if (supervises(user)) return true;
  if (!isAgent(user)) return false;
  const hubs = new Set(rt.maps.active().map((a) => a.compiled.map.hub));
  return user.teams.some((t) => hubs.has(t));
}

function tagsOf(db: Db, ids: string[]): Map<string, string[]> {
  const byMention = new Map<string, string[]>();
  if (!ids.length) return byMention;
  const rows = db.select().from(mentionTags).where(inArray(mentionTags.mentionId, ids)).orderBy(asc(mentionTags.at), asc(mentionTags.tag)).all();
  for (const r of rows) byMention.set(r.mentionId, [...(byMention.get(r.mentionId) ?? []), r.tag]);
  return byMention;
}

function triageMention(row: MentionRow, tags: string[]): TriageMention {
  return { ...row.document, receivedAt: iso(row.receivedAt)!, tags };
}

/** The triage inbox: unrouted mentions, newest first, each with the tags the hub put on it. */
export function unroutedMentions(db: Db, limit: number): TriageMention[] {
  const rows = db.select().from(mentions).where(eq(mentions.status, 'unrouted')).orderBy(desc(mentions.seq)).limit(limit).all();
  const tags = tagsOf(db, rows.map((r) => r.id));
  return rows.map((r) => triageMention(r, tags.get(r.id) ?? []));
}

/** Loads a mention that is still in the inbox: 404 unknown, 409 NOT_UNROUTED once routed, attached or dismissed. */
function unrouted(w: Work, id: string): MentionRow {
  const row = w.rt.db.select().from(mentions).where(eq(mentions.id, id)).get();
  if (!row) throw notFound('Mention');
  if (row.status !== 'unrouted') {
    throw new ApiError(409, 'NOT_UNROUTED', `The mention is ${row.status}, no longer in the triage inbox`, { status: row.status, ...(row.caseId ? { caseId: row.caseId } : {}) });
  }
  return row;
}

/** Runs one triage action in one transaction, for a person allowed to triage. */
function triage<T>(rt: Runtime, user: SessionUser, id: string, fn: (w: Work, row: MentionRow) => T): T {
  requireTriage(rt, user);
  return write(rt, (w) => fn(w, unrouted(w, id)));
}

/** What starting a case from the inbox answers (the shape of an ingest result). */
export interface StartedCase { id: string; status: 'routed'; caseId: string }

/**
 * Starts a case for an unrouted mention on an approved map (a person decided it matters), at
 * `trigger` or the map's highest-priority trigger. The case walks exactly as an ingested one, starts
 * with the tags the hub put on the mention, and its history names who started it. 422
 * NO_APPROVED_VERSION when the map has none, 422 UNKNOWN_TRIGGER for a node that is not its trigger.
 */
export function startFromTriage(rt: Runtime, user: SessionUser, id: string, mapId: string, trigger?: string, from?: RequestContext): StartedCase {
  return triage(rt, user, id, (w, row) => {
    const target = rt.maps.active().find((a) => a.mapId === mapId);
    if (!target) throw new ApiError(422, 'NO_APPROVED_VERSION', `Map '${mapId}' has no approved version to start a case on`);
    const triggers = triggersOf(target.compiled).map((t) => t.id);
    const start = trigger ?? triggers[0];
    if (!start || !triggers.includes(start)) {
      throw new ApiError(422, 'UNKNOWN_TRIGGER', trigger ? `'${trigger}' is not a trigger of map '${mapId}'` : `Map '${mapId}' has no trigger`, { triggers });
    }
    const book = new CrisisBook(w);
    book.advance(target.mapId, target.compiled, w.now);
    const carried = w.rt.db.select().from(mentionTags).where(eq(mentionTags.mentionId, id)).orderBy(asc(mentionTags.at), asc(mentionTags.tag)).all();
    // Started by hand, the mention matched no trigger, so it does not count towards the map's crisis.
    const facts = mentionFacts(row.document);
    const caseRow = openCase(w, book, target, id, start, facts, { startedBy: user.id, tags: carried.map((t) => ({ tag: t.tag, addedBy: t.addedBy })) });
    w.rt.db.update(mentions).set({ status: 'routed', caseId: caseRow.id }).where(eq(mentions.id, id)).run();
    book.save();
    audit(rt.db, w.now, { actor: user.id, action: 'mention.start', target: id, from, data: { caseId: caseRow.id, mapId, version: target.version, trigger: start } });
    w.emit({ type: 'mention', data: { id, status: 'routed', caseId: caseRow.id } });
    return { id, status: 'routed', caseId: caseRow.id };
  });
}

/** Adds and removes tags on an unrouted mention; answers it as the inbox lists it. */
export function retagMention(rt: Runtime, user: SessionUser, id: string, add: string[], remove: string[], from?: RequestContext): TriageMention {
  return triage(rt, user, id, (w, row) => {
    const { db } = w.rt;
    const added = add.filter((tag) => db.insert(mentionTags).values({ mentionId: id, tag, addedBy: user.id, at: w.now }).onConflictDoNothing().run().changes > 0);
    const removed = remove.filter((tag) => db.delete(mentionTags).where(and(eq(mentionTags.mentionId, id), eq(mentionTags.tag, tag))).run().changes > 0);
    if (added.length || removed.length) {
      audit(db, w.now, { actor: user.id, action: 'mention.tags', target: id, from, data: { ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) } });
      w.emit({ type: 'mention', data: { id, status: 'unrouted' } });
    }
    return triageMention(row, tagsOf(db, [id]).get(id) ?? []);
  });
}

/** What dismissing answers. */
export interface DismissedMention { id: string; status: 'dismissed'; reason: string; dismissedBy: string; dismissedAt: string }

/** Takes a mention out of the inbox for good, keeping the reason, who and when. */
export function dismissMention(rt: Runtime, user: SessionUser, id: string, reason: string, from?: RequestContext): DismissedMention {
  return triage(rt, user, id, (w) => {
    w.rt.db.update(mentions).set({ status: 'dismissed', dismissedBy: user.id, dismissedAt: w.now, dismissReason: reason }).where(eq(mentions.id, id)).run();
    audit(rt.db, w.now, { actor: user.id, action: 'mention.dismiss', target: id, from, data: { reason } });
    w.emit({ type: 'mention', data: { id, status: 'dismissed' } });
    return { id, status: 'dismissed', reason, dismissedBy: user.id, dismissedAt: iso(w.now)! };
  });
}
