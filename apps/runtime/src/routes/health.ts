import { createRoute, z } from '@hono/zod-openapi';
import { json, newRouter, tooMany } from '../http/openapi.ts';

const health = createRoute({
  operationId: 'getHealth', security: [],
  method: 'get', path: '/', tags: ['ops'], summary: 'Liveness: the server is up and its database answers',
  responses: { 200: json(z.object({ ok: z.literal(true), time: z.string() }), 'Up'), 429: tooMany },
});

/** `/api/health`. */
export function healthRoutes() {
  return newRouter()
    .openapi(health, (c) => {
      const rt = c.get('rt');
      rt.db.$client.prepare('select 1').get();
      return c.json({ ok: true as const, time: new Date(rt.clock.now()).toISOString() }, 200);
    });
}
