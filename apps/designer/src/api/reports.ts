/**
 * Typed calls for the Reports section (docs/api.md "Reports"): the summary of a period and the
 * lessons learned in it. The shapes come from the runtime's routes through the typed client.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client } from './client.ts';
import { csvHref } from './digest.ts';

const reports = client.api.reports;

/** `GET /api/reports/summary`. */
export type ReportSummary = InferResponseType<typeof reports.summary.$get, 200>;
/** One team's line of the summary. */
export type ReportTeam = ReportSummary['teams'][number];
/** One map node's line: cases that entered it, deadlines missed there. */
export type ReportNode = ReportSummary['nodes'][number];
/** A lesson learned, with the end it was written at and the question the map asked. */
export type ReportLesson = InferResponseType<typeof reports.lessons.$get, 200>['lessons'][number];
/** One person's line: cases handled, pick-ups and their time, deadlines missed in their hands. */
export type ReportAgent = InferResponseType<typeof reports.agents.$get, 200>['agents'][number];
/** What a report covers. */
export type ReportQuery = { from: string; to: string } & Pick<InferRequestType<typeof reports.summary.$get>['query'], 'map' | 'team'>;

/** The query of a report, without the filters left blank. */
function query(q: ReportQuery) {
  return { from: q.from, to: q.to, ...(q.map ? { map: q.map } : {}), ...(q.team ? { team: q.team } : {}) };
}

export const reportsApi = {
  summary: (q: ReportQuery) => answer(reports.summary.$get({ query: query(q) })),
  lessons: (q: ReportQuery) => answer(reports.lessons.$get({ query: query(q) })),
  agents: (q: ReportQuery) => answer(reports.agents.$get({ query: query(q) })),
  /** Where each report downloads as CSV. */
  csv: (report: 'summary' | 'lessons' | 'agents', q: ReportQuery) => csvHref(`/api/reports/${report}`, query(q)),
};
