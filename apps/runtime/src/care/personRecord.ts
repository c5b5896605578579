import { handleKey, historyField } from '@baton/engine';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { iso } from '../clock.ts';
import { canSee } from '../cases/caseAccess.ts';
import type { Db } from '../db/client.ts';
import { careContacts, caseEvents, cases, mentions, notes, replies, users, type MentionRow } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import type { SessionUser } from '../http/AppEnv.ts';
import { handlesOf, type HandleRef } from './personHandles.ts';

/** What kind of thing happened between the organisation and the person. */
export type InteractionKind = 'mention' | 'case' | 'reply' | 'note' | 'outcome' | 'contact';

/** One line of a person's record. */
export interface Interaction {
  at: string; kind: InteractionKind; caseId: string | null; network: string | null;
  /** Who: the customer's handle for a mention, else the colleague's name (null: Baton itself). */
  by: string | null; text: string | null;
  mentionId?: string; url?: string | null; status?: string; outcome?: string | null; contactKind?: string; mapId?: string; brand?: string | null;
}

/** A mention's own time, written as every other time of the record (so that they sort as text). */
function isoOf(text: string | undefined): string | null {
  const t = text ? Date.parse(text) : NaN;
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

const HANDLE = "lower(ltrim(json_extract(document, '$.author.handle'), '@'))";

/** Every mention a handle wrote, oldest first (through the `mentions_author` index); drill mentions only when asked. */
export function mentionsBy(db: Db, h: HandleRef, opts: { drills?: boolean } = {}): MentionRow[] {
  return db.select().from(mentions)
    .where(and(
      sql`${sql.raw(HANDLE)} = ${h.key}`,
      sql`json_extract(${mentions.document}, '$.network') = ${h.network}`,
      opts.drills ? undefined : isNull(mentions.drillId),
    ))
    .orderBy(asc(mentions.seq)).all();
}

/**
 * A person's record as `user` may see it: the handles joined with this one, and every mention,
 * case, reply, note, outcome and offline contact, in time order. Cases the reader may not see (and
 * everything on them) are left out, and so are mentions that started no case unless the reader
 * works the triage inbox (`seesTriage`), where those mentions wait; a person of whom the reader
 * sees nothing is 404.
 * @example personRecord(db, user, 'twitter', '@ana', { seesTriage: false })
 */
export function personRecord(db: Db, user: SessionUser, network: string, handle: string, opts: { seesTriage: boolean }) {
  const handles = handlesOf(db, network, handle);
  const written = handles.flatMap((h) => mentionsBy(db, h));
  const caseIds = [...new Set(written.map((m) => m.caseId).filter((id): id is string => !!id))];
  const caseRows = caseIds.length ? db.select().from(cases).where(inArray(cases.id, caseIds)).all().filter((c) => canSee(user, c)) : [];
  const visible = new Set(caseRows.map((c) => c.id));
  const mine = written.filter((m) => (m.caseId ? visible.has(m.caseId) : opts.seesTriage));
  if (!mine.length) throw notFound('Person');
  const ids = [...visible];
  const names = new Map(db.select({ id: users.id, name: users.name }).from(users).all().map((u) => [u.id, u.name]));
  const who = (id: string | null) => (id ? names.get(id) ?? id : null);
  const out: Interaction[] = [];
  for (const m of mine) {
    const d = m.document as { network?: string; text?: string; url?: string; createdAt?: string; author?: { handle?: string } };
    out.push({ at: isoOf(d.createdAt) ?? iso(m.receivedAt)!, kind: 'mention', caseId: m.caseId, network: d.network ?? null, by: d.author?.handle ?? null, text: d.text ?? null, mentionId: m.id, url: d.url ?? null, status: m.status, brand: m.brand });
  }
  for (const c of caseRows) {
    out.push({ at: iso(c.openedAt)!, kind: 'case', caseId: c.id, network: null, by: null, text: null, status: c.status, mapId: c.mapId, outcome: (c.view as { endOutcome?: string }).endOutcome ?? null });
  }
  if (ids.length) {
    for (const r of db.select().from(replies).where(inArray(replies.caseId, ids)).orderBy(asc(replies.createdAt)).all()) {
      out.push({ at: iso(r.createdAt)!, kind: 'reply', caseId: r.caseId, network: null, by: who(r.author), text: r.text, status: r.status, url: r.url });
    }
    for (const n of db.select().from(notes).where(inArray(notes.caseId, ids)).orderBy(asc(notes.id)).all()) {
      out.push({ at: iso(n.at)!, kind: 'note', caseId: n.caseId, network: null, by: who(n.author), text: n.text });
    }
    for (const e of db.select().from(caseEvents).where(and(inArray(caseEvents.caseId, ids), eq(caseEvents.type, 'outcome'))).orderBy(asc(caseEvents.id)).all()) {
      out.push({ at: iso(e.at)!, kind: 'outcome', caseId: e.caseId, network: null, by: who(e.actor), text: null, outcome: String(historyField(e.data, 'outcome') ?? '') });
    }
    for (const k of db.select().from(careContacts).where(inArray(careContacts.caseId, ids)).orderBy(asc(careContacts.at)).all()) {
      out.push({ at: iso(k.at)!, kind: 'contact', caseId: k.caseId, network: null, by: who(k.author), text: k.summary, contactKind: k.kind, outcome: k.outcome });
    }
  }
  out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const latest = mine.at(-1)!.document as { author?: { handle?: string; name?: string } };
  const withFollowers = [...mine].reverse().find((m) => typeof (m.document as { author?: { followers?: unknown } }).author?.followers === 'number');
  const count = (k: InteractionKind) => out.filter((i) => i.kind === k).length;
  return {
    person: {
      network, handle: latest.author?.handle ?? handle, name: latest.author?.name ?? null,
      followers: withFollowers ? ((withFollowers.document as { author: { followers: number } }).author.followers) : null,
      networks: [...new Set(mine.map((m) => String((m.document as { network?: string }).network)))].sort(),
      handles: handles.map((h) => ({ network: h.network, handle: handleShown(mine, h) })),
      firstSeen: out[0]!.at, lastSeen: out.at(-1)!.at,
      counts: { mentions: count('mention'), cases: count('case'), replies: count('reply'), notes: count('note'), outcomes: count('outcome'), contacts: count('contact') },
    },
    interactions: out,
  };
}

/** How a handle is written in its latest mention (`@Ana`), else its key. */
function handleShown(mentions: MentionRow[], h: HandleRef): string {
  for (let i = mentions.length - 1; i >= 0; i--) {
    const d = mentions[i]!.document as { network?: string; author?: { handle?: string } };
    const shown = d.author?.handle;
    if (d.network === h.network && shown && handleKey(shown) === h.key) return shown;
  }
  return h.key;
}

const CSV_COLUMNS = ['at', 'kind', 'network', 'by', 'caseId', 'mentionId', 'status', 'outcome', 'contactKind', 'url', 'text'] as const;

/** A person's record as CSV, one interaction a row (RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with `'`). */
export function recordCsv(interactions: Interaction[]): string {
  const cell = (v: unknown) => {
    let s = v == null ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [CSV_COLUMNS.join(',')];
  for (const i of interactions) lines.push(CSV_COLUMNS.map((c) => cell(i[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
