import { createRoute, z } from '@hono/zod-openapi';
import { asc } from 'drizzle-orm';
import { audit } from '../audit.ts';
import { createUser, newUserSchema } from '../auth/createUser.ts';
import { requireRole } from '../auth/guards.ts';
import { toSessionUser } from '../auth/sessionUser.ts';
import { users } from '../db/schema.ts';
import { conflict, errors, json, jsonBody, newRouter, signedIn, unprocessable } from '../http/openapi.ts';
import { userSchema } from '../http/schemas.ts';

/** A user as the admin's list shows them: with whether their account is disabled. */
const listedUserSchema = userSchema.extend({ disabled: z.boolean() }).openapi('ListedUser');

const list = createRoute({
  operationId: 'listUsers',
  method: 'get', path: '/', tags: ['directory'], summary: 'Every user, disabled ones included (admin)', security: signedIn,
  responses: { 200: json(z.object({ users: z.array(listedUserSchema) }), 'Users'), 401: errors[401], 403: errors[403] },
});
const create = createRoute({
  operationId: 'createUser',
  method: 'post', path: '/', tags: ['directory'], summary: 'Create a user (admin)', security: signedIn,
  request: { body: jsonBody(newUserSchema) },
  responses: { 201: json(z.object({ user: userSchema }), 'Created'), 400: errors[400], 401: errors[401], 403: errors[403], 409: conflict, 422: unprocessable },
});

/** `/api/users`: the people who sign in. */
export function userRoutes() {
  return newRouter()
    .openapi(list, (c) => {
      requireRole(c, 'admin');
      const db = c.get('rt').db;
      return c.json({ users: db.select().from(users).orderBy(asc(users.email)).all().map((u) => ({ ...toSessionUser(db, u), disabled: u.disabledAt !== null })) }, 200);
    })
    .openapi(create, async (c) => {
      const admin = requireRole(c, 'admin');
      const rt = c.get('rt');
      const now = rt.clock.now();
      const user = await createUser(rt.db, c.req.valid('json'), now);
      audit(rt.db, now, { actor: admin.id, action: 'user.create', target: user.id, from: c.get('from'), data: { email: user.email, roles: user.roles, teams: user.teams } });
      return c.json({ user }, 201);
    });
}
