import { and, desc, eq, gte, lte } from 'drizzle-orm';
import { iso } from '../clock.ts';
import { cases, lessons, maps, users } from '../db/schema.ts';
import type { Runtime } from '../Runtime.ts';
import { caseFilter } from './caseFilter.ts';
import type { ReportScope } from './reportScope.ts';

/** One lesson as the report shows it: where the case ended, what the map asked, who wrote what. */
export interface LessonLine {
  id: number;
  caseId: string;
  mapId: string;
  mapName: string;
  node: string;
  nodeLabel: string;
  /** The end node's outcome; null for a lesson written before the case reached an end. */
  outcome: string | null;
  /** The question the end node asks (`lessons.prompt`), if any. */
  prompt: string | null;
  author: string | null;
  authorName: string | null;
  at: string;
  text: string;
}

/** Most lessons one answer holds. */
export const LESSON_LIMIT = 500;

/** Lessons written in the scope's period, newest first. */
export function lessonsReport(rt: Runtime, scope: ReportScope, limit = 100): LessonLine[] {
  const { db } = rt;
  const rows = db.select({ lesson: lessons, mapVersion: cases.mapVersion, mapName: maps.name, authorName: users.name })
    .from(lessons)
    .innerJoin(cases, eq(cases.id, lessons.caseId))
    .leftJoin(maps, eq(maps.id, lessons.mapId))
    .leftJoin(users, eq(users.id, lessons.author))
    .where(and(gte(lessons.at, scope.from), lte(lessons.at, scope.to), scope.map ? eq(lessons.mapId, scope.map) : undefined, caseFilter(scope)))
    .orderBy(desc(lessons.at), desc(lessons.id))
    .limit(Math.min(Math.max(limit, 1), LESSON_LIMIT))
    .all();
  return rows.map(({ lesson: l, mapVersion, mapName, authorName }) => {
    const node = rt.maps.get(l.mapId, mapVersion).node(l.node);
    const end = node?.type === 'end' ? node : null;
    return {
      id: l.id, caseId: l.caseId, mapId: l.mapId, mapName: mapName ?? l.mapId, node: l.node, nodeLabel: node?.label ?? l.node,
      outcome: end?.outcome ?? null, prompt: end?.lessons?.prompt ?? null,
      author: l.author, authorName, at: iso(l.at)!, text: l.text,
    };
  });
}
