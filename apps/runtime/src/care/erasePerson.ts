import { createHash } from 'node:crypto';
import type { Mention } from '@baton/engine';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { audit } from '../audit.ts';
import { write } from '../cases/write.ts';
import { careContacts, carePersonHandles, caseEvents, cases, mentions, notes, outbox, replies, replyDrafts } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import type { RequestContext } from '../http/requestContext.ts';
import type { Runtime } from '../Runtime.ts';
import { handlesOf } from './personHandles.ts';
import { mentionsBy } from './personRecord.ts';

/** What an erased text or handle reads as. */
export const ERASED = '[erased]';

/** Replaces every string in a JSON value that contains one of `secrets` with {@link ERASED}. */
function scrub<T>(value: T, secrets: string[]): T {
  if (typeof value === 'string') return (secrets.some((s) => s && value.toLowerCase().includes(s.toLowerCase())) ? ERASED : value) as T;
  if (Array.isArray(value)) return value.map((v) => scrub(v, secrets)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, secrets)])) as T;
  return value;
}

/**
 * Erases a person (every handle joined with this one): the text, name, handle and link of each of
 * their mentions, the replies, notes, contacts and drafts on the cases they opened, and the same
 * words wherever a case, its history or a pending notification copied them — in the full-text
 * index too (its triggers re-index what changed). Rows stay, so counts and reports keep their
 * numbers. Audited with a hash of the handle, never the handle. 404 when no mention has it.
 * @example erasePerson(rt, admin.id, 'twitter', '@ana', from)
 */
export function erasePerson(rt: Runtime, actor: string, network: string, handle: string, from?: RequestContext) {
  return write(rt, (w) => {
    const { db } = rt;
    const handles = handlesOf(db, network, handle);
    const written = handles.flatMap((h) => mentionsBy(db, h, { drills: true }));
    if (!written.length) throw notFound('Person');
    const secrets = [...new Set(written.flatMap((m) => {
      const d = m.document;
      return [d.text, d.url, d.author?.handle, d.author?.handle?.replace(/^@+/, ''), d.author?.name].filter((s): s is string => !!s && s.length >= 2);
    }))].sort((a, b) => b.length - a.length);
    for (const m of written) {
      const author: Mention['author'] = { handle: ERASED };
      if (typeof m.document.author.followers === 'number') author.followers = m.document.author.followers;
      const { url: _url, ...rest } = m.document;
      db.update(mentions).set({ document: { ...rest, text: ERASED, author } }).where(eq(mentions.seq, m.seq)).run();
    }
    const mentionIds = written.map((m) => m.id);
    const opened = db.select().from(cases).where(inArray(cases.mentionId, mentionIds)).all();
    const touched = [...new Set([...opened.map((c) => c.id), ...written.map((m) => m.caseId).filter((id): id is string => !!id)])];
    for (const c of opened) {
      db.update(cases).set({ facts: scrub(c.facts, secrets), view: scrub(c.view, secrets), snapshot: scrub(c.snapshot, secrets) }).where(eq(cases.id, c.id)).run();
    }
    const openedIds = opened.map((c) => c.id);
    let replyCount = 0;
    let noteCount = 0;
    let contactCount = 0;
    if (openedIds.length) {
      replyCount = db.update(replies).set({ text: ERASED }).where(inArray(replies.caseId, openedIds)).run().changes;
      noteCount = db.update(notes).set({ text: ERASED }).where(inArray(notes.caseId, openedIds)).run().changes;
      contactCount = db.update(careContacts).set({ summary: ERASED }).where(inArray(careContacts.caseId, openedIds)).run().changes;
      db.delete(replyDrafts).where(inArray(replyDrafts.caseId, openedIds)).run();
      for (const e of db.select().from(caseEvents).where(and(inArray(caseEvents.caseId, openedIds), inArray(caseEvents.type, ['note', 'reply', 'contact']))).all()) {
        if (!e.data) continue;
        const data = { ...e.data };
        if ('text' in data) data.text = ERASED;
        if ('summary' in data) data.summary = ERASED;
        db.update(caseEvents).set({ data }).where(eq(caseEvents.id, e.id)).run();
      }
    }
    if (touched.length) {
      for (const e of db.select().from(caseEvents).where(inArray(caseEvents.caseId, touched)).all()) {
        const data = scrub(e.data, secrets);
        if (JSON.stringify(data) !== JSON.stringify(e.data)) db.update(caseEvents).set({ data }).where(eq(caseEvents.id, e.id)).run();
      }
      const queued = db.select().from(outbox).where(sql`json_extract(${outbox.payload}, '$.caseId') in (select value from json_each(${JSON.stringify(touched)}))`).all();
      for (const o of queued) db.update(outbox).set({ payload: scrub(o.payload, secrets) }).where(eq(outbox.id, o.id)).run();
    }
    for (const h of handles) db.delete(carePersonHandles).where(and(eq(carePersonHandles.network, h.network), eq(carePersonHandles.handleKey, h.key))).run();
    const erased = { mentions: written.length, cases: opened.length, replies: replyCount, notes: noteCount, contacts: contactCount, handles: handles.length };
    const fingerprint = createHash('sha256').update(`${network}:${handles[0]!.key}`).digest('hex').slice(0, 16);
    audit(db, w.now, { actor, action: 'person.erase', target: `person:${network}:${fingerprint}`, from, data: erased });
    return erased;
  });
}
