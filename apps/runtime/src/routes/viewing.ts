import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/guards.ts';
import { visibleCase } from '../cases/caseAccess.ts';
import { keepLeaseWhileOpen, leaseWantsRenewal } from '../cases/claimCase.ts';
import { write } from '../cases/write.ts';
import { errors, idParam, json, newRouter, signedIn } from '../http/openapi.ts';
import { refuseBody } from '../http/refuseBody.ts';

/** Someone looking at a case, as `viewers` lists them. */
export const viewerSchema = z.object({ id: z.string(), name: z.string() }).openapi('Viewer');

const viewing = createRoute({
  operationId: 'viewCase',
  method: 'post', path: '/{id}/viewing', tags: ['cases'], security: signedIn,
  summary: 'I am looking at this case: a heartbeat from an open case view (every ~15 s; a view lapses 40 s after the last one). The holder\'s heartbeat also keeps their claim\'s lease running.',
  description: 'Presence is kept in memory only. When the set of viewers changes, a `presence` event `{ caseId, viewers }` goes to the people who see the case\'s team.',
  request: { params: idParam },
  responses: { 200: json(z.object({ caseId: z.string(), viewers: z.array(viewerSchema) }), 'Who is looking at the case now, you included, oldest first'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});
const leave = createRoute({
  operationId: 'leaveCase',
  method: 'delete', path: '/{id}/viewing', tags: ['cases'], security: signedIn,
  summary: 'I closed the case view (my presence goes at once instead of lapsing)',
  request: { params: idParam },
  responses: { 204: { description: 'No longer viewing' }, 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});

/** `/api/cases/:id/viewing`: who is looking at a case (collision awareness before anyone claims). */
export function viewingRoutes() {
  return newRouter()
    .openapi(viewing, async (c) => {
      const user = requireUser(c);
      await refuseBody(c);
      const rt = c.get('rt');
      const row = visibleCase(rt.db, user, c.req.valid('param').id);
      // Only the holder's heartbeat, with half the lease gone, opens a transaction (which checks again).
      if (leaseWantsRenewal(row, user.id, rt.clock.now(), rt.config.leaseMs)) write(rt, (w) => keepLeaseWhileOpen(w, row.id, user.id));
      return c.json({ caseId: row.id, viewers: rt.presence.see(row.id, { id: user.id, name: user.name }) }, 200);
    })
    .openapi(leave, async (c) => {
      const user = requireUser(c);
      await refuseBody(c);
      const rt = c.get('rt');
      const { id } = c.req.valid('param');
      // Taking away your own presence tells you nothing; otherwise it is refused as GET refuses the case.
      if (!rt.presence.isViewing(id, user.id)) visibleCase(rt.db, user, id);
      rt.presence.leave(id, user.id);
      return c.body(null, 204);
    });
}
