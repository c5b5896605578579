import { randomUUID } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import { barSchema, keptScenarioInputSchema, mapSchema, scenarioSchema, validateScenario, type Bar, type BatonMap } from '@baton/engine';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Context } from 'hono';
import { audit } from '../audit.ts';
import { requireRole } from '../auth/guards.ts';
import { iso } from '../clock.ts';
import { mapScenarios, type MapScenarioRow } from '../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';
import type { AppEnv } from '../http/AppEnv.ts';
import { issuesOf } from '../http/onError.ts';
import { errors, idParam, json, jsonBody, newRouter, signedIn, unprocessable } from '../http/openapi.ts';
import { anyObject } from '../http/schemas.ts';
import { findVersion, userNames } from '../maps/mapVersions.ts';

/** Most mentions a kept scenario may expand to: every submission rehearses it (in a worker thread when large). */
export const MAX_KEPT_MENTIONS = 200_000;

const keptView = z.object({
  id: z.string(),
  name: z.string(),
  mentions: z.number(),
  mustPass: z.array(barSchema),
  scenario: anyObject,
  createdBy: z.string().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
}).openapi('KeptScenario');
const scenarioParams = idParam.extend({ scenarioId: z.string().min(1).max(64) });
const body = jsonBody(keptScenarioInputSchema);

const list = createRoute({
  operationId: 'listKeptScenarios',
  method: 'get', path: '/{id}/scenarios', tags: ['rehearsal'], summary: 'Scenarios kept with the map and their must-pass bars', security: signedIn,
  request: { params: idParam },
  responses: { 200: json(z.object({ scenarios: z.array(keptView) }), 'Kept scenarios, oldest first'), 401: errors[401], 403: errors[403], 404: errors[404] },
});
const keep = createRoute({
  operationId: 'keepScenario',
  method: 'post', path: '/{id}/scenarios', tags: ['rehearsal'], summary: 'Keep a scenario with the map (manager): every submitted version is rehearsed on it', security: signedIn,
  description: '`mustPass` bars: `{ metric: breaches|open|unrouted|pickupP90Sec|resolvedP90Sec, node? | team?, max }`. 400 when the scenario does not fit the format; 422 when it does not fit the map (a team it staffs, a node or team a bar names) or expands to more than 200,000 mentions.',
  request: { params: idParam, body },
  responses: { 201: json(keptView, 'Kept'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 422: unprocessable },
});
const edit = createRoute({
  operationId: 'editKeptScenario',
  method: 'put', path: '/{id}/scenarios/{scenarioId}', tags: ['rehearsal'], summary: 'Replace a kept scenario and its bars (manager); versions already submitted keep their evidence', security: signedIn,
  request: { params: scenarioParams, body },
  responses: { 200: json(keptView, 'Replaced'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 422: unprocessable },
});
const remove = createRoute({
  operationId: 'removeKeptScenario',
  method: 'delete', path: '/{id}/scenarios/{scenarioId}', tags: ['rehearsal'], summary: 'Stop keeping a scenario (manager); versions already submitted keep their evidence', security: signedIn,
  request: { params: scenarioParams },
  responses: { 200: json(z.object({ removed: z.string() }), 'Removed'), 401: errors[401], 403: errors[403], 404: errors[404] },
});

function view(row: MapScenarioRow, names: Map<string, string>): z.infer<typeof keptView> {
  const doc = row.scenario as { mentions?: unknown[]; generate?: { count?: number }[] };
  const mentions = (doc.mentions?.length ?? 0) + (doc.generate ?? []).reduce((n, g) => n + (g.count ?? 0), 0);
  return {
    id: row.id, name: row.name, mentions, mustPass: row.mustPass, scenario: row.scenario,
    createdBy: row.createdBy, createdByName: row.createdBy ? names.get(row.createdBy) ?? null : null,
    createdAt: iso(row.createdAt)!, updatedAt: iso(row.updatedAt)!,
  };
}

/** Checks a kept scenario against the format and the map's latest version; its name and bars. */
function checked(c: Context<AppEnv>, mapId: string, input: z.infer<typeof keptScenarioInputSchema>): { name: string; scenario: Record<string, unknown>; mustPass: Bar[] } {
  const parsed = scenarioSchema.safeParse(input.scenario);
  if (!parsed.success) throw new ApiError(400, 'INVALID', 'The scenario does not fit the scenario format (docs/scenarios.md)', { issues: issuesOf(parsed.error) });
  const scenario = parsed.data;
  const mentions = (scenario.mentions?.length ?? 0) + (scenario.generate ?? []).reduce((n, g) => n + g.count, 0);
  if (mentions > MAX_KEPT_MENTIONS) throw new ApiError(422, 'TOO_LARGE', `A kept scenario may have at most ${MAX_KEPT_MENTIONS.toLocaleString('en')} mentions (this one has ${mentions.toLocaleString('en')})`);
  const latest = mapSchema.safeParse(findVersion(c.get('rt').db, mapId, 'latest').document);
  const mustPass = input.mustPass ?? [];
  if (latest.success) {
    const map = latest.data as BatonMap;
    const problems = validateScenario(scenario, map).problems.filter((p) => p.severity === 'error');
    if (problems.length) throw new ApiError(422, 'SCENARIO_UNFIT', `The scenario does not fit the map: ${problems[0]!.message}`, { problems });
    const nodes = new Set(map.nodes.map((n) => n.id));
    const teams = new Set(map.teams.map((t) => t.id));
    const wrong = mustPass.filter((b) => (b.node && !nodes.has(b.node)) || (b.team && !teams.has(b.team)));
    if (wrong.length) throw new ApiError(422, 'UNKNOWN_BAR_TARGET', `A bar names a node or team the map lacks: ${wrong.map((b) => b.node ?? b.team).join(', ')}`, { bars: wrong });
  }
  return { name: scenario.name, scenario: input.scenario, mustPass };
}

function findKept(c: Context<AppEnv>, mapId: string, scenarioId: string): MapScenarioRow {
  const row = c.get('rt').db.select().from(mapScenarios).where(and(eq(mapScenarios.mapId, mapId), eq(mapScenarios.id, scenarioId))).get();
  if (!row) throw notFound(`Kept scenario ${scenarioId} of map ${mapId}`);
  return row;
}

/** `/api/maps/:id/scenarios`: scenarios kept with a map, with must-pass bars (docs/scenarios.md). */
export function mapScenarioRoutes() {
  return newRouter()
    .openapi(list, (c) => {
      requireRole(c, 'admin', 'approver', 'manager');
      const { id } = c.req.valid('param');
      const db = c.get('rt').db;
      findVersion(db, id, 'latest');
      const rows = db.select().from(mapScenarios).where(eq(mapScenarios.mapId, id)).orderBy(asc(mapScenarios.createdAt), sql`rowid`).all();
      const names = userNames(db, rows.map((r) => r.createdBy));
      return c.json({ scenarios: rows.map((r) => view(r, names)) }, 200);
    })
    .openapi(keep, (c) => {
      const user = requireRole(c, 'manager', 'admin');
      const { id } = c.req.valid('param');
      const rt = c.get('rt');
      const kept = checked(c, id, c.req.valid('json'));
      const now = rt.clock.now();
      const row: MapScenarioRow = { id: randomUUID(), mapId: id, ...kept, createdBy: user.id, createdAt: now, updatedBy: user.id, updatedAt: now };
      rt.db.transaction((tx) => {
        tx.insert(mapScenarios).values(row).run();
        audit(tx, now, { actor: user.id, action: 'map.scenario.keep', target: `${id}/${row.id}`, from: c.get('from'), data: { name: row.name, bars: row.mustPass.length } });
      });
      return c.json(view(row, userNames(rt.db, [user.id])), 201);
    })
    .openapi(edit, (c) => {
      const user = requireRole(c, 'manager', 'admin');
      const { id, scenarioId } = c.req.valid('param');
      const rt = c.get('rt');
      const before = findKept(c, id, scenarioId);
      const kept = checked(c, id, c.req.valid('json'));
      const now = rt.clock.now();
      rt.db.transaction((tx) => {
        tx.update(mapScenarios).set({ ...kept, updatedBy: user.id, updatedAt: now }).where(eq(mapScenarios.id, scenarioId)).run();
        audit(tx, now, { actor: user.id, action: 'map.scenario.edit', target: `${id}/${scenarioId}`, from: c.get('from'), data: { name: kept.name, bars: kept.mustPass.length } });
      });
      const row = { ...before, ...kept, updatedBy: user.id, updatedAt: now };
      return c.json(view(row, userNames(rt.db, [row.createdBy])), 200);
    })
    .openapi(remove, (c) => {
      const user = requireRole(c, 'manager', 'admin');
      const { id, scenarioId } = c.req.valid('param');
      const rt = c.get('rt');
      const row = findKept(c, id, scenarioId);
      const now = rt.clock.now();
      rt.db.transaction((tx) => {
        tx.delete(mapScenarios).where(eq(mapScenarios.id, scenarioId)).run();
        audit(tx, now, { actor: user.id, action: 'map.scenario.remove', target: `${id}/${scenarioId}`, from: c.get('from'), data: { name: row.name } });
      });
      return c.json({ removed: scenarioId }, 200);
    });
}
