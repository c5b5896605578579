import { createRoute, z } from '@hono/zod-openapi';
import { drillReportSchema, drillStartSchema, drillViewSchema } from '@baton/engine';
import { desc, eq } from 'drizzle-orm';
import { audit } from '../audit.ts';
import { requireRole } from '../auth/guards.ts';
import { drills } from '../db/schema.ts';
import { drillCsv } from '../drills/drillCsv.ts';
import { drillReport } from '../drills/drillReport.ts';
import { drillView } from '../drills/drillView.ts';
import { finishDrill } from '../drills/finishDrill.ts';
import { startDrill } from '../drills/startDrill.ts';
import { ApiError, notFound } from '../errors.ts';
import { conflict, errors, idParam, json, jsonBody, newRouter, signedIn, unprocessable } from '../http/openapi.ts';
import type { Runtime } from '../Runtime.ts';

const READERS = ['manager', 'admin', 'approver'] as const;

const routes = {
  start: createRoute({
    operationId: 'startDrill',
    method: 'post', path: '/', tags: ['drills'], security: signedIn,
    summary: 'Start a live drill: feed a scenario into a submitted or approved version in scaled time, for the teams picked (managers and admins)',
    request: { body: jsonBody(drillStartSchema) },
    responses: {
      201: json(z.object({ id: z.string() }), 'The drill started'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404],
      409: conflict, 422: unprocessable,
    },
  }),
  list: createRoute({
    operationId: 'listDrills',
    method: 'get', path: '/', tags: ['drills'], security: signedIn,
    summary: 'Drills, newest first (managers, admins, approvers)',
    request: { query: z.object({ map: z.string().max(128).optional().openapi({ description: 'Only drills of this map' }) }) },
    responses: { 200: json(z.object({ drills: z.array(drillViewSchema) }), 'The drills'), 401: errors[401], 403: errors[403] },
  }),
  get: createRoute({
    operationId: 'getDrill',
    method: 'get', path: '/{id}', tags: ['drills'], security: signedIn,
    summary: 'A drill: state (running, stopped, done), why it stopped, and progress',
    request: { params: idParam },
    responses: { 200: json(drillViewSchema, 'The drill'), 401: errors[401], 403: errors[403], 404: errors[404] },
  }),
  stop: createRoute({
    operationId: 'stopDrill',
    method: 'post', path: '/{id}/stop', tags: ['drills'], security: signedIn,
    summary: 'Stop a running drill: nothing more is fed and its open cases leave the queues (managers and admins)',
    request: { params: idParam },
    responses: { 200: json(drillViewSchema, 'The drill, stopped'), 401: errors[401], 403: errors[403], 404: errors[404], 409: conflict },
  }),
  report: createRoute({
    operationId: 'getDrillReport',
    method: 'get', path: '/{id}/report', tags: ['drills'], security: signedIn,
    summary: "A drill's report: measured metrics beside the simulator's prediction, per person, held notifications; kept once the drill is over",
    description: '`format=csv` answers one table as CSV: `part` is comparison (default), people, cases or held.',
    request: {
      params: idParam,
      query: z.object({
        format: z.enum(['json', 'csv']).default('json'),
        part: z.enum(['comparison', 'people', 'cases', 'held']).default('comparison'),
      }),
    },
    responses: {
      200: { description: 'The report', content: { 'application/json': { schema: drillReportSchema }, 'text/csv': { schema: z.string() } } },
      400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404],
    },
  }),
};

function load(rt: Runtime, id: string) {
  const row = rt.db.select().from(drills).where(eq(drills.id, id)).get();
  if (!row) throw notFound('Drill');
  return row;
}

/** `/api/drills`: live drills with the real team (docs/api.md#drills). */
export function drillRoutes() {
  return newRouter()
    .openapi(routes.start, (c) => {
      const user = requireRole(c, 'manager', 'admin');
      const rt = c.get('rt');
      const row = startDrill(rt, user, c.req.valid('json'), c.get('from'));
      rt.wake();
      return c.json({ id: row.id }, 201);
    })
    .openapi(routes.list, (c) => {
      requireRole(c, ...READERS);
      const rt = c.get('rt');
      const { map } = c.req.valid('query');
      const rows = rt.db.select().from(drills).where(map ? eq(drills.mapId, map) : undefined).orderBy(desc(drills.startedAt)).limit(200).all();
      return c.json({ drills: rows.map((d) => drillView(rt, d)) }, 200);
    })
    .openapi(routes.get, (c) => {
      requireRole(c, ...READERS);
      const rt = c.get('rt');
      return c.json(drillView(rt, load(rt, c.req.valid('param').id)), 200);
    })
    .openapi(routes.stop, (c) => {
      const user = requireRole(c, 'manager', 'admin');
      const rt = c.get('rt');
      const row = load(rt, c.req.valid('param').id);
      if (row.state !== 'running') throw new ApiError(409, 'NOT_RUNNING', `The drill is already ${row.state}`);
      const stopped = finishDrill(rt, row.id, 'stopped', `Stopped by ${user.name}`);
      audit(rt.db, rt.clock.now(), { actor: user.id, action: 'drill.stop', target: row.id, from: c.get('from') });
      return c.json(drillView(rt, stopped), 200);
    })
    .openapi(routes.report, (c) => {
      requireRole(c, ...READERS);
      const rt = c.get('rt');
      const row = load(rt, c.req.valid('param').id);
      const { format, part } = c.req.valid('query');
      const report = row.report ?? drillReport(rt, row, rt.clock.now());
      if (format === 'csv') {
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="baton-${row.id}-${part}.csv"`);
        return c.body(drillCsv(report, part), 200) as never;
      }
      return c.json(report, 200);
    });
}
