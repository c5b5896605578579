import { historyField, type MapLessons, type NodeLesson } from '@baton/engine';
import { and, asc, eq, gte, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { seesAllTeams } from '../auth/guards.ts';
import { iso } from '../clock.ts';
import { caseEvents, cases, lessons, users } from '../db/schema.ts';
import type { SessionUser } from '../http/AppEnv.ts';
import type { Runtime } from '../Runtime.ts';

/** Most lessons listed per node (the newest). */
export const NODE_LESSON_LIMIT = 200;

/** What one request for a map's lessons covers. */
export interface MapLessonsQuery {
  from: number;
  to: number;
  /** Count drill cases too (their lessons are marked with the drill). */
  drills: boolean;
}

/**
 * The cases a user may learn from (docs/semantics.md#lessons-on-the-map): admins, managers and
 * approvers every case; an agent the cases that are or were in one of their teams' hands (the team
 * holds it now, or it entered one of the team's passes), as for reading cases and team reports.
 */
function visibleTo(user: SessionUser): SQL | undefined {
  if (seesAllTeams(user)) return undefined;
  const mine = [...user.teams, ...user.backupTeams];
  if (!mine.length) return sql`0`;
  return or(inArray(cases.team, mine), sql`exists (select 1 from case_events e where e.case_id = ${cases.id} and e.type = 'entered'
    and json_extract(e.data, '$.team') in (${sql.join(mine.map((t) => sql`${t}`), sql`, `)}))`);
}

/**
 * Per node of a map, the lessons written in the period on cases that passed through it (newest
 * first, every node of the case's path), and the deadlines missed there in the period. Real work
 * only unless `drills`; only the cases the user may see.
 */
export function mapLessons(rt: Runtime, user: SessionUser, mapId: string, q: MapLessonsQuery): MapLessons {
  const { db } = rt;
  const scope = and(eq(cases.mapId, mapId), q.drills ? undefined : isNull(cases.drillId), visibleTo(user));
  const rows = db.select({ lesson: lessons, drill: cases.drillId, authorName: users.name })
    .from(lessons).innerJoin(cases, eq(cases.id, lessons.caseId)).leftJoin(users, eq(users.id, lessons.author))
    .where(and(gte(lessons.at, q.from), lte(lessons.at, q.to), scope))
    .orderBy(sql`${lessons.at} desc`, sql`${lessons.id} desc`).all();
  const nodes: MapLessons['nodes'] = {};
  const entry = (node: string) => (nodes[node] ??= { count: 0, lessons: [], breaches: 0 });
  const caseIds = [...new Set(rows.map((r) => r.lesson.caseId))];
  const paths = new Map<string, Set<string>>();
  for (let i = 0; i < caseIds.length; i += 500) {
    const chunk = caseIds.slice(i, i + 500);
    for (const e of db.select({ caseId: caseEvents.caseId, data: caseEvents.data }).from(caseEvents)
      .where(and(inArray(caseEvents.caseId, chunk), eq(caseEvents.type, 'entered'))).orderBy(asc(caseEvents.id)).all()) {
      const node = historyField(e.data, 'node');
      if (typeof node === 'string') (paths.get(e.caseId) ?? paths.set(e.caseId, new Set()).get(e.caseId)!).add(node);
    }
  }
  const triggers = new Map(caseIds.length ? db.select({ id: cases.id, trigger: cases.trigger }).from(cases).where(inArray(cases.id, caseIds.slice(0, 30_000))).all().map((c) => [c.id, c.trigger]) : []);
  for (const { lesson: l, drill, authorName } of rows) {
    const line: NodeLesson = { id: l.id, text: l.text, author: l.author, authorName, at: iso(l.at)!, caseId: l.caseId, node: l.node, drill };
    const path = new Set([...(triggers.has(l.caseId) ? [triggers.get(l.caseId)!] : []), ...(paths.get(l.caseId) ?? []), l.node]);
    for (const node of path) {
      const e = entry(node);
      e.count++;
      if (e.lessons.length < NODE_LESSON_LIMIT) e.lessons.push(line);
    }
  }
  for (const b of db.select({ node: sql<string>`json_extract(${caseEvents.data}, '$.node')`, n: sql<number>`count(*)` })
    .from(caseEvents).innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(caseEvents.type, 'breach'), gte(caseEvents.at, q.from), lte(caseEvents.at, q.to), scope))
    .groupBy(sql`json_extract(${caseEvents.data}, '$.node')`).all()) {
    if (typeof b.node === 'string') entry(b.node).breaches = b.n;
  }
  return { mapId, from: iso(q.from)!, to: iso(q.to)!, nodes };
}
