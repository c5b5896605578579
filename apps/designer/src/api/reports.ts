/**
 * Typed calls for the Reports section (docs/api.md "Reports"): the summary of a period and the
 * lessons learned in it.
 */
import type { Percentiles } from '@baton/engine';
import { request } from './client.ts';

export type { Percentiles };

/** One team's line of the summary. */
export interface ReportTeam {
  team: string;
  name: string;
  handled: number;
  breaches: number;
  openNow: number;
  oldestWaitingSec: number | null;
  oldestWaitingCase: string | null;
}

/** One map node's line: cases that entered it, deadlines missed there. */
export interface ReportNode {
  mapId: string;
  mapName: string;
  node: string;
  label: string;
  type: string;
  team: string | null;
  entered: number;
  breaches: number;
}

/** `GET /api/reports/summary`. */
export interface ReportSummary {
  from: string;
  to: string;
  mentions: { total: number; routed: number; attached: number; unrouted: number | null; dismissed: number | null };
  cases: { opened: number; ended: number; open: number };
  breaches: number;
  pickupSec: Percentiles;
  resolvedSec: Percentiles;
  teams: ReportTeam[];
  nodes: ReportNode[];
  crises: { mapId: string; mapName: string; startedAt: string; endedAt: string | null }[];
}

/** A lesson learned, with the end it was written at and the question the map asked. */
export interface ReportLesson {
  id: number;
  caseId: string;
  mapId: string;
  mapName: string;
  node: string;
  nodeLabel: string;
  outcome: string | null;
  prompt: string | null;
  author: string | null;
  authorName: string | null;
  at: string;
  text: string;
}

/** What a report covers. */
export interface ReportQuery { from: string; to: string; map?: string; team?: string }

function query(q: ReportQuery): string {
  const p = new URLSearchParams({ from: q.from, to: q.to });
  if (q.map) p.set('map', q.map);
  if (q.team) p.set('team', q.team);
  return p.toString();
}

export const reportsApi = {
  summary: (q: ReportQuery) => request<ReportSummary>('GET', `/api/reports/summary?${query(q)}`),
  lessons: (q: ReportQuery) => request<{ lessons: ReportLesson[] }>('GET', `/api/reports/lessons?${query(q)}`),
};
