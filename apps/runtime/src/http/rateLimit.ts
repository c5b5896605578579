import type { Context, MiddlewareHandler } from 'hono';
import type { Runtime } from '../Runtime.ts';
import type { AppEnv } from './AppEnv.ts';
import { clientIp, limitKey } from './clientIp.ts';
import { TokenBuckets, type BucketRate } from './TokenBuckets.ts';

/** Per-address and per-credential request limits; `null` turns one off. */
export interface RateLimitConfig {
  /** Every `/api` request, by client address (before authentication, so floods cost no lookups). */
  ip: BucketRate | null;
  /** Every authenticated request, by ingest token or by signed-in user. */
  token: BucketRate | null;
}

/** Generous enough for a busy care team, benchmarks and the test suites; tighten with `BATON_RATE_LIMIT`. */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  ip: { perMinute: 12_000, burst: 3_000 },
  token: { perMinute: 30_000, burst: 6_000 },
};

/**
 * Reads `BATON_RATE_LIMIT`: `off`, or `ip=<per minute>[/<burst>],token=<per minute>[/<burst>]`
 * (either part may be left out to keep its default; `0` turns a part off). Unparseable text
 * throws, so a typo stops start-up instead of silently leaving Baton unprotected.
 * @example parseRateLimit('ip=600/100,token=3000') // { ip: { perMinute: 600, burst: 100 }, token: { perMinute: 3000, burst: 6000 } }
 */
export function parseRateLimit(text: string | undefined): RateLimitConfig {
  if (text === undefined || text.trim() === '') return DEFAULT_RATE_LIMIT;
  if (text.trim() === 'off') return { ip: null, token: null };
  const out: RateLimitConfig = { ...DEFAULT_RATE_LIMIT };
  for (const part of text.split(',')) {
    const m = /^\s*(ip|token)\s*=\s*(\d+)(?:\/(\d+))?\s*$/.exec(part);
    if (!m) throw new Error(`BATON_RATE_LIMIT: cannot read "${part}" (expected ip=<per minute>[/<burst>] or token=<per minute>[/<burst>], or off)`);
    const perMinute = Number(m[2]);
    const key = m[1] as 'ip' | 'token';
    out[key] = perMinute === 0 ? null : { perMinute, burst: m[3] ? Math.max(1, Number(m[3])) : Math.max(1, DEFAULT_RATE_LIMIT[key]!.burst) };
  }
  return out;
}

function tooMany(c: Context<AppEnv>, waitMs: number, what: string) {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  c.header('Retry-After', String(seconds));
  return c.json({ error: { code: 'RATE_LIMITED', message: `Too many requests from this ${what}; retry in ${seconds} s`, details: { retryAfter: seconds }, requestId: c.get('requestId') } }, 429);
}

/** 429 with `Retry-After` once a client address has used up its bucket. Mount before `authenticate`. */
export function rateLimitByIp(rt: Runtime): MiddlewareHandler<AppEnv> {
  const rate = rt.config.rateLimit.ip;
  if (!rate) return (_c, next) => next();
  const buckets = new TokenBuckets(rt.db, rate);
  return async (c, next) => {
    const wait = buckets.take('ip:' + limitKey(clientIp(c, rt.config.trustProxy)), rt.clock.now());
    if (wait) return tooMany(c, wait, 'address');
    await next();
  };
}

/** 429 with `Retry-After` once an ingest token or a signed-in user has used up its bucket. Mount after `authenticate`. */
export function rateLimitByToken(rt: Runtime): MiddlewareHandler<AppEnv> {
  const rate = rt.config.rateLimit.token;
  if (!rate) return (_c, next) => next();
  const buckets = new TokenBuckets(rt.db, rate);
  return async (c, next) => {
    const auth = c.get('auth');
    const key = auth.kind === 'ingest' ? `token:${auth.tokenId}` : auth.kind === 'user' ? `user:${auth.user.id}` : null;
    const wait = key ? buckets.take(key, rt.clock.now()) : 0;
    if (wait) return tooMany(c, wait, auth.kind === 'ingest' ? 'token' : 'account');
    await next();
  };
}
