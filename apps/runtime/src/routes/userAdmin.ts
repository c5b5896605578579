import { createRoute, z } from '@hono/zod-openapi';
import { idSchema } from '@baton/engine';
import { and, eq, inArray } from 'drizzle-orm';
import { audit } from '../audit.ts';
import { requireRole } from '../auth/guards.ts';
import { toSessionUser } from '../auth/sessionUser.ts';
import { sessions, teamMembers, teams, users } from '../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';
import { ROLES } from '../http/AppEnv.ts';
import { conflict, errors, idParam, json, jsonBody, newRouter, signedIn, unprocessable } from '../http/openapi.ts';
import { userSchema } from '../http/schemas.ts';

const change = z.object({
  name: z.string().min(1).max(200).optional(),
  roles: z.array(z.enum(ROLES)).min(1).max(4).optional(),
  teams: z.array(idSchema).max(200).optional(),
  backupTeams: z.array(idSchema).max(200).optional(),
  disabled: z.boolean().optional(),
});
const update = createRoute({
  operationId: 'updateUser',
  method: 'patch', path: '/{id}', tags: ['directory'], summary: "Change a user's name, roles, teams or backup teams, or disable them (admin)", security: signedIn,
  description: 'Every change is audited (`user.roles`, `user.teams`, `user.disabled`, …) with the old and new values. Disabling signs the user out everywhere. An admin cannot drop their own admin role or disable themselves (409), so the directory always keeps an admin who can undo a mistake.',
  request: { params: idParam, body: jsonBody(change) },
  responses: { 200: json(z.object({ user: userSchema }), 'The user after the change'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: conflict, 422: unprocessable },
});

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);

/** `PATCH /api/users/:id`: role, team and account changes, each one audited. */
export function userAdminRoutes() {
  return newRouter()
    .openapi(update, (c) => {
      const admin = requireRole(c, 'admin');
      const rt = c.get('rt');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const now = rt.clock.now();
      const user = rt.db.transaction((tx) => {
        const row = tx.select().from(users).where(eq(users.id, id)).get();
        if (!row) throw notFound('User');
        const before = toSessionUser(tx, row);
        if (id === admin.id && ((body.roles && !body.roles.includes('admin')) || body.disabled)) {
          throw new ApiError(409, 'LAST_WORD', 'You cannot remove your own admin role or disable yourself; ask another admin');
        }
        const wanted = [...new Set([...(body.teams ?? []), ...(body.backupTeams ?? [])])];
        const known = wanted.length ? tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, wanted)).all().map((t) => t.id) : [];
        const missing = wanted.filter((t) => !known.includes(t));
        if (missing.length) throw new ApiError(422, 'UNKNOWN_TEAM', `No such team: ${missing.join(', ')}`, { teams: missing });
        const entry = (action: string, data: Record<string, unknown>) => audit(tx, now, { actor: admin.id, action, target: id, from: c.get('from'), data });

        if (body.name !== undefined && body.name !== row.name) {
          tx.update(users).set({ name: body.name }).where(eq(users.id, id)).run();
          entry('user.name', { from: row.name, to: body.name });
        }
        if (body.roles && !same(body.roles, before.roles)) {
          const roles = [...new Set(body.roles)];
          tx.update(users).set({ roles }).where(eq(users.id, id)).run();
          entry('user.roles', { from: before.roles, to: roles });
        }
        const memberships = (list: string[] | undefined, backup: boolean, current: string[], action: string) => {
          if (!list || same(list, current)) return;
          tx.delete(teamMembers).where(and(eq(teamMembers.userId, id), eq(teamMembers.backup, backup))).run();
          for (const teamId of new Set(list)) {
            tx.insert(teamMembers).values({ teamId, userId: id, backup }).onConflictDoUpdate({ target: [teamMembers.teamId, teamMembers.userId], set: { backup } }).run();
          }
          entry(action, { from: current, to: [...new Set(list)].sort() });
        };
        memberships(body.teams, false, before.teams, 'user.teams');
        memberships(body.backupTeams?.filter((t) => !(body.teams ?? before.teams).includes(t)), true, before.backupTeams, 'user.backupTeams');
        if (body.disabled !== undefined && body.disabled !== (row.disabledAt !== null)) {
          tx.update(users).set({ disabledAt: body.disabled ? now : null }).where(eq(users.id, id)).run();
          if (body.disabled) tx.delete(sessions).where(eq(sessions.userId, id)).run();
          entry(body.disabled ? 'user.disable' : 'user.enable', {});
        }
        return toSessionUser(tx, tx.select().from(users).where(eq(users.id, id)).get()!);
      });
      // Their open live-event streams check themselves now: a stream ends once its rights changed.
      rt.bus.personChanged(id);
      return c.json({ user }, 200);
    });
}
