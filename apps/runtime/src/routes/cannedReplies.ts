import { createRoute, z } from '@hono/zod-openapi';
import { and, asc, eq } from 'drizzle-orm';
import { audit } from '../audit.ts';
import { requireRole, requireUser, supervises } from '../auth/guards.ts';
import { iso } from '../clock.ts';
import { cannedReplies, teams } from '../db/schema.ts';
import { forbidden, notFound } from '../errors.ts';
import type { SessionUser } from '../http/AppEnv.ts';
import { errors, json, jsonBody, newRouter, signedIn } from '../http/openapi.ts';
import type { Runtime } from '../Runtime.ts';

const canned = z.object({ id: z.number(), teamId: z.string(), title: z.string(), text: z.string(), createdBy: z.string().nullable(), createdAt: z.string() }).openapi('CannedReply');
const teamParam = z.object({ id: z.string().min(1).max(128) });

const list = createRoute({
  method: 'get', path: '/{id}/replies', tags: ['replies'], operationId: 'listCannedReplies', security: signedIn,
  summary: "A team's canned replies (its members, managers and admins)",
  request: { params: teamParam },
  responses: { 200: json(z.object({ replies: z.array(canned) }), 'Canned replies, by title'), 401: errors[401], 403: errors[403], 404: errors[404] },
});
const create = createRoute({
  method: 'post', path: '/{id}/replies', tags: ['replies'], operationId: 'createCannedReply', security: signedIn,
  summary: 'Add a canned reply to a team (managers and admins)',
  request: { params: teamParam, body: jsonBody(z.object({ title: z.string().trim().min(1).max(120), text: z.string().trim().min(1).max(5000) }).strict()) },
  responses: { 201: json(canned, 'Added'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});
const remove = createRoute({
  method: 'delete', path: '/{id}/replies/{replyId}', tags: ['replies'], operationId: 'deleteCannedReply', security: signedIn,
  summary: 'Remove a canned reply (managers and admins)',
  request: { params: teamParam.extend({ replyId: z.string().regex(/^\d{1,12}$/) }) },
  responses: { 204: { description: 'Removed' }, 401: errors[401], 403: errors[403], 404: errors[404] },
});

function teamMustExist(rt: Runtime, id: string): void {
  if (!rt.db.select({ id: teams.id }).from(teams).where(eq(teams.id, id)).get()) throw notFound('Team');
}

function mayRead(user: SessionUser, team: string): boolean {
  return supervises(user) || user.teams.includes(team) || user.backupTeams.includes(team);
}

const view = (r: typeof cannedReplies.$inferSelect) => ({ id: r.id, teamId: r.teamId, title: r.title, text: r.text, createdBy: r.createdBy, createdAt: iso(r.createdAt)! });

/** `/api/teams/{id}/replies`: canned replies the reply box offers the team's members. */
export function cannedReplyRoutes() {
  return newRouter()
    .openapi(list, (c) => {
      const user = requireUser(c);
      const rt = c.get('rt');
      const { id } = c.req.valid('param');
      teamMustExist(rt, id);
      if (!mayRead(user, id)) throw forbidden(`Only members of ${id}, managers and admins see its canned replies`);
      const rows = rt.db.select().from(cannedReplies).where(eq(cannedReplies.teamId, id)).orderBy(asc(cannedReplies.title), asc(cannedReplies.id)).all();
      return c.json({ replies: rows.map(view) }, 200);
    })
    .openapi(create, (c) => {
      const user = requireRole(c, 'manager', 'admin');
      const rt = c.get('rt');
      const { id } = c.req.valid('param');
      teamMustExist(rt, id);
      const { title, text } = c.req.valid('json');
      const now = rt.clock.now();
      const row = rt.db.transaction((tx) => {
        const r = tx.insert(cannedReplies).values({ teamId: id, title, text, createdBy: user.id, createdAt: now }).returning().get();
        audit(tx, now, { actor: user.id, action: 'canned.create', target: id, from: c.get('from'), data: { id: r.id, title } });
        return r;
      });
      return c.json(view(row), 201);
    })
    .openapi(remove, (c) => {
      const user = requireRole(c, 'manager', 'admin');
      const rt = c.get('rt');
      const { id, replyId } = c.req.valid('param');
      const now = rt.clock.now();
      rt.db.transaction((tx) => {
        const res = tx.delete(cannedReplies).where(and(eq(cannedReplies.teamId, id), eq(cannedReplies.id, Number(replyId)))).run();
        if (res.changes === 0) throw notFound('Canned reply');
        audit(tx, now, { actor: user.id, action: 'canned.delete', target: id, from: c.get('from'), data: { id: Number(replyId) } });
      });
      return c.body(null, 204);
    });
}
