import { randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './AppEnv.ts';
import type { Runtime } from '../Runtime.ts';

const SAFE_ID = /^[A-Za-z0-9_.:-]{8,64}$/;

/** New ids: a random prefix per process and a counter, unique without asking for randomness on every request. */
const prefix = randomBytes(6).toString('hex');
let counter = 0;
const newId = () => `${prefix}-${(++counter).toString(36)}`;

/**
 * Gives every request an id (the caller's `X-Request-Id` when it looks safe, else a new one),
 * answers it in `X-Request-Id`, and logs one line per request with it.
 */
export function requestId(rt: Runtime): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const id = incoming && SAFE_ID.test(incoming) ? incoming : newId();
    c.set('requestId', id);
    c.set('rt', rt);
    const started = performance.now();
    await next();
    // On the response's headers directly: `c.header` after the response exists rebuilds it as a stream.
    c.res.headers.set('X-Request-Id', id);
    if (c.req.path.startsWith('/api/') && c.req.path !== '/api/events') {
      rt.log.info({ requestId: id, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - started) });
    }
  };
}
