import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/** What a request is known by when it did not come over a socket (`app.request()` in tests). */
export const LOCAL_IP = 'local';

/**
 * The caller's address: the socket's peer, or — only when Baton runs behind a reverse proxy it
 * trusts (`BATON_TRUST_PROXY=1`) — the first address of `X-Forwarded-For`. Trusting the header
 * without a proxy would let any caller pick a fresh address per request and walk past the
 * per-IP limits, so it is off by default.
 * @example clientIp(c, false) // '127.0.0.1'
 */
export function clientIp(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const first = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (first && first.length <= 64 && /^[0-9A-Fa-f:.]+$/.test(first)) return first;
  }
  const env = c.env as { incoming?: IncomingMessage } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? LOCAL_IP;
}
