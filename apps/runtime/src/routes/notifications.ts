import { createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { requireUser } from '../auth/guards.ts';
import { iso } from '../clock.ts';
import { inbox } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { errors, json, newRouter, signedIn } from '../http/openapi.ts';
import { anyObject } from '../http/schemas.ts';

const item = z.object({ id: z.number(), at: z.string(), message: z.string(), data: anyObject.nullable(), readAt: z.string().nullable() }).openapi('Notification');

const list = createRoute({
  operationId: 'listNotifications',
  method: 'get', path: '/', tags: ['notifications'], summary: 'Your in-app notifications, newest first (`unread=1` for unread only)', security: signedIn,
  request: { query: z.object({ unread: z.enum(['0', '1']).optional() }) },
  responses: { 200: json(z.object({ notifications: z.array(item) }), 'Notifications'), 401: errors[401] },
});
const read = createRoute({
  operationId: 'markNotificationRead',
  method: 'post', path: '/{id}/read', tags: ['notifications'], summary: 'Mark a notification read', security: signedIn,
  request: { params: z.object({ id: z.string().regex(/^\d{1,12}$/) }) },
  responses: { 204: { description: 'Marked read' }, 401: errors[401], 404: errors[404] },
});
const readAll = createRoute({
  method: 'post', path: '/read', tags: ['notifications'], operationId: 'markAllNotificationsRead', security: signedIn,
  summary: 'Mark all your notifications read',
  responses: { 200: json(z.object({ marked: z.number() }), 'How many were unread'), 401: errors[401] },
});

/** `/api/notifications`: what team and member recipients were told. */
export function notificationRoutes() {
  return newRouter()
    .openapi(list, (c) => {
      const user = requireUser(c);
      const unread = c.req.valid('query').unread === '1';
      const rows = c.get('rt').db.select().from(inbox)
        .where(unread ? and(eq(inbox.userId, user.id), isNull(inbox.readAt)) : eq(inbox.userId, user.id))
        .orderBy(desc(inbox.id)).limit(200).all();
      return c.json({ notifications: rows.map((r) => ({ id: r.id, at: iso(r.at)!, message: r.message, data: r.data, readAt: iso(r.readAt) })) }, 200);
    })
    .openapi(read, (c) => {
      const user = requireUser(c);
      const rt = c.get('rt');
      const res = rt.db.update(inbox).set({ readAt: rt.clock.now() })
        .where(and(eq(inbox.id, Number(c.req.valid('param').id)), eq(inbox.userId, user.id))).run();
      if (res.changes === 0) throw notFound('Notification');
      return c.body(null, 204);
    })
    .openapi(readAll, (c) => {
      const user = requireUser(c);
      const rt = c.get('rt');
      const res = rt.db.update(inbox).set({ readAt: rt.clock.now() }).where(and(eq(inbox.userId, user.id), isNull(inbox.readAt))).run();
      return c.json({ marked: res.changes }, 200);
    });
}
