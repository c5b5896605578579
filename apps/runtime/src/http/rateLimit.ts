import type { Context, MiddlewareHandler } from 'hono';
import type { BucketRate } from '../config.ts';
import type { Runtime } from '../Runtime.ts';
import type { AppEnv } from './AppEnv.ts';
import { clientIp, limitKey } from './clientIp.ts';
import { TokenBuckets } from './TokenBuckets.ts';

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
