import { mentionFacts, routeMention, type Mention } from '@baton/engine';
import { eq, inArray, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared.ts';
import type { Db } from '../db/client.ts';
import { cases, mentions, replies } from '../db/schema.ts';
import { CrisisBook } from '../crisis/CrisisBook.ts';
import type { Runtime } from '../Runtime.ts';
import { openCase, type ActiveMap } from './openCase.ts';
import { addHistory } from './persistStep.ts';
import { write, type Work } from './write.ts';

/** What became of one mention (docs/api.md). */
export interface IngestResult {
  id: string;
  status: 'routed' | 'attached' | 'unrouted' | 'duplicate';
  caseId?: string;
}

/** The ids of the batch already stored (one prepared lookup for the common single mention). */
function knownIds(db: Db, batch: Mention[]): Set<string> {
  if (batch.length === 1) {
    const row = prepared(db, 'mentions.exists', () =>
      db.select({ id: mentions.id }).from(mentions).where(eq(mentions.id, sql.placeholder('id'))).prepare(),
    ).get({ id: batch[0]!.id });
    return new Set(row ? [row.id] : []);
  }
  return new Set(db.select({ id: mentions.id }).from(mentions).where(inArray(mentions.id, batch.map((m) => m.id))).all().map((r) => r.id));
}

/** Stores one mention (a prepared insert: ingest runs it once per mention). */
function insertMention(db: Db, row: Omit<typeof mentions.$inferInsert, 'seq' | 'brand'> & { brand: string | null }): void {
  prepared(db, 'mentions.insert', () =>
    db.insert(mentions).values({
      id: sql.placeholder('id'), receivedAt: sql.placeholder('receivedAt'), status: sql.placeholder('status'),
      caseId: sql.placeholder('caseId'), inReplyTo: sql.placeholder('inReplyTo'), document: sql.placeholder('document'),
      brand: sql.placeholder('brand'),
    }).prepare(),
  ).run(row);
}

/** How far up a reply thread we look for an open case. */
const MAX_THREAD_DEPTH = 100;

/** The open case a reply belongs to: the first mention up its `inReplyTo` chain that is in an open case. */
function threadCase(w: Work, inReplyTo: string | undefined): string | null {
  const { db } = w.rt;
  const seen = new Set<string>();
  let id = inReplyTo;
  for (let depth = 0; id && depth < MAX_THREAD_DEPTH && !seen.has(id); depth++) {
    seen.add(id);
    const parent = prepared(db, 'mentions.thread', () =>
      db.select({ caseId: mentions.caseId, inReplyTo: mentions.inReplyTo }).from(mentions).where(eq(mentions.id, sql.placeholder('id'))).prepare(),
    ).get({ id });
    if (!parent) {
      // Not a mention: perhaps a reply Baton posted; the thread goes on from the mention it answered.
      const answered = answeredBy(db, id);
      if (!answered) return null;
      id = answered;
      continue;
    }
    if (parent.caseId) {
      const c = prepared(db, 'cases.status', () =>
        db.select({ status: cases.status }).from(cases).where(eq(cases.id, sql.placeholder('id'))).prepare(),
      ).get({ id: parent.caseId });
      if (c && c.status !== 'ended') return parent.caseId;
    }
    id = parent.inReplyTo ?? undefined;
  }
  return null;
}

/**
 * The mention a reply Baton posted answered, when `id` (`network:networkId`, as a mention's
 * `inReplyTo` names it) is such a reply; else null.
 */
function answeredBy(db: Db, id: string): string | null {
  const colon = id.indexOf(':');
  if (colon < 1) return null;
  const network = id.slice(0, colon);
  const row = prepared(db, 'replies.byNetworkId', () =>
    db.select({ mentionId: replies.mentionId }).from(replies)
      .where(sql`${replies.networkId} = ${sql.placeholder('networkId')} and ${replies.mentionId} like ${sql.placeholder('prefix')} escape '\\'`).prepare(),
  ).get({ networkId: id.slice(colon + 1), prefix: `${network.replace(/[\\%_]/g, (c) => `\\${c}`)}:%` });
  return row?.mentionId ?? null;
}

/**
 * Ingests mentions in one transaction (docs/semantics.md#routing, docs/api.md), in the order given: a known id is a
 * `duplicate` and changes nothing; a reply whose thread reaches an open case is `attached` to it;
 * otherwise the mention is matched against every approved map (counted for each map's crisis
 * detection, then walked with the flag that count produced) and starts a case, or stays
 * `unrouted` in the hub's triage inbox. Everything is committed before this returns.
 */
export function ingestMentions(rt: Runtime, batch: Mention[]): IngestResult[] {
  return ingestGroup(rt, [batch])[0]!;
}

/**
 * Ingests several requests' batches in one transaction, one after the other exactly as if each
 * had its own (a later batch sees what an earlier one stored: a repeated id is a `duplicate`, a
 * reply can attach to a case opened just before), at one instant. One result list per batch.
 */
export function ingestGroup(rt: Runtime, batches: Mention[][]): IngestResult[][] {
  return write(rt, (w) => {
    const active = rt.maps.active();
    const book = new CrisisBook(w);
    for (const a of active) book.advance(a.mapId, a.compiled, w.now);
    const results = batches.map((batch) => ingestBatch(w, book, active, batch));
    book.save();
    return results;
  });
}

function ingestBatch(w: Work, book: CrisisBook, active: ActiveMap[], batch: Mention[]): IngestResult[] {
  const { db } = w.rt;
  const now = w.now;
  const known = knownIds(db, batch);
  const results: IngestResult[] = [];
  for (const mention of batch) {
    if (known.has(mention.id)) {
      results.push({ id: mention.id, status: 'duplicate' });
      continue;
    }
    known.add(mention.id);
    const base = { id: mention.id, receivedAt: now, inReplyTo: mention.inReplyTo ?? null, document: mention, brand: mention.brand ?? null };

    const attachedTo = threadCase(w, mention.inReplyTo);
    if (attachedTo) {
      insertMention(db, { ...base, status: 'attached', caseId: attachedTo });
      addHistory(w, attachedTo, 'mention.attached', null, { mention: mention.id, author: mention.author.handle });
      w.emit({ type: 'mention', data: { id: mention.id, status: 'attached', caseId: attachedTo } });
      results.push({ id: mention.id, status: 'attached', caseId: attachedTo });
      continue;
    }

    const facts = mentionFacts(mention);
    const routable = active.map((a) => ({ mapId: a.mapId, compiled: a.compiled, crisis: book.on(a.mapId, a.compiled) }));
    // Crisis counts every map whose triggers matched, before the case walks (match, count, walk).
    for (const r of routable) {
      if (r.compiled.map.crisis && routeMention([r], facts)) book.record(r.mapId, r.compiled, now);
    }
    const match = routeMention(routable, facts);
    if (!match) {
      insertMention(db, { ...base, status: 'unrouted', caseId: null });
      w.emit({ type: 'mention', data: { id: mention.id, status: 'unrouted' } });
      results.push({ id: mention.id, status: 'unrouted' });
      continue;
    }
    const target = active.find((a) => a.mapId === match.mapId)!;
    const caseId = openCase(w, book, target, mention.id, match.trigger.id, facts).id;
    insertMention(db, { ...base, status: 'routed', caseId });
    w.emit({ type: 'mention', data: { id: mention.id, status: 'routed', caseId } });
    results.push({ id: mention.id, status: 'routed', caseId });
  }
  return results;
}
