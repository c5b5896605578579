import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http/AppEnv.ts';
import { newRouter } from '../http/openapi.ts';

/**
 * `/api/openapi.json`: the OpenAPI 3.1 document generated from every route's zod schemas.
 * Built on first request from the whole app (so it lists routes mounted after this one too).
 */
export function openapiRoutes(root: OpenAPIHono<AppEnv>) {
  const app = newRouter();
  root.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http', scheme: 'bearer', description: 'A session token from POST /api/session, or an ingest token (POST /api/mentions only)',
  });
  root.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey', in: 'cookie', name: 'baton_session', description: 'Browser session; state-changing requests need X-CSRF-Token = the baton_csrf cookie',
  });
  let doc: unknown;
  app.get('/openapi.json', (c) => {
    doc ??= root.getOpenAPI31Document({
      openapi: '3.1.0',
      info: { title: 'Baton runtime API', version: '1', description: 'Runs approved handoff maps against incoming mentions. Request bodies are JSON: one sent as text/plain or with no Content-Type is read as JSON too, a form is 400. See docs/api.md.' },
      servers: [{ url: '/' }],
    });
    return c.json(doc as Record<string, unknown>);
  });
  return app;
}
