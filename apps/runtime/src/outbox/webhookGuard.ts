import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import { isIP, isIPv4, type LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';
import { audit } from '../audit.ts';
import type { Runtime } from '../Runtime.ts';

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

/**
 * How ipaddr.js names the ranges of IANA's IPv4 and IPv6 Special-Purpose Address Registries, and
 * what each is to us. A range the registry marks as globally reachable (AS112, AMT, ORCHIDv2, drone
 * entity tags) is `public`; every other named range is refused. A name this table does not know (a
 * newer ipaddr.js naming a newly registered range) is `reserved`: the guard fails closed.
 */
const V4_RANGES: Record<string, AddressClass> = {
  unicast: 'public',
  as112: 'public', // 192.31.196.0/24, 192.175.48.0/24: globally reachable
  amt: 'public', // 192.52.193.0/24: globally reachable
  loopback: 'loopback',
  private: 'private', // RFC 1918
  carrierGradeNat: 'private', // 100.64.0.0/10 shared address space
  linkLocal: 'link-local', // includes 169.254.169.254, the cloud metadata service
  unspecified: 'unspecified', // 0.0.0.0/8 "this network": 0.0.0.0 reaches this host on Linux
  multicast: 'multicast',
  broadcast: 'reserved',
  // 192.0.0.0/24 protocol assignments, 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24
  // documentation, 198.18.0.0/15 benchmarking, 192.88.99.0/24 6to4 relay, 240.0.0.0/4
  reserved: 'reserved',
};

const V6_RANGES: Record<string, AddressClass> = {
  unicast: 'public', // only inside 2000::/3, see below
  amt: 'public',
  as112v6: 'public',
  orchid2: 'public',
  droneRemoteIdProtocolEntityTags: 'public',
  loopback: 'loopback',
  uniqueLocal: 'private', // fc00::/7
  deprecatedSiteLocal: 'private', // fec0::/10
  linkLocal: 'link-local', // fe80::/10
  unspecified: 'unspecified',
  multicast: 'multicast',
  // rfc6145 (::ffff:0:0/96, IPv4-translated), discard (100::/64), teredo, benchmarking
  // (2001:2::/48), deprecatedOrchid, segmentRouting (5f00::/16), reserved (2001::/23,
  // 2001:db8::/32 and 3fff::/20 documentation) and any range named later
};

/** The IPv6 global unicast space (2000::/3): anything else unnamed is unassigned or reserved. */
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3') as [ipaddr.IPv6, number];
/** 64:ff9b::/96, the well-known NAT64 prefix (globally reachable: it reaches the IPv4 address inside). */
const NAT64 = ipaddr.parseCIDR('64:ff9b::/96') as [ipaddr.IPv6, number];

function classifyV4(ip: ipaddr.IPv4): AddressClass {
  return V4_RANGES[ip.range()] ?? 'reserved';
}

/** The IPv4 address in the last 32 bits of an IPv6 address. */
function tail(ip: ipaddr.IPv6): ipaddr.IPv4 {
  const [g6 = 0, g7 = 0] = ip.parts.slice(6);
  return new ipaddr.IPv4([g6 >> 8, g6 & 255, g7 >> 8, g7 & 255]);
}

function classifyV6(ip: ipaddr.IPv6): AddressClass {
  const range = ip.range();
  const g = ip.parts;
  // IPv4 inside IPv6 that a connection really reaches — mapped ::ffff:a.b.c.d, the old compatible
  // ::a.b.c.d, NAT64 64:ff9b::a.b.c.d, 6to4 2002:a.b.c.d::/48 — is judged as that IPv4 address.
  if (range === 'ipv4Mapped') return classifyV4(ip.toIPv4Address());
  if (range === 'rfc6052') return ip.match(NAT64) ? classifyV4(tail(ip)) : 'reserved'; // 64:ff9b:1::/48 is local use
  if (range === '6to4') {
    const [, g1 = 0, g2 = 0] = g;
    return classifyV4(new ipaddr.IPv4([g1 >> 8, g1 & 255, g2 >> 8, g2 & 255]));
  }
  if (range === 'unicast') {
    if (g.slice(0, 6).every((x) => x === 0)) return classifyV4(tail(ip)); // ::a.b.c.d (:: and ::1 are named)
    return ip.match(GLOBAL_UNICAST) ? 'public' : 'reserved';
  }
  return V6_RANGES[range] ?? 'reserved';
}

/**
 * Classifies an IP address (IPv4, IPv6, IPv6 with a `%zone`, or `[bracketed]`) by IANA's
 * special-purpose address registries, through ipaddr.js: only globally reachable addresses are
 * `public`. Anything that is not an IP address is `reserved`.
 * @example
 * classifyAddress('10.0.0.5'); // 'private'
 * classifyAddress('198.18.0.1'); // 'reserved' (benchmarking)
 * classifyAddress('::ffff:127.0.0.1'); // 'loopback'
 */
export function classifyAddress(address: string): AddressClass {
  const ip = address.replace(/^\[(.*)\]$/, '$1').replace(/%.*$/, '');
  // Node's own test first: ipaddr.js also takes forms no resolver answers (`0x7f.1`, `127.1`).
  if (isIPv4(ip)) return classifyV4(ipaddr.IPv4.parse(ip));
  if (isIP(ip) === 6) return classifyV6(ipaddr.IPv6.parse(ip));
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
 * A `lookup` for `http.request`, `https.request` or a `ws` WebSocket that answers the address
 * `checkWebhook` checked, whatever name is asked: every outbound connection Baton makes (webhooks,
 * Slack, sources, replies) goes to the address that passed the guard, never to a second DNS answer.
 * @example
 * const target = await checkWebhook(url, rt.config.webhookAllowPrivate);
 * https.request(target.url, { lookup: pinnedLookup(target), agent: false });
 */
export function pinnedLookup(target: CheckedWebhook): LookupFunction {
  return (_host, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
}

/** What Baton was calling out for, as refusal audit entries name it (`<purpose>.refused`). */
export type OutboundPurpose = 'webhook' | 'slack' | 'source' | 'reply';

/**
 * Records a refused outbound request in the audit log as `<purpose>.refused`, with the reason,
 * the refused address and the host (never the URL's path or query, which may carry a secret).
 * Call it where a `WebhookRefused` is caught, once per refusal.
 * @example
 * catch (e) { if (e instanceof WebhookRefused) auditRefusal(rt, e, { purpose: 'source', url: settings.url, target: `source:${id}` }); }
 */
export function auditRefusal(
  rt: Pick<Runtime, 'db' | 'clock'>,
  refused: WebhookRefused,
  about: { purpose: OutboundPurpose; url: string; target?: string; actor?: string | null; data?: Record<string, unknown> },
): void {
  audit(rt.db, rt.clock.now(), {
    actor: about.actor ?? null,
    action: `${about.purpose}.refused`,
    ...(about.target ? { target: about.target } : {}),
    data: { ...refused.details, host: hostOf(about.url), message: refused.message, ...about.data },
  });
}

/** The host of a URL, for audit entries (null when it is not a URL). */
function hostOf(raw: string): string | null {
  try {
    return new URL(raw).host;
  } catch {
    return null;
  }
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
  const pinned = pinnedLookup(target);
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
