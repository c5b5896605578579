import { and, eq, isNull, type SQL, sql } from 'drizzle-orm';
import { cases, mentions } from '../db/schema.ts';
import type { ReportScope } from './reportScope.ts';

/** Real mentions only: a drill's mentions (docs/semantics.md#drills) never count in reports. */
export function realMentions(): SQL {
  return isNull(mentions.drillId);
}

/**
 * SQL condition on `cases` for the scope's map and team, real work only (drill cases never count). A case belongs to a team's report when
 * the team holds it now or it ever entered one of the team's passes (its history says so).
 */
export function caseFilter(scope: ReportScope): SQL | undefined {
  const w: SQL[] = [isNull(cases.drillId)];
  if (scope.map) w.push(eq(cases.mapId, scope.map));
  if (scope.team) {
    w.push(sql`(${cases.team} = ${scope.team} or exists (select 1 from case_events e where e.case_id = ${cases.id}
      and e.type = 'entered' and json_extract(e.data, '$.team') = ${scope.team}))`);
  }
  return w.length ? and(...w) : undefined;
}
