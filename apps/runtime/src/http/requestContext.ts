import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';
import type { Runtime } from '../Runtime.ts';
import type { AppEnv } from './AppEnv.ts';
import { clientIp } from './clientIp.ts';

/** Who is on the other end of the request being served: what the audit log records as "from where". */
export interface RequestContext {
  requestId: string;
  ip: string;
  userAgent: string | null;
}

const store = new AsyncLocalStorage<RequestContext>();

/**
 * Makes the current request's id, client address and user agent available to code deep below the
 * route (the audit writer) without threading them through every call.
 * Mount after `requestId`.
 */
export function requestContext(rt: Runtime): MiddlewareHandler<AppEnv> {
  return (c, next) =>
    store.run(
      { requestId: c.get('requestId'), ip: clientIp(c, rt.config.trustProxy), userAgent: c.req.header('user-agent')?.slice(0, 256) ?? null },
      next,
    );
}

/** The request being served, or undefined outside one (scheduler, start-up). */
export function currentRequest(): RequestContext | undefined {
  return store.getStore();
}

/** Runs `fn` (and what it starts) outside any request, e.g. background work a request woke up. */
export function outsideRequest<T>(fn: () => T): T {
  return store.exit(fn);
}
