import { and, eq, isNull, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared.ts';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { apiTokens, sessions } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import type { AppEnv, Auth, SessionUser } from '../http/AppEnv.ts';
import type { Runtime } from '../Runtime.ts';
import { sessionEnded } from './guards.ts';
import { safeEqual, sha256 } from './secrets.ts';
import { loadSessionUser } from './sessionUser.ts';

/** Cookie names (docs/api.md). */
export const SESSION_COOKIE = 'baton_session';
export const CSRF_COOKIE = 'baton_csrf';
/** Prefix of generated ingest tokens, so people can tell them from session tokens. */
export const INGEST_PREFIX = 'bti_';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Works out who is calling: `Authorization: Bearer` (a session token or an ingest token) or the
 * `baton_session` cookie. Cookie requests that change state must carry `X-CSRF-Token` equal to the
 * `baton_csrf` cookie (double submit), which must also be the one issued with that session.
 * Sets `c.var.auth`; refusing is left to the routes (some are public).
 */
export function authenticate(rt: Runtime): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    let auth: Auth = { kind: 'none' };
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      if (!m?.[1]) throw new ApiError(401, 'UNAUTHENTICATED', 'Authorization must be "Bearer <token>"');
      auth = resolveBearer(rt, m[1]);
    } else {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) {
        const found = resolveSession(rt, sha256(token));
        // An ended session is not refused here: public routes (signing in again) must still work.
        if (found === ENDED) auth = { kind: 'none', sessionEnded: true };
        else if (found) {
          if (!SAFE_METHODS.has(c.req.method)) {
            const cookie = getCookie(c, CSRF_COOKIE) ?? '';
            const sent = c.req.header('x-csrf-token') ?? '';
            if (!cookie || !sent || !safeEqual(cookie, sent) || sha256(cookie) !== found.csrfHash) {
              throw new ApiError(403, 'CSRF', 'Missing or wrong X-CSRF-Token header (send the baton_csrf cookie value)');
            }
          }
          auth = { kind: 'user', user: found.user, via: 'cookie', sessionHash: found.hash };
        }
      }
    }
    c.set('auth', auth);
    await next();
  };
}

function resolveBearer(rt: Runtime, token: string): Auth {
  const hash = sha256(token);
  const found = resolveSession(rt, hash);
  if (found === ENDED) throw sessionEnded();
  if (found) return { kind: 'user', user: found.user, via: 'bearer', sessionHash: found.hash };
  {
    const { db } = rt;
    const row = prepared(db, 'apiTokens.byHash', () =>
      db.select({ id: apiTokens.id, lastUsedAt: apiTokens.lastUsedAt, signingSecret: apiTokens.signingSecret, brand: apiTokens.brand }).from(apiTokens)
        .where(and(eq(apiTokens.tokenHash, sql.placeholder('hash')), isNull(apiTokens.revokedAt))).prepare(),
    ).get({ hash });
    if (!row) throw new ApiError(401, 'UNAUTHENTICATED', 'Unknown or revoked token');
    // "Last used" to the minute is enough, and spares a write on every ingest request.
    const now = rt.clock.now();
    if (row.lastUsedAt === null || now - row.lastUsedAt > 60_000) {
      prepared(db, 'apiTokens.touch', () =>
        db.update(apiTokens).set({ lastUsedAt: sql`${sql.placeholder('now')}` }).where(eq(apiTokens.id, sql.placeholder('id'))).prepare(),
      ).run({ now, id: row.id });
    }
    return { kind: 'ingest', tokenId: row.id, signingSecret: row.signingSecret, brand: row.brand };
  }
}

const ENDED = 'ended' as const;

/**
 * The person a session belongs to as the database says now — roles and teams as they are — or
 * undefined when the session is gone, has expired, or its person is disabled. Reads only: an open
 * live-event stream asks this again and again.
 */
export function currentSessionUser(rt: Runtime, hash: string): SessionUser | undefined {
  const row = prepared(rt.db, 'sessions.byHash', () =>
    rt.db.select().from(sessions).where(eq(sessions.tokenHash, sql.placeholder('hash'))).prepare(),
  ).get({ hash });
  const now = rt.clock.now();
  if (!row || row.expiresAt <= now || row.createdAt + rt.config.sessionMaxMs <= now) return undefined;
  return loadSessionUser(rt.db, row.userId);
}

/**
 * The session whose token hashes to `hash`: its user, or `ENDED` when the session exists but has expired — idle for
 * `sessionIdleMs`, or older than `sessionMaxMs` however often it was used — or undefined when no
 * session has that token (or its user is disabled).
 */
function resolveSession(rt: Runtime, hash: string) {
  const now = rt.clock.now();
  const { db } = rt;
  const row = prepared(db, 'sessions.byHash', () =>
    db.select().from(sessions).where(eq(sessions.tokenHash, sql.placeholder('hash'))).prepare(),
  ).get({ hash });
  if (!row) return undefined;
  const endsAt = row.createdAt + rt.config.sessionMaxMs;
  if (row.expiresAt <= now || endsAt <= now) return ENDED;
  const user = loadSessionUser(rt.db, row.userId);
  if (!user) return undefined;
  if (now - row.lastSeenAt > 60_000) {
    rt.db.update(sessions).set({ lastSeenAt: now, expiresAt: Math.min(now + rt.config.sessionIdleMs, endsAt) }).where(eq(sessions.tokenHash, hash)).run();
  }
  return { user, hash, csrfHash: row.csrfHash };
}
