import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from './AppEnv.ts';

/** Live-event streams one person may hold open at once (tabs, screens, a wall display…). */
export const MAX_STREAMS_PER_USER = 20;

/**
 * Caps the live-event streams (`GET /api/events`) a signed-in user holds open: each stream pins
 * memory and a subscription for as long as it lasts, which the per-request rate limit does not
 * see. Past the cap the answer is 429 with `Retry-After`; a stream frees its place when it ends or
 * the client goes away.
 */
export function limitStreams(max = MAX_STREAMS_PER_USER): MiddlewareHandler<AppEnv> {
  const open = new Map<string, number>();
  return async (c, next) => {
    const auth = c.get('auth');
    if (auth.kind !== 'user' || c.req.method !== 'GET') return next();
    const who = auth.user.id;
    if ((open.get(who) ?? 0) >= max) {
      c.header('Retry-After', '5');
      return c.json({ error: { code: 'TOO_MANY_STREAMS', message: `At most ${max} live-event streams per person; close one first`, requestId: c.get('requestId') } }, 429);
    }
    open.set(who, (open.get(who) ?? 0) + 1);
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      const n = (open.get(who) ?? 1) - 1;
      if (n > 0) open.set(who, n);
      else open.delete(who);
    };
    try {
      await next();
    } catch (e) {
      release();
      throw e;
    }
    const body = c.res.body;
    if (!body || c.res.status !== 200) {
      release();
      return;
    }
    const reader = body.getReader();
    const counted = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) {
            release();
            controller.close();
          } else controller.enqueue(value);
        } catch (e) {
          release();
          controller.error(e);
        }
      },
      cancel(reason) {
        release();
        return reader.cancel(reason);
      },
    });
    c.res = new Response(counted, c.res);
  };
}
