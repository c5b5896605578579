import { mentionFacts, routeMention, type Mention } from '@baton/engine';
import { and, asc, count, eq, isNull, lte, ne, sql } from 'drizzle-orm';
import { openCase, type ActiveMap } from '../cases/openCase.ts';
import { addHistory } from '../cases/persistStep.ts';
import type { Work } from '../cases/write.ts';
import { cases, drillMentions, drills, mentions, type DrillRow } from '../db/schema.ts';
import { DrillCrisisBook, type DrillCrisis } from './DrillCrisisBook.ts';

/** Most drill mentions fed in one transaction (the rest follow on the next look). */
export const FEED_BATCH = 500;

/** The open case a drill reply belongs to: its parent's, when that parent is this drill's and its case is open. */
function parentCase(w: Work, drillId: string, inReplyTo: string | undefined): string | null {
  if (!inReplyTo) return null;
  const parent = w.rt.db.select({ caseId: mentions.caseId }).from(mentions)
    .where(and(eq(mentions.id, inReplyTo), eq(mentions.drillId, drillId))).get();
  if (!parent?.caseId) return null;
  const c = w.rt.db.select({ status: cases.status }).from(cases).where(eq(cases.id, parent.caseId)).get();
  return c && c.status !== 'ended' ? parent.caseId : null;
}

/**
 * Feeds a running drill's due mentions into the runtime, inside the caller's transaction, as ingest
 * would (docs/semantics.md#drills) but on the drill's map version only: a reply joins its parent's
 * open case; otherwise the version's triggers route it (a mention without a brand is taken to be for
 * this map, as in the simulator), counted by the drill's own crisis tracker, and the case it opens
 * is marked with the drill. An unrouted drill mention stays out of the triage inbox: only the drill
 * keeps it. Also samples each team's waiting queue for the report. Returns how many were fed.
 */
export function feedDrill(w: Work, drill: DrillRow, target: ActiveMap): number {
  const { db } = w.rt;
  const due = db.select().from(drillMentions)
    .where(and(eq(drillMentions.drillId, drill.id), eq(drillMentions.status, 'pending'), lte(drillMentions.dueAt, w.now)))
    .orderBy(asc(drillMentions.seq)).limit(FEED_BATCH).all();
  const book = new DrillCrisisBook(w, target.compiled, drill.crisis as DrillCrisis | null);
  book.advance(target.mapId, target.compiled, w.now);
  for (const row of due) {
    const mention: Mention = { ...row.mention, createdAt: new Date(w.now).toISOString() };
    const base = { id: mention.id, receivedAt: w.now, inReplyTo: mention.inReplyTo ?? null, document: mention, brand: mention.brand ?? null, drillId: drill.id };
    const attachedTo = parentCase(w, drill.id, mention.inReplyTo);
    let status: 'routed' | 'attached' | 'unrouted';
    let caseId: string | null = null;
    if (attachedTo) {
      db.insert(mentions).values({ ...base, status: 'attached', caseId: attachedTo }).run();
      addHistory(w, attachedTo, 'mention.attached', null, { mention: mention.id, author: mention.author.handle });
      status = 'attached';
      caseId = attachedTo;
    } else {
      const facts = mentionFacts(mention);
      const routable = [{ mapId: target.mapId, compiled: target.compiled, crisis: book.on() }];
      if (target.compiled.map.crisis && routeMention(routable, facts, { unbrandedHeardByAll: true })) book.record(target.mapId, target.compiled, w.now);
      const match = routeMention([{ ...routable[0]!, crisis: book.on() }], facts, { unbrandedHeardByAll: true });
      if (match) {
        caseId = openCase(w, book, target, mention.id, match.trigger.id, facts, { drill: drill.id }).id;
        db.insert(mentions).values({ ...base, status: 'routed', caseId }).run();
        status = 'routed';
      } else {
        status = 'unrouted';
      }
    }
    db.update(drillMentions).set({ status, caseId, fedAt: w.now }).where(and(eq(drillMentions.drillId, drill.id), eq(drillMentions.seq, row.seq))).run();
  }
  const maxQueue = { ...drill.maxQueue };
  for (const q of db.select({ team: cases.team, n: count() }).from(cases)
    .where(and(eq(cases.drillId, drill.id), eq(cases.status, 'waiting'), isNull(cases.holder))).groupBy(cases.team).all()) {
    if (q.team) maxQueue[q.team] = Math.max(maxQueue[q.team] ?? 0, q.n);
  }
  db.update(drills).set({ fed: sql`${drills.fed} + ${due.length}`, lastTickAt: w.now, crisis: book.state(), maxQueue }).where(eq(drills.id, drill.id)).run();
  return due.length;
}

/** How many of a drill's cases are not over yet. */
export function openDrillCases(w: Work, drillId: string): number {
  return w.rt.db.select({ n: count() }).from(cases).where(and(eq(cases.drillId, drillId), ne(cases.status, 'ended'))).get()?.n ?? 0;
}
