import { createRoute } from '@hono/zod-openapi';
import { compileMap, mapSchema, replayRequestSchema, replayResultSchema, validateMap, type BatonMap } from '@baton/engine';
import { requireRole } from '../auth/guards.ts';
import { ApiError } from '../errors.ts';
import { errors, idParam, json, jsonBody, newRouter, signedIn, unprocessable } from '../http/openapi.ts';
import { findVersion } from '../maps/mapVersions.ts';
import { replayMentions } from '../rehearsal/replayMentions.ts';

const DAY_MS = 86_400_000;

const replay = createRoute({
  operationId: 'replayMentions',
  method: 'post', path: '/{id}/replay', tags: ['rehearsal'], security: signedIn,
  summary: 'Replay the real mentions of the last `days` on a version and on the active one: which would route differently, and the load each team would gain or lose',
  description: '`version` is a number, or draft, latest or active. A mention’s route is its trigger, the end it reaches when every pass reports its first outcome, and the teams on the way. `changed` lists at most 500 mentions; `changedCount` counts them all. 422 when the version has validation errors.',
  request: { params: idParam, body: jsonBody(replayRequestSchema) },
  responses: { 200: json(replayResultSchema, 'The replay'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 422: unprocessable },
});

/** `/api/maps/:id/replay` (docs/api.md "Replay"). */
export function mapReplayRoutes() {
  return newRouter().openapi(replay, async (c) => {
    requireRole(c, 'admin', 'approver', 'manager');
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const rt = c.get('rt');
    const row = findVersion(rt.db, id, String(body.version));
    const validation = validateMap(row.document);
    if (!validation.valid) throw new ApiError(422, 'INVALID_MAP', `Version ${row.version} has validation errors; fix them before replaying`, { problems: validation.problems });
    let active: { version: number } | null = null;
    try {
      active = { version: findVersion(rt.db, id, 'active').version };
    } catch {
      active = null; // nothing approved yet: every mention was unrouted by this map
    }
    const to = rt.clock.now();
    const result = await replayMentions(
      rt,
      // A draft still changes, so it is compiled afresh; a submitted or decided version is cached.
      { mapId: id, version: row.version, compiled: row.state === 'draft' ? compileMap(mapSchema.parse(row.document) as BatonMap) : rt.maps.get(id, row.version) },
      active ? { version: active.version, compiled: rt.maps.get(id, active.version) } : null,
      to - body.days * DAY_MS,
      to,
    );
    return c.json(result, 200);
  });
}
