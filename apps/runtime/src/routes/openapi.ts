import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { apiReferenceHtml, type OpenApiDocument } from '../http/apiReference.ts';
import type { AppEnv } from '../http/AppEnv.ts';
import { newRouter, tooMany } from '../http/openapi.ts';

const document = createRoute({
  operationId: 'getOpenApiDocument', security: [],
  method: 'get', path: '/openapi.json', tags: ['ops'], summary: 'This OpenAPI 3.1 document',
  responses: { 200: { description: 'The document', content: { 'application/json': { schema: z.object({}).passthrough() } } }, 429: tooMany },
});
const reference = createRoute({
  operationId: 'getApiReference', security: [],
  method: 'get', path: '/docs', tags: ['ops'], summary: 'A readable reference of this API (HTML), generated from the OpenAPI document',
  responses: { 200: { description: 'The reference page', content: { 'text/html': { schema: z.string() } } }, 429: tooMany },
});

/**
 * `/api/openapi.json`: the OpenAPI 3.1 document generated from every route's zod schemas, and
 * `/api/docs`: the same as a readable page. Built on first request from the whole app (so it lists
 * routes mounted after this one too).
 */
export function openapiRoutes(root: OpenAPIHono<AppEnv>) {
  const app = newRouter();
  root.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http', scheme: 'bearer', description: 'A session token from POST /api/session, or an ingest token (POST /api/mentions only)',
  });
  root.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey', in: 'cookie', name: 'baton_session', description: 'Browser session; state-changing requests need X-CSRF-Token = the baton_csrf cookie',
  });
  let doc: OpenApiDocument | undefined;
  let html: string | undefined;
  const documentOf = () =>
    (doc ??= root.getOpenAPI31Document({
      openapi: '3.1.0',
      info: {
        title: 'Baton runtime API', version: '1',
        description: 'Runs approved handoff maps against incoming mentions. Request bodies are JSON: one sent as text/plain or with no Content-Type is read as JSON too, a form is 400. The conventions (errors, limits, authentication) are in docs/api.md.',
        // OpenAPI 3.1 names a licence by its SPDX identifier; the generator's types predate that field.
        license: { name: 'MIT', identifier: 'MIT' } as { name: string },
      },
      servers: [{ url: '/' }],
    }) as unknown as OpenApiDocument);
  return app
    .openapi(document, (c) => c.json(documentOf() as unknown as Record<string, unknown>, 200))
    .openapi(reference, (c) => c.html((html ??= apiReferenceHtml(documentOf())), 200));
}
