import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import { requireRole } from '../auth/guards.ts';
import { audit } from '../audit.ts';
import { iso } from '../clock.ts';
import { careInteractionHooks } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { errors, json, jsonBody, newRouter, signedIn } from '../http/openapi.ts';
import { redactUrl } from '../outbox/redactRecipient.ts';

const hookSchema = z.object({ id: z.number(), url: z.string().openapi({ description: 'Host and first path segment only (the rest may hold a secret)' }), createdAt: z.string() }).openapi('InteractionWebhook');
const hookId = z.object({ hookId: z.string().regex(/^\d{1,12}$/).openapi({ param: { name: 'hookId', in: 'path' } }) });

const routes = {
  list: createRoute({ operationId: 'listInteractionWebhooks', method: 'get', path: '/interactions', tags: ['notifications'], security: signedIn,
    summary: 'Addresses that receive an `interaction` webhook for every new mention, reply, note, outcome and offline contact (admin)',
    responses: { 200: json(z.object({ webhooks: z.array(hookSchema) }), 'Webhooks'), 401: errors[401], 403: errors[403] } }),
  add: createRoute({ operationId: 'addInteractionWebhook', method: 'post', path: '/interactions', tags: ['notifications'], security: signedIn,
    summary: 'Send every new interaction to this address, signed like every webhook (admin; audited)',
    request: { body: jsonBody(z.object({ url: z.url({ protocol: /^https?$/ }).max(2000) }).strict()) },
    responses: { 201: json(hookSchema, 'Added'), 400: errors[400], 401: errors[401], 403: errors[403] } }),
  remove: createRoute({ operationId: 'removeInteractionWebhook', method: 'delete', path: '/interactions/{hookId}', tags: ['notifications'], security: signedIn,
    summary: 'Stop sending interactions to this address (admin; audited)',
    request: { params: hookId },
    responses: { 204: { description: 'Removed' }, 401: errors[401], 403: errors[403], 404: errors[404] } }),
};

/** `/api/webhooks/interactions`: where a CRM or association management system receives the care record as it grows. */
export function interactionHookRoutes() {
  return newRouter()
    .openapi(routes.list, (c) => {
      requireRole(c, 'admin');
      const rows = c.get('rt').db.select().from(careInteractionHooks).all();
      return c.json({ webhooks: rows.map((h) => ({ id: h.id, url: redactUrl(h.url), createdAt: iso(h.createdAt)! })) }, 200);
    })
    .openapi(routes.add, (c) => {
      const user = requireRole(c, 'admin');
      const rt = c.get('rt');
      const now = rt.clock.now();
      const row = rt.db.insert(careInteractionHooks).values({ url: c.req.valid('json').url, createdBy: user.id, createdAt: now }).returning().get();
      audit(rt.db, now, { actor: user.id, action: 'interactions.webhook.add', target: String(row.id), from: c.get('from'), data: { url: redactUrl(row.url) } });
      return c.json({ id: row.id, url: redactUrl(row.url), createdAt: iso(row.createdAt)! }, 201);
    })
    .openapi(routes.remove, (c) => {
      const user = requireRole(c, 'admin');
      const rt = c.get('rt');
      const id = Number(c.req.valid('param').hookId);
      if (!rt.db.delete(careInteractionHooks).where(eq(careInteractionHooks.id, id)).run().changes) throw notFound('Interaction webhook');
      audit(rt.db, rt.clock.now(), { actor: user.id, action: 'interactions.webhook.remove', target: String(id), from: c.get('from') });
      return c.body(null, 204);
    });
}
