import { createRoute, z } from '@hono/zod-openapi';
import { eq } from 'drizzle-orm';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { audit } from '../audit.ts';
import { CSRF_COOKIE, SESSION_COOKIE } from '../auth/authenticate.ts';
import { normalEmail } from '../auth/createUser.ts';
import { requireUser } from '../auth/guards.ts';
import { loginFailed, loginSucceeded, refuseWhileLocked } from '../auth/loginThrottle.ts';
import { DUMMY_HASH_PROMISE, verifyPassword } from '../auth/password.ts';
import { randomSecret, sha256 } from '../auth/secrets.ts';
import { toSessionUser } from '../auth/sessionUser.ts';
import { sessions, users } from '../db/schema.ts';
import type { AppEnv } from '../http/AppEnv.ts';
import { errors, json, jsonBody, newRouter, signedIn, tooMany } from '../http/openapi.ts';
import { userSchema } from '../http/schemas.ts';
import { maysTriage } from '../cases/triage.ts';
import { readsDigest } from './digest.ts';

const signIn = createRoute({
  operationId: 'signIn', security: [],
  method: 'post', path: '/', tags: ['session'], summary: 'Sign in',
  description: 'Answers a session token (for `Authorization: Bearer`) and sets the `baton_session` and `baton_csrf` cookies.',
  request: { body: jsonBody(z.object({ email: z.string().max(254), password: z.string().max(256) })) },
  responses: { 200: json(z.object({ token: z.string(), user: userSchema }), 'Signed in'), 400: errors[400], 401: errors[401], 429: tooMany },
});
const whoAmI = createRoute({
  operationId: 'getSession',
  method: 'get', path: '/', tags: ['session'], summary: 'The signed-in user', security: signedIn,
  responses: {
    200: json(z.object({
      user: userSchema,
      works: z.object({ triage: z.boolean(), digest: z.boolean() })
        .openapi({ description: 'What the web app shows this person besides their roles: the triage inbox (the hub of an approved map, managers, admins) and the digest' }),
    }), 'Signed in'),
    401: errors[401],
  },
});
const signOut = createRoute({
  operationId: 'signOut',
  method: 'delete', path: '/', tags: ['session'], summary: 'Sign out', security: signedIn,
  responses: { 204: { description: 'Signed out' }, 401: errors[401] },
});

function secure(c: Context<AppEnv>): boolean {
  return c.get('rt').config.secureCookies || new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
}

/** `/api/session`: sign in, who am I, sign out. */
export function sessionRoutes() {
  return newRouter()
    .openapi(signIn, async (c) => {
      const rt = c.get('rt');
      const { email, password } = c.req.valid('json');
      refuseWhileLocked(c, email);
      const row = rt.db.select().from(users).where(eq(users.email, normalEmail(email))).get();
      // Hash even for an unknown e-mail so the answer takes as long either way.
      const ok = await verifyPassword(password, row?.passwordHash ?? (await DUMMY_HASH_PROMISE));
      if (!row || !ok || row.disabledAt) throw loginFailed(c, email, row?.id ?? null);
      loginSucceeded(c, email, row.id);
      const token = randomSecret('bts_');
      const csrf = randomSecret();
      const now = rt.clock.now();
      rt.db.insert(sessions).values({
        tokenHash: sha256(token), userId: row.id, csrfHash: sha256(csrf), createdAt: now, lastSeenAt: now, expiresAt: now + rt.config.sessionIdleMs,
      }).run();
      const maxAge = Math.floor(rt.config.sessionIdleMs / 1000);
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', path: '/', secure: secure(c), maxAge });
      setCookie(c, CSRF_COOKIE, csrf, { httpOnly: false, sameSite: 'Lax', path: '/', secure: secure(c), maxAge });
      return c.json({ token, user: toSessionUser(rt.db, row) }, 200);
    })
    .openapi(whoAmI, (c) => {
      const user = requireUser(c);
      const rt = c.get('rt');
      return c.json({ user, works: { triage: maysTriage(rt, user), digest: readsDigest(rt, user) } }, 200);
    })
    .openapi(signOut, (c) => {
      requireUser(c);
      const auth = c.get('auth');
      if (auth.kind === 'user') {
        c.get('rt').db.delete(sessions).where(eq(sessions.tokenHash, auth.sessionHash)).run();
        audit(c.get('rt').db, c.get('rt').clock.now(), { actor: auth.user.id, action: 'session.logout', target: auth.user.id, from: c.get('from') });
        c.get('rt').presence.forget(auth.user.id); // no longer looking at anything (the case view's own "left" comes too late)
        c.get('rt').bus.personChanged(auth.user.id); // this session's live-event streams end now
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, CSRF_COOKIE, { path: '/' });
      return c.body(null, 204);
    });
}
