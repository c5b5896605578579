import { createRoute, z } from '@hono/zod-openapi';
import { runSeriesSchema } from '@baton/engine';
import { requireUser } from '../auth/guards.ts';
import { errors, json, newRouter, signedIn } from '../http/openapi.ts';
import { lessonsReport } from '../reports/lessonsReport.ts';
import { reportScope } from '../reports/reportScope.ts';
import { summaryReport, summaryRows } from '../reports/summaryReport.ts';
import { agentsReport } from '../reports/agentsReport.ts';
import { csvHeaders, jsonOrCsv, toCsv } from '../http/csv.ts';

/** The times a report can cover: from 1970 to the end of year 9999 (further out is a typo or a probe, and past what dates can show). */
const EARLIEST = Date.parse('1970-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
const time = z.string().max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time')
  .refine((s) => Date.parse(s) >= EARLIEST && Date.parse(s) <= LATEST, 'must lie between 1970-01-01 and 9999-12-31')
  .transform((s) => Date.parse(s));
const scopeQuery = z.object({
  from: time.optional().openapi({ description: 'Start of the period (ISO 8601); default: 7 days before `to`' }),
  to: time.optional().openapi({ description: 'End of the period (ISO 8601); default: now' }),
  map: z.string().max(128).optional().openapi({ description: 'Only this map' }),
  team: z.string().max(128).optional().openapi({ description: "Only cases this team held or holds; agents must name one of their own teams" }),
});
const pct = z.object({ p50: z.number().nullable(), p90: z.number().nullable(), max: z.number().nullable() });
const summarySchema = z.object({
  from: z.string(), to: z.string(),
  mentions: z.object({ total: z.number(), routed: z.number(), attached: z.number(), unrouted: z.number().nullable(), dismissed: z.number().nullable() })
    .openapi({ description: 'Mentions received in the period by what became of them; unrouted and dismissed are null under a map or team filter' }),
  cases: z.object({ opened: z.number(), ended: z.number(), open: z.number().openapi({ description: 'Not ended now' }) }),
  breaches: z.number(),
  pickupSec: pct.openapi({ description: 'Case opened → first claim, for first claims in the period (nearest rank, seconds)' }),
  resolvedSec: pct.openapi({ description: 'Case opened → ended, for cases ended in the period (nearest rank, seconds)' }),
  teams: z.array(z.object({
    team: z.string(), name: z.string(), handled: z.number(), breaches: z.number(), openNow: z.number(),
    oldestWaitingSec: z.number().nullable(), oldestWaitingCase: z.string().nullable(),
  })),
  nodes: z.array(z.object({
    mapId: z.string(), mapName: z.string(), node: z.string(), label: z.string(), type: z.string(), team: z.string().nullable(), entered: z.number(), breaches: z.number(),
  })),
  crises: z.array(z.object({ mapId: z.string(), mapName: z.string(), startedAt: z.string(), endedAt: z.string().nullable() })),
  charts: runSeriesSchema.pick({ bucketSec: true, breaches: true, pickup: true, resolved: true }).openapi({ description: 'For charts: missed deadlines per `bucketSec` slice of the period from `from`; pick-up and resolution times in round bands' }),
}).openapi('ReportSummary');
const lessonSchema = z.object({
  id: z.number(), caseId: z.string(), mapId: z.string(), mapName: z.string(), node: z.string(), nodeLabel: z.string(),
  outcome: z.string().nullable(), prompt: z.string().nullable(), author: z.string().nullable(), authorName: z.string().nullable(), at: z.string(), text: z.string(),
}).openapi('ReportLesson');

const agentSchema = z.object({
  user: z.string(), name: z.string(), email: z.string(), handled: z.number(), pickups: z.number(), pickupSec: pct, breaches: z.number(),
}).openapi('ReportAgent');
const format = z.enum(['json', 'csv']).default('json').openapi({ description: '`csv`: the same report as a CSV download (one row per line of the report)' });

const routes = {
  summary: createRoute({
    operationId: 'getReportSummary',
    method: 'get', path: '/summary', tags: ['reports'], security: signedIn,
    summary: 'Mentions, cases, breaches, pick-up and resolution times, per team, per map node, and crisis windows in a period (admins, managers, approvers; agents for their own team)',
    request: { query: scopeQuery.extend({ format }) },
    responses: { 200: jsonOrCsv(summarySchema, 'The report'), 400: errors[400], 401: errors[401], 403: errors[403] },
  }),
  lessons: createRoute({
    operationId: 'listLessons',
    method: 'get', path: '/lessons', tags: ['reports'], security: signedIn,
    summary: 'Lessons learned in a period, newest first (same readers as the summary)',
    request: { query: scopeQuery.extend({ limit: z.string().regex(/^\d{1,4}$/).transform(Number).default(100).openapi({ description: 'At most 500' }), format }) },
    responses: { 200: jsonOrCsv(z.object({ lessons: z.array(lessonSchema) }), 'Lessons'), 400: errors[400], 401: errors[401], 403: errors[403] },
  }),
  agents: createRoute({
    operationId: 'getReportAgents',
    method: 'get', path: '/agents', tags: ['reports'], security: signedIn,
    summary: 'Per person: cases handled (outcomes reported), pick-ups and pick-up time, deadlines missed in their hands, in a period (same readers as the summary)',
    request: { query: scopeQuery.extend({ format }) },
    responses: { 200: jsonOrCsv(z.object({ agents: z.array(agentSchema) }), 'Per-person figures'), 400: errors[400], 401: errors[401], 403: errors[403] },
  }),
};

/** `/api/reports`: what happened to mentions and cases in a period, and what the teams learned. */
export function reportRoutes() {
  return newRouter()
    .openapi(routes.summary, (c) => {
      const rt = c.get('rt');
      const now = rt.clock.now();
      const { format: as, ...q } = c.req.valid('query');
      const report = summaryReport(rt, reportScope(requireUser(c), now, q), now);
      if (as === 'csv') return c.body(toCsv(['section', 'key', 'measure', 'value'], summaryRows(report)), 200, csvHeaders(`baton-summary-${report.from.slice(0, 10)}`)) as never;
      return c.json(report, 200);
    })
    .openapi(routes.lessons, (c) => {
      const rt = c.get('rt');
      const { limit, format: as, ...q } = c.req.valid('query');
      const lessons = lessonsReport(rt, reportScope(requireUser(c), rt.clock.now(), q), limit);
      if (as === 'csv') {
        const rows = lessons.map((l) => [l.at, l.caseId, l.mapName, l.nodeLabel, l.outcome, l.authorName ?? l.author, l.prompt, l.text]);
        return c.body(toCsv(['at', 'case', 'map', 'end', 'outcome', 'author', 'prompt', 'lesson'], rows), 200, csvHeaders('baton-lessons')) as never;
      }
      return c.json({ lessons }, 200);
    })
    .openapi(routes.agents, (c) => {
      const rt = c.get('rt');
      const { format: as, ...q } = c.req.valid('query');
      const agents = agentsReport(rt, reportScope(requireUser(c), rt.clock.now(), q));
      if (as === 'csv') {
        const rows = agents.map((a) => [a.name, a.email, a.handled, a.pickups, a.pickupSec.p50, a.pickupSec.p90, a.breaches]);
        return c.body(toCsv(['name', 'email', 'handled', 'pickups', 'pickupSecP50', 'pickupSecP90', 'breaches'], rows), 200, csvHeaders('baton-agents')) as never;
      }
      return c.json({ agents }, 200);
    });
}
