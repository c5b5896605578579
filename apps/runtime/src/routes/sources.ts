import { createRoute, z } from '@hono/zod-openapi';
import { sourceInputSchema, sourceViewSchema } from '@baton/engine';
import { requireRole } from '../auth/guards.ts';
import { notFound } from '../errors.ts';
import { errors, idParam, json, jsonBody, newRouter, signedIn } from '../http/openapi.ts';
import { sourcesOf, sourceView } from '../sources/SourceManager.ts';

// The engine's schema as it is: calling .openapi() on it depends on which module patched zod first.
const view = sourceViewSchema;

const list = createRoute({
  operationId: 'listSources', method: 'get', path: '/', tags: ['sources'], security: signedIn,
  summary: 'Sources (admin, manager): each with its state (running, paused, failing with lastError), last mention and counts; never its secrets',
  responses: { 200: json(z.array(view), 'Sources, oldest first'), 401: errors[401], 403: errors[403] },
});
const create = createRoute({
  operationId: 'createSource', method: 'post', path: '/', tags: ['sources'], security: signedIn,
  summary: 'Add a source (admin): rss { url, every?, network? }; mastodon { instance, hashtags?, keywords? } with secret accessToken; bluesky { service?, jetstream?, handle, keywords? } with secret appPassword',
  description: 'The secrets are encrypted at rest and never returned. The source starts reading at once.',
  request: { body: jsonBody(sourceInputSchema) },
  responses: { 201: json(z.object({ id: z.string() }), 'Added and started'), 400: errors[400], 401: errors[401], 403: errors[403] },
});
const pause = createRoute({
  operationId: 'pauseSource', method: 'post', path: '/{id}/pause', tags: ['sources'], security: signedIn, summary: 'Pause a source (admin); it keeps its place',
  request: { params: idParam },
  responses: { 200: json(view, 'Paused'), 401: errors[401], 403: errors[403], 404: errors[404] },
});
const resume = createRoute({
  operationId: 'resumeSource', method: 'post', path: '/{id}/resume', tags: ['sources'], security: signedIn, summary: 'Resume a source (admin) from where it stopped',
  request: { params: idParam },
  responses: { 200: json(view, 'Running again'), 401: errors[401], 403: errors[403], 404: errors[404] },
});
const remove = createRoute({
  operationId: 'deleteSource', method: 'delete', path: '/{id}', tags: ['sources'], security: signedIn, summary: 'Delete a source (admin); the mentions it read stay',
  request: { params: idParam },
  responses: { 204: { description: 'Deleted' }, 401: errors[401], 403: errors[403], 404: errors[404] },
});

/** `/api/sources`: the networks Baton reads mentions from by itself. */
export function sourceRoutes() {
  return newRouter()
    .openapi(list, (c) => {
      requireRole(c, 'admin', 'manager');
      return c.json(sourcesOf(c.get('rt')).list(), 200);
    })
    .openapi(create, (c) => {
      const admin = requireRole(c, 'admin');
      const id = sourcesOf(c.get('rt')).create(c.req.valid('json'), admin.id, c.get('from'));
      return c.json({ id }, 201);
    })
    .openapi(pause, async (c) => {
      const admin = requireRole(c, 'admin');
      const sources = sourcesOf(c.get('rt'));
      const { id } = c.req.valid('param');
      await sources.pause(id, admin.id, c.get('from'));
      return c.json(sourceView(c.get('rt').db, sources.get(id) ?? missing()), 200);
    })
    .openapi(resume, (c) => {
      const admin = requireRole(c, 'admin');
      const sources = sourcesOf(c.get('rt'));
      const { id } = c.req.valid('param');
      sources.resume(id, admin.id, c.get('from'));
      return c.json(sourceView(c.get('rt').db, sources.get(id) ?? missing()), 200);
    })
    .openapi(remove, async (c) => {
      const admin = requireRole(c, 'admin');
      await sourcesOf(c.get('rt')).remove(c.req.valid('param').id, admin.id, c.get('from'));
      return c.body(null, 204);
    });
}

function missing(): never {
  throw notFound('Source');
}
