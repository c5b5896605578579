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

/**
 * The key an address is limited under: an IPv4 address as is (also when written IPv4-mapped,
 * `::ffff:1.2.3.4`), an IPv6 address by its /64 prefix — one household or server usually holds a
 * whole /64 and could otherwise take a fresh address per request.
 * @example limitKey('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 */
export function limitKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('%')[0]!.split('::');
  const left = head ? head.split(':') : [];
  const right = ip.includes('::') ? (tail ? tail.split(':') : []) : [];
  const groups = ip.includes('::') ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill('0'), ...right] : left;
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}
