import { createRoute, z } from '@hono/zod-openapi';
import { businessHoursSchema, idSchema } from '@baton/engine';
import { and, asc, eq } from 'drizzle-orm';
import { audit } from '../audit.ts';
import { requireRole, requireUser } from '../auth/guards.ts';
import { teamMembers, teams, users } from '../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';
import type { Runtime } from '../Runtime.ts';
import { forgetTeamHours } from '../teams/teamHours.ts';
import { conflict, errors, json, jsonBody, newRouter, signedIn } from '../http/openapi.ts';

/** `online`: has the console open now (a live-event stream), so passes that hand work out may give them cases. */
const memberSchema = z.object({ id: z.string(), name: z.string(), email: z.string(), backup: z.boolean(), online: z.boolean() });
const teamSchema = z.object({
  id: z.string(), name: z.string(), members: z.array(memberSchema),
  /** When the team works; null: always (docs/semantics.md#business-hours). */
  hours: businessHoursSchema.nullable(),
  /** The most cases one member may hold at once; null: no cap. */
  maxPerMember: z.number().int().nullable(),
}).openapi('Team');
const teamSettingsSchema = z.object({
  hours: businessHoursSchema.nullable().optional(),
  maxPerMember: z.number().int().min(1).max(1000).nullable().optional(),
}).strict().openapi('TeamSettings');
const teamParam = z.object({ id: z.string().max(128) });

const list = createRoute({
  operationId: 'listTeams',
  method: 'get', path: '/', tags: ['directory'], summary: 'Teams and their members', security: signedIn,
  responses: { 200: json(z.object({ teams: z.array(teamSchema) }), 'Teams'), 401: errors[401] },
});
const create = createRoute({
  operationId: 'createTeam',
  method: 'post', path: '/', tags: ['directory'], summary: 'Create a team (admin)', security: signedIn,
  request: { body: jsonBody(z.object({ id: idSchema, name: z.string().min(1).max(200) })) },
  responses: { 201: json(z.object({ id: z.string(), name: z.string() }), 'Created'), 400: errors[400], 401: errors[401], 403: errors[403], 409: conflict },
});
const addMember = createRoute({
  operationId: 'addTeamMember',
  method: 'post', path: '/{id}/members', tags: ['directory'], summary: 'Add a user to a team, or change their backup flag (admin)', security: signedIn,
  request: { params: teamParam, body: jsonBody(z.object({ userId: z.string().max(128), backup: z.boolean().default(false) })) },
  responses: { 200: json(teamSchema, 'The team'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});
const patch = createRoute({
  operationId: 'updateTeam',
  method: 'patch', path: '/{id}', tags: ['directory'], summary: 'Set a team\'s business hours and its cap on cases per member (admin); null clears', security: signedIn,
  request: { params: teamParam, body: jsonBody(teamSettingsSchema) },
  responses: { 200: json(teamSchema, 'The team'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
});
const removeMember = createRoute({
  operationId: 'removeTeamMember',
  method: 'delete', path: '/{id}/members/{userId}', tags: ['directory'], summary: 'Remove a user from a team (admin)', security: signedIn,
  request: { params: z.object({ id: z.string().max(128), userId: z.string().max(128) }) },
  responses: { 204: { description: 'Removed' }, 401: errors[401], 403: errors[403], 404: errors[404] },
});

/** One team with its members and settings. */
function teamView(rt: Runtime, id: string) {
  const members = rt.db
    .select({ id: users.id, name: users.name, email: users.email, backup: teamMembers.backup })
    .from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId)).where(eq(teamMembers.teamId, id)).orderBy(asc(users.name)).all();
  const team = rt.db.select().from(teams).where(eq(teams.id, id)).get()!;
  return { id, name: team.name, hours: team.hours ?? null, maxPerMember: team.maxPerMember ?? null, members: members.map((m) => ({ ...m, online: rt.online.has(m.id) })) };
}

/** `/api/teams`: the directory's teams and memberships (with the backup flag). */
export function teamRoutes() {
  return newRouter()
    .openapi(list, (c) => {
      requireUser(c);
      const db = c.get('rt').db;
      const members = db
        .select({ teamId: teamMembers.teamId, id: users.id, name: users.name, email: users.email, backup: teamMembers.backup })
        .from(teamMembers).innerJoin(users, eq(users.id, teamMembers.userId)).orderBy(asc(users.name)).all();
      const rows = db.select().from(teams).orderBy(asc(teams.id)).all();
      return c.json({
        teams: rows.map((t) => ({ id: t.id, name: t.name, hours: t.hours ?? null, maxPerMember: t.maxPerMember ?? null, members: members.filter((m) => m.teamId === t.id).map(({ teamId: _, ...m }) => ({ ...m, online: c.get('rt').online.has(m.id) })) })),
      }, 200);
    })
    .openapi(create, (c) => {
      const admin = requireRole(c, 'admin');
      const rt = c.get('rt');
      const { id, name } = c.req.valid('json');
      const now = rt.clock.now();
      rt.db.transaction((tx) => {
        if (tx.select({ id: teams.id }).from(teams).where(eq(teams.id, id)).get()) throw new ApiError(409, 'TEAM_EXISTS', `Team ${id} already exists`);
        tx.insert(teams).values({ id, name, createdAt: now }).run();
        audit(tx, now, { actor: admin.id, action: 'team.create', target: id, from: c.get('from'), data: { name } });
      });
      return c.json({ id, name }, 201);
    })
    .openapi(addMember, (c) => {
      const admin = requireRole(c, 'admin');
      const rt = c.get('rt');
      const { id } = c.req.valid('param');
      const { userId, backup } = c.req.valid('json');
      const now = rt.clock.now();
      rt.db.transaction((tx) => {
        const team = tx.select().from(teams).where(eq(teams.id, id)).get();
        if (!team) throw notFound('Team');
        if (!tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get()) throw notFound('User');
        tx.insert(teamMembers).values({ teamId: id, userId, backup }).onConflictDoUpdate({ target: [teamMembers.teamId, teamMembers.userId], set: { backup } }).run();
        audit(tx, now, { actor: admin.id, action: 'team.member', target: id, from: c.get('from'), data: { userId, backup } });
      });
      rt.bus.personChanged(userId); // their live-event streams end, to reconnect with this team
      return c.json(teamView(rt, id), 200);
    })
    .openapi(patch, (c) => {
      const admin = requireRole(c, 'admin');
      const rt = c.get('rt');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const set = {
        ...(body.hours !== undefined ? { hours: body.hours } : {}),
        ...(body.maxPerMember !== undefined ? { maxPerMember: body.maxPerMember } : {}),
      };
      rt.db.transaction((tx) => {
        if (!tx.select({ id: teams.id }).from(teams).where(eq(teams.id, id)).get()) throw notFound('Team');
        if (Object.keys(set).length) tx.update(teams).set(set).where(eq(teams.id, id)).run();
        audit(tx, rt.clock.now(), { actor: admin.id, action: 'team.settings', target: id, from: c.get('from'), data: set });
      });
      forgetTeamHours(rt.db);
      return c.json(teamView(rt, id), 200);
    })
    .openapi(removeMember, (c) => {
      const admin = requireRole(c, 'admin');
      const rt = c.get('rt');
      const { id, userId } = c.req.valid('param');
      const now = rt.clock.now();
      const res = rt.db.delete(teamMembers).where(and(eq(teamMembers.teamId, id), eq(teamMembers.userId, userId))).run();
      if (res.changes === 0) throw notFound('Membership');
      audit(rt.db, now, { actor: admin.id, action: 'team.member.remove', target: id, from: c.get('from'), data: { userId } });
      rt.bus.personChanged(userId); // their live-event streams end: they no longer see this team's work
      return c.body(null, 204);
    });
}
