import { mentionFacts, routeMention, startCase, type Mention } from '@baton/engine';
import { eq, inArray } from 'drizzle-orm';
import { randomId } from '../auth/secrets.ts';
import { cases, mentions } from '../db/schema.ts';
import { CrisisBook } from '../crisis/CrisisBook.ts';
import type { Runtime } from '../Runtime.ts';
import { autoAssign } from './autoAssign.ts';
import { addHistory, persistStep } from './persistStep.ts';
import { write, type Work } from './write.ts';

/** What became of one mention (SPEC §6). */
export interface IngestResult {
  id: string;
  status: 'routed' | 'attached' | 'unrouted' | 'duplicate';
  caseId?: string;
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
    const parent = db.select({ caseId: mentions.caseId, inReplyTo: mentions.inReplyTo }).from(mentions).where(eq(mentions.id, id)).get();
    if (!parent) return null;
    if (parent.caseId) {
      const c = db.select({ status: cases.status }).from(cases).where(eq(cases.id, parent.caseId)).get();
      if (c && c.status !== 'ended') return parent.caseId;
    }
    id = parent.inReplyTo ?? undefined;
  }
  return null;
}

/**
 * Ingests mentions in one transaction (SPEC §4, §6), in the order given: a known id is a
 * `duplicate` and changes nothing; a reply whose thread reaches an open case is `attached` to it;
 * otherwise the mention is matched against every approved map (counted for each map's crisis
 * detection, then walked with the flag that count produced) and starts a case, or stays
 * `unrouted` in the hub's triage inbox. Everything is committed before this returns.
 */
export function ingestMentions(rt: Runtime, batch: Mention[]): IngestResult[] {
  return write(rt, (w) => {
    const { db } = rt;
    const now = w.now;
    const known = new Set(
      db.select({ id: mentions.id }).from(mentions).where(inArray(mentions.id, batch.map((m) => m.id))).all().map((r) => r.id),
    );
    const active = rt.maps.active();
    const book = new CrisisBook(w);
    for (const a of active) book.advance(a.mapId, a.compiled, now);
    const results: IngestResult[] = [];

    for (const mention of batch) {
      if (known.has(mention.id)) {
        results.push({ id: mention.id, status: 'duplicate' });
        continue;
      }
      known.add(mention.id);
      const base = { id: mention.id, receivedAt: now, inReplyTo: mention.inReplyTo ?? null, document: mention as Record<string, unknown> };

      const attachedTo = threadCase(w, mention.inReplyTo);
      if (attachedTo) {
        db.insert(mentions).values({ ...base, status: 'attached', caseId: attachedTo }).run();
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
        db.insert(mentions).values({ ...base, status: 'unrouted', caseId: null }).run();
        w.emit({ type: 'mention', data: { id: mention.id, status: 'unrouted' } });
        results.push({ id: mention.id, status: 'unrouted' });
        continue;
      }
      const target = active.find((a) => a.mapId === match.mapId)!;
      const caseId = randomId('case');
      db.insert(mentions).values({ ...base, status: 'routed', caseId }).run();
      const step = startCase(target.compiled, {
        caseId, mentionId: mention.id, trigger: match.trigger.id, facts, at: now, crisis: book.on(target.mapId, target.compiled),
      });
      const row = persistStep(w, target.compiled, {
        id: caseId, mapId: target.mapId, mapVersion: target.version, mentionId: mention.id, trigger: match.trigger.id, facts: facts as unknown as Record<string, unknown>,
      }, step);
      autoAssign(w, book, row, now);
      w.emit({ type: 'mention', data: { id: mention.id, status: 'routed', caseId } });
      results.push({ id: mention.id, status: 'routed', caseId });
    }
    book.save();
    return results;
  });
}
