import { createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, isNotNull, isNull } from 'drizzle-orm';
import { audit } from '../audit.ts';
import { requireRole } from '../auth/guards.ts';
import { iso } from '../clock.ts';
import { write } from '../cases/write.ts';
import { outbox } from '../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';
import { conflict, errors, json, newRouter, signedIn } from '../http/openapi.ts';
import { describeRecipient } from '../outbox/redactRecipient.ts';
import { reopenReply, requeueDelivery } from '../replies/recordReply.ts';

const delivery = z.object({
  id: z.number(),
  kind: z.string().openapi({ description: 'team | member | email | webhook | slack | reply' }),
  recipient: z.string().openapi({ description: 'Who or what it goes to, with secrets in URLs left out' }),
  state: z.enum(['pending', 'delivered', 'failed']),
  reason: z.string().nullable().openapi({ description: 'Why the last attempt failed' }),
  attempts: z.number(),
  createdAt: z.string(), failedAt: z.string().nullable(), deliveredAt: z.string().nullable(), nextAttemptAt: z.string().nullable(),
  message: z.string().nullable(), caseId: z.string().nullable(), mapId: z.string().nullable(), node: z.string().nullable(),
}).openapi('Delivery');

const list = createRoute({
  method: 'get', path: '/', tags: ['deliveries'], operationId: 'listDeliveries', security: signedIn,
  summary: 'Deliveries of every kind (admin): notifications, webhooks, Slack messages, e-mail and replies; `state=failed` by default',
  request: { query: z.object({ state: z.enum(['failed', 'pending', 'delivered']).default('failed'), limit: z.string().regex(/^\d{1,4}$/).transform(Number).optional() }) },
  responses: { 200: json(z.object({ deliveries: z.array(delivery) }), 'Newest first'), 400: errors[400], 401: errors[401], 403: errors[403] },
});
const retry = createRoute({
  method: 'post', path: '/{id}/retry', tags: ['deliveries'], operationId: 'retryDelivery', security: signedIn,
  summary: 'Queue a failed delivery again (admin); 409 NOT_FAILED unless it failed',
  request: { params: z.object({ id: z.string().regex(/^\d{1,12}$/) }) },
  responses: { 202: json(delivery, 'Queued again'), 401: errors[401], 403: errors[403], 404: errors[404], 409: conflict },
});

type Row = typeof outbox.$inferSelect;
function view(r: Row): z.infer<typeof delivery> {
  const p = r.payload as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    id: r.id, kind: r.kind, recipient: describeRecipient(r.kind, r.recipient),
    state: r.failedAt !== null ? 'failed' : r.deliveredAt !== null ? 'delivered' : 'pending',
    reason: r.lastError, attempts: r.attempts, createdAt: iso(r.createdAt)!, failedAt: iso(r.failedAt), deliveredAt: iso(r.deliveredAt),
    nextAttemptAt: r.failedAt === null && r.deliveredAt === null ? iso(r.nextAttemptAt) : null,
    message: str(p.message), caseId: str(p.caseId), mapId: str(p.mapId), node: str(p.node),
  };
}

/** `/api/deliveries`: what the outbox could not deliver, and sending it again. */
export function deliveryRoutes() {
  return newRouter()
    .openapi(list, (c) => {
      requireRole(c, 'admin');
      const { state, limit } = c.req.valid('query');
      const where = state === 'failed' ? isNotNull(outbox.failedAt)
        : state === 'delivered' ? isNotNull(outbox.deliveredAt)
          : and(isNull(outbox.failedAt), isNull(outbox.deliveredAt));
      const rows = c.get('rt').db.select().from(outbox).where(where).orderBy(desc(outbox.id)).limit(Math.min(limit ?? 200, 1000)).all();
      return c.json({ deliveries: rows.map(view) }, 200);
    })
    .openapi(retry, (c) => {
      const admin = requireRole(c, 'admin');
      const rt = c.get('rt');
      const id = Number(c.req.valid('param').id);
      const row = write(rt, (w) => {
        const r = rt.db.select().from(outbox).where(eq(outbox.id, id)).get();
        if (!r) throw notFound('Delivery');
        if (r.failedAt === null) throw new ApiError(409, 'NOT_FAILED', r.deliveredAt !== null ? 'The delivery was made; there is nothing to send again' : 'The delivery is still being tried');
        requeueDelivery(w, id);
        if (r.kind === 'reply' && typeof r.recipient.reply === 'string') reopenReply(w, r.recipient.reply, admin.id);
        audit(rt.db, w.now, { actor: admin.id, action: 'delivery.retry', target: `outbox:${id}`, from: c.get('from'), data: { kind: r.kind, lastError: r.lastError } });
        return rt.db.select().from(outbox).where(eq(outbox.id, id)).get()!;
      });
      rt.wake();
      return c.json(view(row), 202);
    });
}
