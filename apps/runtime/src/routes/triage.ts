import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/guards.ts';
import { dismissMention, retagMention, startFromTriage } from '../cases/triage.ts';
import { conflict, errors, idParam, json, jsonBody, newRouter, signedIn, unprocessable } from '../http/openapi.ts';
import { triageMentionSchema } from './mentions.ts';

/** The inbox's mention typed as the schema says (stored mentions were validated on ingest). */
type TriageMention = z.infer<typeof triageMentionSchema>;

const WHO = 'Admins, managers and members of the hub team of an approved map; 409 NOT_UNROUTED once the mention was routed, attached or dismissed.';
const refusals = { 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: conflict };
const tag = z.string().min(1).max(64);

const routes = {
  start: createRoute({
    operationId: 'startCaseFromMention',
    method: 'post', path: '/{id}/start', tags: ['triage'], security: signedIn,
    summary: 'Start a case for an unrouted mention on an approved map (default: its highest-priority trigger)',
    description: `The case walks exactly as an ingested one and starts with the mention's triage tags. 422 NO_APPROVED_VERSION or UNKNOWN_TRIGGER. ${WHO}`,
    request: { params: idParam, body: jsonBody(z.object({ mapId: z.string().min(1).max(128), trigger: z.string().min(1).max(128).optional() })) },
    responses: {
      201: json(z.object({ id: z.string(), status: z.literal('routed'), caseId: z.string() }), 'The case started'),
      ...refusals, 422: unprocessable,
    },
  }),
  tags: createRoute({
    operationId: 'tagMention',
    method: 'post', path: '/{id}/tags', tags: ['triage'], security: signedIn,
    summary: 'Add and remove tags on an unrouted mention (carried onto its case if one is started)', description: WHO,
    request: { params: idParam, body: jsonBody(z.object({ add: z.array(tag).max(50).optional(), remove: z.array(tag).max(50).optional() })) },
    responses: { 200: json(triageMentionSchema, 'The mention as the inbox lists it, with `tags`'), ...refusals },
  }),
  dismiss: createRoute({
    operationId: 'dismissMention',
    method: 'post', path: '/{id}/dismiss', tags: ['triage'], security: signedIn,
    summary: 'Dismiss an unrouted mention with a reason; it leaves the triage inbox', description: WHO,
    request: { params: idParam, body: jsonBody(z.object({ reason: z.string().trim().min(1).max(500) })) },
    responses: {
      200: json(z.object({ id: z.string(), status: z.literal('dismissed'), reason: z.string(), dismissedBy: z.string(), dismissedAt: z.string() }), 'Dismissed: the reason, who and when'),
      ...refusals,
    },
  }),
};

/** `/api/mentions/:id/…`: what the hub does with a mention in the triage inbox. */
export function triageRoutes() {
  return newRouter()
    .openapi(routes.start, (c) => {
      const { mapId, trigger } = c.req.valid('json');
      return c.json(startFromTriage(c.get('rt'), requireUser(c), c.req.valid('param').id, mapId, trigger, c.get('from')), 201);
    })
    .openapi(routes.tags, (c) => {
      const { add = [], remove = [] } = c.req.valid('json');
      return c.json(retagMention(c.get('rt'), requireUser(c), c.req.valid('param').id, add, remove, c.get('from')) as TriageMention, 200);
    })
    .openapi(routes.dismiss, (c) => c.json(dismissMention(c.get('rt'), requireUser(c), c.req.valid('param').id, c.req.valid('json').reason, c.get('from')), 200));
}
