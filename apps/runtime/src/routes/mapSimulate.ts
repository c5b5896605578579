import { createRoute, z } from '@hono/zod-openapi';
import { mapSchema, scenarioSchema, simulateMap, simulationResultSchema, validateMap, type Scenario } from '@baton/engine';
import { requireRole } from '../auth/guards.ts';
import { ApiError } from '../errors.ts';
import { errors, idParam, json, jsonBody, newRouter, signedIn, unprocessable } from '../http/openapi.ts';
import { anyObject } from '../http/schemas.ts';
import { issuesOf } from '../http/onError.ts';
import { findVersion } from '../maps/mapVersions.ts';

/** Most mentions a simulation on the server may expand to (it runs in the request). */
const MAX_SIMULATED_MENTIONS = 50_000;

const simulate = createRoute({
  operationId: 'simulateMap',
  method: 'post', path: '/{id}/simulate', tags: ['maps'], summary: 'Rehearse a version against a scenario (the `baton simulate --json` result)', security: signedIn,
  description: '`version` may be a number, active, draft or latest (default: latest). 422 when that version has validation errors.',
  request: { params: idParam, body: jsonBody(z.object({ scenario: anyObject, version: z.string().max(16).optional() })) },
  responses: { 200: json(simulationResultSchema, 'The simulation result (docs/scenarios.md#the-result)'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 422: unprocessable },
});

/** `/api/maps/:id/simulate`. */
export function mapSimulateRoutes() {
  return newRouter()
    .openapi(simulate, (c) => {
      requireRole(c, 'manager', 'approver', 'admin');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const row = findVersion(c.get('rt').db, id, body.version ?? 'latest');
      const parsed = scenarioSchema.safeParse(body.scenario);
      if (!parsed.success) throw new ApiError(400, 'INVALID', 'The scenario does not fit the schema', { issues: issuesOf(parsed.error) });
      const scenario: Scenario = parsed.data;
      const generated = (scenario.generate ?? []).reduce((n, g) => n + g.count, 0) + (scenario.mentions?.length ?? 0);
      if (generated > MAX_SIMULATED_MENTIONS) {
        throw new ApiError(422, 'TOO_LARGE', `Simulate at most ${MAX_SIMULATED_MENTIONS} mentions on the server; use baton simulate or the designer for more`);
      }
      const validation = validateMap(row.document);
      if (!validation.valid) throw new ApiError(422, 'INVALID_MAP', 'That version has validation errors', { problems: validation.problems });
      const map = mapSchema.parse(row.document);
      return c.json(simulateMap(map, scenario), 200);
    });
}
