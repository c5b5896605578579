import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/guards.ts';
import { errors, conflict, idParam, json, jsonBody, newRouter, signedIn, unprocessable } from '../http/openapi.ts';
import { recordReply, retryReply } from '../replies/recordReply.ts';

const httpUrl = z.url({ protocol: /^https?$/ }).max(2000);
const replyBody = z.object({
  text: z.string().trim().min(1).max(5000),
  inReplyTo: z.string().min(1).max(512).optional().openapi({ description: "A mention of this case's thread; default: the customer's latest post" }),
  sentElsewhere: z.boolean().optional().openapi({ description: 'The holder wrote the reply on a network Baton cannot post to; recorded as sent' }),
  url: httpUrl.optional().openapi({ description: 'Where the reply written elsewhere can be read (with `sentElsewhere`)' }),
}).strict().refine((b) => b.url === undefined || b.sentElsewhere === true, { message: 'url is only for a reply sent elsewhere (sentElsewhere: true)', path: ['url'] });
const accepted = z.object({ id: z.string(), status: z.enum(['queued', 'sent', 'failed']) });

const send = createRoute({
  method: 'post', path: '/{id}/replies', tags: ['replies'], operationId: 'sendReply', security: signedIn,
  summary: 'Reply to the customer (the holder only): queued for Baton to post in the thread, or recorded as sent elsewhere',
  description: 'Baton posts the reply through the outbox to the network of the mention it answers; its state (`queued`, `sent`, `failed` with the reason) shows in the case\'s `replies`. '
    + 'Where Baton cannot post (a blog, a review site, a mention without a source), send `sentElsewhere: true` (and an optional `url`): the reply is recorded as sent. '
    + 'Anyone but the holder gets 409 (CLAIMED naming the holder, or NOT_HOLDER when nobody holds the case).',
  request: { params: idParam, body: jsonBody(replyBody) },
  responses: {
    201: json(accepted, 'Recorded as sent elsewhere'), 202: json(accepted, 'Queued for posting'),
    400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: conflict, 422: unprocessable,
  },
});
const retry = createRoute({
  method: 'post', path: '/{id}/replies/{replyId}/retry', tags: ['replies'], operationId: 'retryReply', security: signedIn,
  summary: 'Send a failed reply again (the holder or an admin); 409 NOT_FAILED unless it failed',
  request: { params: idParam.extend({ replyId: z.string().min(1).max(128) }) },
  responses: { 202: json(accepted, 'Queued again'), 401: errors[401], 403: errors[403], 404: errors[404], 409: conflict },
});

/** `/api/cases/{id}/replies`: the holder's replies to the customer. */
export function replyRoutes() {
  return newRouter()
    .openapi(send, (c) => {
      const body = c.req.valid('json');
      const result = recordReply(c.get('rt'), requireUser(c), c.req.valid('param').id, body, c.get('from'));
      return result.status === 'queued' ? c.json(result, 202) : c.json(result, 201);
    })
    .openapi(retry, (c) => {
      const { id, replyId } = c.req.valid('param');
      return c.json(retryReply(c.get('rt'), requireUser(c), id, replyId, c.get('from')), 202);
    });
}
