import { createRoute, z } from '@hono/zod-openapi';
import { audit } from '../audit.ts';
import { FIRST_ADMIN_ROLES, hasAdmin } from '../auth/bootstrap.ts';
import { createUser, passwordSchema } from '../auth/createUser.ts';
import { safeEqual } from '../auth/secrets.ts';
import { ApiError } from '../errors.ts';
import { conflict, errors, json, jsonBody, newRouter, tooMany } from '../http/openapi.ts';
import { userSchema } from '../http/schemas.ts';

const status = createRoute({
  operationId: 'getSetupStatus', security: [],
  method: 'get', path: '/', tags: ['session'], summary: 'Whether the first admin still has to be created',
  responses: { 200: json(z.object({ needed: z.boolean() }), 'Setup state'), 429: tooMany },
});
const setup = createRoute({
  operationId: 'setUpFirstAdmin', security: [],
  method: 'post', path: '/', tags: ['session'], summary: 'Create the first admin with the one-time secret printed on first start',
  request: { body: jsonBody(z.object({ secret: z.string().max(200), email: z.email().max(254), name: z.string().min(1).max(200), password: passwordSchema })) },
  responses: { 201: json(z.object({ user: userSchema }), 'The first admin'), 400: errors[400], 403: errors[403], 409: conflict },
});

/** `/api/setup`: first-run creation of the admin account. */
export function setupRoutes() {
  return newRouter()
    .openapi(status, (c) => {
      const rt = c.get('rt');
      return c.json({ needed: !hasAdmin(rt.db) && rt.setupSecret !== null }, 200);
    })
    .openapi(setup, async (c) => {
      const rt = c.get('rt');
      const body = c.req.valid('json');
      if (hasAdmin(rt.db) || !rt.setupSecret) throw new ApiError(409, 'SETUP_DONE', 'Baton is already set up; sign in instead');
      if (!safeEqual(body.secret, rt.setupSecret)) throw new ApiError(403, 'BAD_SECRET', 'That is not the setup secret printed when Baton started');
      const secret = rt.setupSecret;
      rt.setupSecret = null; // one use: a second request racing this one gets 409
      const now = rt.clock.now();
      let user;
      try {
        user = await createUser(rt.db, { email: body.email, name: body.name, password: body.password, roles: [...FIRST_ADMIN_ROLES] }, now);
      } catch (e) {
        rt.setupSecret = secret;
        throw e;
      }
      audit(rt.db, now, { actor: user.id, action: 'setup.secret', target: user.id, from: c.get('from') });
      return c.json({ user }, 201);
    });
}
