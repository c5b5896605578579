import { historyField, type Digest } from '@baton/engine';
import { and, count, desc, eq, gt, gte, isNull, lte, or, sql } from 'drizzle-orm';
import { iso } from '../clock.ts';
import { caseEvents, cases, crises, lessons, maps, mentions, tags, users } from '../db/schema.ts';
import { realMentions } from '../reports/caseFilter.ts';
import type { Runtime } from '../Runtime.ts';
import { topKeywords } from './topKeywords.ts';

const DAY = 86_400_000;

/** The UTC day `YYYY-MM-DD` as epoch ms, start included, end included (the last millisecond). */
export function dayRange(date: string): { from: number; to: number } {
  const from = Date.parse(`${date}T00:00:00Z`);
  return { from, to: from + DAY - 1 };
}

/** The day before the one `now` falls in, as `YYYY-MM-DD` (what the morning e-mail covers). */
export function yesterday(now: number): string {
  return new Date(now - (now % DAY) - DAY).toISOString().slice(0, 10);
}

function tallies(rows: { key: string | null; n: number }[], none: string): { key: string; count: number }[] {
  return rows.map((r) => ({ key: r.key ?? none, count: r.n })).sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1));
}

/**
 * The listening officer's digest of one UTC day (docs/api.md "Digest"): mentions by network,
 * brand and map; crises; cases opened, ended, open at the day's end and breached in it; the
 * day's top tags and keywords; the lessons written. Read as of `now` (a day not over yet is read
 * up to now).
 */
export function digestReport(rt: Runtime, date: string, now: number): Digest {
  const { db } = rt;
  const { from, to } = dayRange(date);
  const end = Math.min(to, now);
  const mapNames = new Map(db.select({ id: maps.id, name: maps.name }).from(maps).all().map((m) => [m.id, m.name]));
  // Real work only: a drill's mentions and cases (docs/semantics.md#drills) never count.
  const received = and(gte(mentions.receivedAt, from), lte(mentions.receivedAt, to), realMentions());

  const network = sql<string>`json_extract(${mentions.document}, '$.network')`;
  const byNetwork = db.select({ key: network, n: count() }).from(mentions).where(received).groupBy(network).all();
  const byBrand = db.select({ key: mentions.brand, n: count() }).from(mentions).where(received).groupBy(mentions.brand).all();
  const byMapRows = db.select({ key: cases.mapId, status: mentions.status, n: count() }).from(mentions)
    .leftJoin(cases, eq(cases.id, mentions.caseId)).where(received).groupBy(cases.mapId, mentions.status).all();
  const byMap = new Map<string, number>();
  for (const r of byMapRows) {
    const key = r.key ? (mapNames.get(r.key) ?? r.key) : r.status === 'dismissed' ? '(dismissed)' : '(unrouted)';
    byMap.set(key, (byMap.get(key) ?? 0) + r.n);
  }

  const countCases = (w: ReturnType<typeof and>) => db.select({ n: count() }).from(cases).where(and(w, isNull(cases.drillId))).get()?.n ?? 0;
  const breached = db.select({ caseId: caseEvents.caseId, at: caseEvents.at, data: caseEvents.data, mapId: cases.mapId, version: cases.mapVersion })
    .from(caseEvents).innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(caseEvents.type, 'breach'), gte(caseEvents.at, from), lte(caseEvents.at, to), isNull(cases.drillId)))
    .orderBy(desc(caseEvents.at), desc(caseEvents.id)).limit(50).all();

  const texts = db.select({ text: sql<string>`json_extract(${mentions.document}, '$.text')` }).from(mentions).where(received).all();
  const tagRows = db.select({ key: tags.tag, n: count() }).from(tags).innerJoin(cases, eq(cases.id, tags.caseId)).where(and(gte(tags.at, from), lte(tags.at, to), isNull(cases.drillId)))
    .groupBy(tags.tag).orderBy(desc(count()), tags.tag).limit(10).all();
  const crisisRows = db.select().from(crises).where(and(lte(crises.startedAt, to), or(isNull(crises.endedAt), gte(crises.endedAt, from)))).orderBy(crises.startedAt).all();
  const lessonRows = db.select({ caseId: lessons.caseId, mapId: lessons.mapId, author: users.name, at: lessons.at, text: lessons.text })
    .from(lessons).leftJoin(users, eq(users.id, lessons.author)).innerJoin(cases, eq(cases.id, lessons.caseId))
    .where(and(gte(lessons.at, from), lte(lessons.at, to), isNull(cases.drillId))).orderBy(lessons.at, lessons.id).limit(100).all();

  return {
    date, from: iso(from)!, to: iso(to)!,
    mentions: {
      total: texts.length,
      byNetwork: tallies(byNetwork, '(unknown)'),
      byBrand: tallies(byBrand, '(none)'),
      byMap: tallies([...byMap].map(([key, n]) => ({ key, n })), '(unrouted)'),
    },
    crises: crisisRows.map((c) => ({ mapId: c.mapId, mapName: mapNames.get(c.mapId) ?? c.mapId, startedAt: iso(c.startedAt)!, endedAt: iso(c.endedAt) })),
    cases: {
      opened: countCases(and(gte(cases.openedAt, from), lte(cases.openedAt, to))),
      ended: countCases(and(gte(cases.endedAt, from), lte(cases.endedAt, to))),
      open: countCases(and(lte(cases.openedAt, end), or(isNull(cases.endedAt), gt(cases.endedAt, end)))),
      breached: breached.map((b) => {
        const node = rt.maps.get(b.mapId, b.version).node(String(historyField(b.data, 'node') ?? ''));
        return {
          caseId: b.caseId, mapName: mapNames.get(b.mapId) ?? b.mapId, node: node?.label ?? String(historyField(b.data, 'node') ?? ''),
          team: node?.type === 'pass' ? node.to.team : null, at: iso(b.at)!,
        };
      }),
    },
    topTags: tagRows.map((r) => ({ key: r.key, count: r.n })),
    topKeywords: topKeywords(texts.map((t) => t.text ?? '')),
    lessons: lessonRows.map((l) => ({ caseId: l.caseId, mapName: mapNames.get(l.mapId) ?? l.mapId, author: l.author ?? null, at: iso(l.at)!, text: l.text })),
  };
}

/** The digest as rows of a long CSV table: section, key, count or value (one line per figure). */
export function digestRows(d: Digest): unknown[][] {
  const rows: unknown[][] = [];
  rows.push(['mentions', 'total', d.mentions.total, '']);
  for (const t of d.mentions.byNetwork) rows.push(['network', t.key, t.count, '']);
  for (const t of d.mentions.byBrand) rows.push(['brand', t.key, t.count, '']);
  for (const t of d.mentions.byMap) rows.push(['map', t.key, t.count, '']);
  rows.push(['cases', 'opened', d.cases.opened, ''], ['cases', 'ended', d.cases.ended, ''], ['cases', 'open', d.cases.open, '']);
  for (const b of d.cases.breached) rows.push(['breach', b.caseId, 1, `${b.mapName} / ${b.node} at ${b.at}`]);
  for (const c of d.crises) rows.push(['crisis', c.mapName, 1, `${c.startedAt} – ${c.endedAt ?? 'still on'}`]);
  for (const t of d.topTags) rows.push(['tag', t.key, t.count, '']);
  for (const t of d.topKeywords) rows.push(['keyword', t.key, t.count, '']);
  for (const l of d.lessons) rows.push(['lesson', l.caseId, 1, `${l.author ?? 'someone'}: ${l.text}`]);
  return rows;
}
