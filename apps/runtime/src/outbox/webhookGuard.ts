import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, isIPv4, type LookupFunction } from 'node:net';

/**
 * What kind of address an IP is. Only `public` and `loopback` may be called by a webhook unless
 * `RuntimeConfig.webhookAllowPrivate` is set (`BATON_WEBHOOK_ALLOW_PRIVATE=1`).
 */
export type AddressClass = 'public' | 'loopback' | 'private' | 'link-local' | 'unspecified' | 'multicast' | 'reserved';

/** A webhook Baton will not call: a bad scheme or an address that is not public. Never retried. */
export class WebhookRefused extends Error {
  constructor(message: string, readonly details: { reason: string; address?: string }) {
    super(message);
  }
}

/** `a.b.c.d` as its four octets (the caller has checked it is IPv4). */
function octets(ip: string): number[] {
  return ip.split('.').map(Number);
}

function classifyV4(ip: string): AddressClass {
  const [a = 0, b = 0] = octets(ip);
  if (a === 0) return 'unspecified'; // 0.0.0.0/8 "this network": 0.0.0.0 reaches this host on Linux
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private'; // RFC 1918
  if (a === 100 && b >= 64 && b <= 127) return 'private'; // 100.64/10 shared (carrier-grade NAT) space, RFC 6598
  if (a === 169 && b === 254) return 'link-local'; // includes 169.254.169.254, the cloud metadata service
  if (a >= 224 && a <= 239) return 'multicast';
  if (a >= 240) return 'reserved'; // 240/4 and the broadcast 255.255.255.255
  return 'public';
}

/** An IPv6 address (the caller has checked it is one, without a zone) as eight 16-bit groups. */
function groups(ip: string): number[] {
  const parse = (part: string): number[] => {
    if (!part) return [];
    return part.split(':').flatMap((g) => {
      if (!g.includes('.')) return [parseInt(g, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = octets(g); // an embedded IPv4 tail: ::ffff:10.0.0.5
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const [head = '', tail] = ip.split('::');
  const h = parse(head);
  if (tail === undefined) return h;
  const t = parse(tail);
  return [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
}

function v4Of(hi: number, lo: number): string {
  return `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
}

function classifyV6(ip: string): AddressClass {
  const g = groups(ip);
  const [g0 = 0, g1 = 0, , , , g5 = 0, g6 = 0, g7 = 0] = g;
  const zeroTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroTo(8)) return 'unspecified'; // ::
  if (zeroTo(7) && g7 === 1) return 'loopback'; // ::1
  // IPv4 inside IPv6: mapped ::ffff:a.b.c.d, the old compatible ::a.b.c.d, NAT64 64:ff9b::a.b.c.d
  // (both reach the IPv4 address); judged as that IPv4 address.
  if (zeroTo(5) && g5 === 0xffff) return classifyV4(v4Of(g6, g7));
  if (zeroTo(6)) return classifyV4(v4Of(g6, g7));
  if (g0 === 0x64 && g1 === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return classifyV4(v4Of(g6, g7));
  if (g0 === 0x2002) return classifyV4(v4Of(g1, g.at(2) ?? 0)); // 6to4 2002:a.b.c.d::/48
  if ((g0 & 0xfe00) === 0xfc00) return 'private'; // fc00::/7 unique local
  if ((g0 & 0xffc0) === 0xfe80) return 'link-local'; // fe80::/10
  if ((g0 & 0xffc0) === 0xfec0) return 'private'; // fec0::/10, the retired site-local
  if ((g0 & 0xff00) === 0xff00) return 'multicast'; // ff00::/8
  return 'public';
}

/**
 * Classifies an IP address (IPv4, IPv6, IPv6 with a `%zone`, or `[bracketed]`); anything that is
 * not an IP address is `reserved`.
 * @example
 * classifyAddress('10.0.0.5'); // 'private'
 * classifyAddress('::ffff:127.0.0.1'); // 'loopback'
 */
export function classifyAddress(address: string): AddressClass {
  const ip = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  if (isIPv4(ip)) return classifyV4(ip);
  if (isIP(ip) === 6) return classifyV6(ip.toLowerCase());
  return 'reserved';
}

/** A webhook URL that passed the guard, with the address to connect to. */
export interface CheckedWebhook {
  url: URL;
  address: string;
  family: 4 | 6;
}

/** How host names are resolved (tests pass their own). */
export type Resolve = (host: string) => Promise<{ address: string; family: number }[]>;

const systemResolve: Resolve = (host) => dnsLookup(host, { all: true, verbatim: true });

/**
 * Checks a webhook URL before delivery: http or https only, and every address its host resolves to
 * must be public or loopback unless `allowPrivate`. Loopback is allowed because a receiver on the
 * Baton machine itself (an integration, a test receiver) is installed by whoever runs Baton; the
 * network around it (private, link-local with the cloud metadata service) is what a map must not reach. Throws `WebhookRefused` (with the message the outbox
 * records) or the resolver's error (a DNS failure, worth retrying). Checked at every delivery,
 * not only when the map is saved, because DNS answers change.
 */
export async function checkWebhook(raw: string, allowPrivate: boolean, resolve: Resolve = systemResolve): Promise<CheckedWebhook> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookRefused('webhook URL is not a valid URL', { reason: 'invalid-url' });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new WebhookRefused(`webhook URL must use http or https, not ${url.protocol.replace(/:$/, '')}`, { reason: 'scheme' });
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const found = await resolve(host);
  if (!found.length) throw new Error(`webhook host ${host} has no address`);
  // Every answer must pass, not just the first: a name with one public and one private address
  // is refused rather than trusted to keep answering in the same order.
  for (const { address } of found) {
    const kind = classifyAddress(address);
    if (kind !== 'public' && kind !== 'loopback' && !allowPrivate) {
      throw new WebhookRefused(`webhook address ${address} is ${kind}; set BATON_WEBHOOK_ALLOW_PRIVATE=1 to allow it`, { reason: kind, address });
    }
  }
  const first = found[0]!;
  return { url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * POSTs `body` to a checked webhook and resolves to the status code. The connection goes to the
 * address `checkWebhook` resolved and classified: a `lookup` that answers that address replaces
 * the second DNS query `http.request` would make, so a name cannot answer "public" to the check
 * and "private" to the connect (DNS rebinding). We chose pinning over re-checking the peer after
 * connect because it needs no second trust decision and works the same for http and https; the
 * URL's host name still goes out as `Host` and, for https, as SNI and the name the certificate
 * must match. No connection pool (`agent: false`), so no socket opened for another answer is
 * reused, and redirects are not followed (a 3xx is a failed delivery), so a receiver cannot
 * bounce the request to an internal address.
 */
export function postWebhook(target: CheckedWebhook, body: string, headers: Record<string, string>, timeoutMs: number): Promise<number> {
  const pinned: LookupFunction = (_host, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const send = target.url.protocol === 'https:' ? https.request : http.request;
  return new Promise((ok, fail) => {
    const req = send(target.url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      lookup: pinned,
      agent: false,
      signal: AbortSignal.timeout(timeoutMs),
    }, (res) => {
      res.resume();
      ok(res.statusCode ?? 0);
    });
    req.once('error', fail);
    req.end(body);
  });
}
