import { handleKey, isCaseStatus } from '@baton/engine';
import { and, desc, eq, gte, inArray, lte, ne, or, sql, type SQL } from 'drizzle-orm';
import { seesAllTeams } from '../auth/guards.ts';
import { caseSummary } from '../cases/caseViews.ts';
import type { Db } from '../db/client.ts';
import { cases, mentions } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import type { SessionUser } from '../http/AppEnv.ts';
import { ftsQuery } from './ftsQuery.ts';

/** Statuses a search may name: the case statuses, `open` (anything not ended) and `closed` (ended). */
export const SEARCH_STATUSES = ['preparing', 'waiting', 'held', 'closing', 'ended', 'open', 'closed'] as const;

/** Filters of `GET /api/cases` as search reads them (already checked by the route's schema). */
export interface CaseSearch {
  q?: string; author?: string; network?: string; brand?: string; tag?: string; team?: string; map?: string;
  status?: string; outcome?: string; breached?: boolean; from?: number; to?: number; holder?: string; limit: number; cursor?: string;
}

/**
 * The opaque `next` of a page: where the following page starts (opening time and storage order of
 * the last item; cases opened in one instant, by one batch of mentions, list latest stored first).
 */
export function encodeCursor(openedAt: number, seq: number): string {
  return Buffer.from(JSON.stringify([openedAt, seq])).toString('base64url');
}

function decodeCursor(cursor: string): [number, number] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && Number.isSafeInteger(v[0]) && Number.isSafeInteger(v[1])) return [v[0], v[1]];
  } catch {
    // falls through to the error below
  }
  throw new ApiError(400, 'INVALID', 'cursor is not one this server gave out; start again without it');
}

/** Which cases an agent may see in lists: their teams' (backup teams too), and those they hold or held last. */
export function visibleWhere(user: SessionUser): SQL | undefined {
  if (seesAllTeams(user)) return undefined;
  const mine = [...user.teams, ...user.backupTeams];
  return or(inArray(cases.team, mine.length ? mine : ['']), eq(cases.holder, user.id), sql`json_extract(${cases.view}, '$.lastHolder') = ${user.id}`);
}

/**
 * Searches open and closed cases, newest first by opening time, one page at a time. `q` is
 * full-text over the thread, notes, tags, replies and offline contacts (the `care_text` index); the
 * other filters narrow by the case and the mention that opened it. An agent sees only the cases
 * their teams may see.
 * @example searchCases(db, user, { q: 'broken screen', network: 'twitter', status: 'open', limit: 20 })
 */
export function searchCases(db: Db, user: SessionUser, f: CaseSearch) {
  const where: (SQL | undefined)[] = [visibleWhere(user)];
  let match: string | undefined;
  if (f.q !== undefined) {
    match = ftsQuery(f.q) || undefined;
    if (!match) throw new ApiError(400, 'INVALID', 'q has no words to search for');
  }
  if (f.author !== undefined) {
    const key = handleKey(f.author);
    where.push(f.network
      ? sql`${cases.id} in (select case_id from mentions where lower(ltrim(json_extract(document, '$.author.handle'), '@')) = ${key} and json_extract(document, '$.network') = ${f.network} and case_id is not null)`
      : sql`${cases.id} in (select case_id from mentions where lower(ltrim(json_extract(document, '$.author.handle'), '@')) = ${key} and case_id is not null)`);
  }
  if (f.network) where.push(sql`json_extract(${mentions.document}, '$.network') = ${f.network}`);
  if (f.brand) where.push(eq(mentions.brand, f.brand));
  if (f.tag) where.push(sql`${cases.id} in (select case_id from tags where tag = ${f.tag})`);
  if (f.team) where.push(eq(cases.team, f.team));
  if (f.map) where.push(eq(cases.mapId, f.map));
  if (f.holder) where.push(eq(cases.holder, f.holder === 'me' ? user.id : f.holder));
  if (f.status) {
    const wanted = f.status.split(',');
    const plain = wanted.filter(isCaseStatus);
    const parts: SQL[] = [];
    if (wanted.includes('open')) parts.push(ne(cases.status, 'ended'));
    if (wanted.includes('closed')) plain.push('ended');
    if (plain.length) parts.push(inArray(cases.status, plain));
    where.push(or(...parts));
  }
  if (f.outcome) where.push(sql`json_extract(${cases.view}, '$.endOutcome') = ${f.outcome}`);
  if (f.breached !== undefined) where.push(f.breached ? sql`(${cases.breaches} > 0 or json_extract(${cases.view}, '$.overdue') = 1)` : sql`(${cases.breaches} = 0 and coalesce(json_extract(${cases.view}, '$.overdue'), 0) = 0)`);
  if (f.from !== undefined) where.push(gte(cases.openedAt, f.from));
  if (f.to !== undefined) where.push(lte(cases.openedAt, f.to));
  let cursor: [number, number] | undefined;
  if (f.cursor) {
    cursor = decodeCursor(f.cursor);
    const [at, seq] = cursor;
    where.push(sql`(${cases.openedAt} < ${at} or (${cases.openedAt} = ${at} and ${cases}.rowid < ${seq}))`);
  }
  const select = (extra?: SQL) => db.select({ c: cases, doc: mentions.document, seq: sql<number>`${cases}.rowid` }).from(cases)
    .innerJoin(mentions, eq(mentions.id, cases.mentionId))
    .where(and(...where, extra));
  const rows = match === undefined
    ? select().orderBy(desc(cases.openedAt), desc(sql`${cases}.rowid`)).limit(f.limit + 1).all()
    : newestMatches(db, match, f, cursor, (ids) => select(inArray(cases.id, ids)).all());
  const page = rows.slice(0, f.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ ...caseSummary(r.c, r.doc), brand: (r.doc.brand as string | undefined) ?? null, outcome: ((r.c.view as { endOutcome?: string }).endOutcome) ?? null })),
    next: rows.length > f.limit && last ? encodeCursor(last.c.openedAt, last.seq) : null,
  };
}

/** care_text rowids are `<case opened_at> * SLOTS + slot` (migration 0010): rowid order is opening order, by the millisecond. */
const SLOTS = 1_048_576n;
const FIRST_WALK = 256;
const MOST_WALK = 4096;

/**
 * The first `limit + 1` cases matching `match` and the filters, newest first: walks the full-text
 * matches by rowid, newest opening first, a batch at a time, and checks each batch's new cases
 * against the filters (`check`), stopping once a page is certain: it holds `limit + 1` cases opened
 * after the millisecond the walk has reached. The work grows with the page and the filters'
 * selectivity, not with the number of matches.
 */
function newestMatches<R extends { c: { openedAt: number }; seq: number }>(db: Db, match: string, f: CaseSearch, cursor: [number, number] | undefined, check: (ids: string[]) => R[]): R[] {
  // Rowids pass 2^53: read and bound them as BigInt.
  const walk = db.$client.prepare('select rowid as k, case_id as caseId from care_text where care_text match ? and rowid < ? and rowid >= ? order by rowid desc limit ?').safeIntegers(true);
  const most = 2n ** 63n - 1n;
  const clamp = (k: bigint) => (k > most ? most : k < -most ? -most : k);
  let below = most;
  for (const at of [cursor?.[0], f.to]) if (at !== undefined) below = clamp(BigInt(at + 1) * SLOTS) < below ? clamp(BigInt(at + 1) * SLOTS) : below;
  const from = f.from !== undefined ? clamp(BigInt(f.from) * SLOTS) : -most;
  const seen = new Set<string>();
  const found: R[] = [];
  let size = Math.max(FIRST_WALK, (f.limit + 1) * 4);
  for (;;) {
    const batch = walk.all(match, below, from, BigInt(size)) as { k: bigint; caseId: string }[];
    const fresh = [...new Set(batch.map((b) => b.caseId))].filter((id) => !seen.has(id));
    for (const id of fresh) seen.add(id);
    for (let i = 0; i < fresh.length; i += 500) found.push(...check(fresh.slice(i, i + 500)));
    if (batch.length < size) break;
    below = batch.at(-1)!.k;
    const reached = Number(below >= 0n ? below / SLOTS : (below - SLOTS + 1n) / SLOTS);
    if (found.filter((r) => r.c.openedAt > reached).length > f.limit) break;
    size = Math.min(size * 2, MOST_WALK);
  }
  return found.sort((a, b) => b.c.openedAt - a.c.openedAt || b.seq - a.seq).slice(0, f.limit + 1);
}
