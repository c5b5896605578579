import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { readJson, sendJson } from './httpJson.ts';

/** Someone who posts on the fake Bluesky. */
export interface FakeBlueskyUser {
  did: string;
  handle: string;
  displayName?: string;
  followersCount?: number;
}

/** A post Jetstream delivered: its at:// URI and cid. */
export interface FakePost {
  uri: string;
  cid: string;
  did: string;
  rkey: string;
  timeUs: number;
  text: string;
}

const B32 = 'abcdefghijklmnopqrstuvwxyz234567';
function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

/** A real CIDv1 (dag-cbor, sha-256) of some text. */
export function fakeCid(text: string): string {
  return 'b' + base32(Buffer.concat([Buffer.from([0x01, 0x71, 0x12, 0x20]), createHash('sha256').update(text).digest()]));
}

const TID_CHARS = '234567abcdefghijklmnopqrstuvwxyz';
function tid(n: number): string {
  let s = '';
  let x = BigInt(n);
  for (let i = 0; i < 13; i++) {
    s = TID_CHARS[Number(x % 32n)] + s;
    x /= 32n;
  }
  return s;
}

function jwt(did: string): string {
  const part = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ sub: did, scope: 'com.atproto.appPass', exp: Math.floor(Date.now() / 1000) + 3600, iat: Math.floor(Date.now() / 1000) })}.c2ln`;
}

/**
 * A Jetstream stand-in plus the bits of a Bluesky service a source and a reply use, on one port of
 * 127.0.0.1: `/subscribe` (WebSocket; replays from `cursor`, a `time_us`, then live),
 * `com.atproto.server.createSession`, `app.bsky.actor.getProfiles` and `com.atproto.repo.createRecord`.
 */
export class FakeJetstream {
  readonly events: { time_us: number; json: string }[] = [];
  readonly users = new Map<string, FakeBlueskyUser>();
  /** Records Baton created (its replies). */
  readonly created: { repo: string; collection: string; record: Record<string, any> }[] = [];
  /** How many profile lookups were asked, and for how many DIDs. */
  profileLookups = 0;
  connections = 0;
  private readonly clients = new Set<WebSocket>();
  private lastTimeUs = Date.parse('2026-01-01T09:00:00Z') * 1000;
  private seq = 1;
  private refusal: { status: number; error: string; message: string } | null = null;
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  url = '';
  readonly me: FakeBlueskyUser = { did: 'did:plc:acmesupport000000000000', handle: 'acme.example.test', displayName: 'Acme', followersCount: 9000 };

  constructor(readonly appPassword = 'abcd-efgh-ijkl-mnop') {
    this.users.set(this.me.did, this.me);
  }

  /** The Jetstream URL (ws://). */
  get jetstream(): string {
    return this.url.replace(/^http/, 'ws');
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname !== '/subscribe') return void socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
      this.wss!.handleUpgrade(req, socket, head, (ws) => {
        this.connections++;
        const cursor = Number(url.searchParams.get('cursor') ?? 0);
        // Replay from the cursor (inclusive, as Jetstream does), then live.
        if (cursor) for (const e of this.events) if (e.time_us >= cursor) ws.send(e.json);
        this.clients.add(ws);
        ws.on('close', () => this.clients.delete(ws));
      });
    });
    await new Promise<void>((ok) => this.server!.listen(port, '127.0.0.1', () => ok()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Adds someone the profile lookup knows. */
  user(u: FakeBlueskyUser): FakeBlueskyUser {
    this.users.set(u.did, u);
    return u;
  }

  /**
   * Publishes a post by `did`: mentioning the account (a mention facet) if `mention`, in reply to
   * an earlier post (`replyTo`, with its thread's root). Sent live to every connection.
   */
  post(did: string, text: string, opts: { mention?: boolean; replyTo?: FakePost; root?: FakePost } = {}): FakePost {
    const timeUs = Math.max(this.lastTimeUs + 1, Date.now() * 1000);
    this.lastTimeUs = timeUs;
    const rkey = tid(this.seq++ + 1_000_000_000);
    const record: Record<string, unknown> = {
      $type: 'app.bsky.feed.post', text, createdAt: new Date(Math.floor(timeUs / 1000)).toISOString(), langs: ['en'],
      ...(opts.mention ? { facets: [{ index: { byteStart: 0, byteEnd: 5 }, features: [{ $type: 'app.bsky.richtext.facet#mention', did: this.me.did }] }] } : {}),
      ...(opts.replyTo ? { reply: { root: { uri: (opts.root ?? opts.replyTo).uri, cid: (opts.root ?? opts.replyTo).cid }, parent: { uri: opts.replyTo.uri, cid: opts.replyTo.cid } } } : {}),
    };
    const cid = fakeCid(`${did}/${rkey}/${text}`);
    const json = JSON.stringify({ did, time_us: timeUs, kind: 'commit', commit: { rev: rkey, operation: 'create', collection: 'app.bsky.feed.post', rkey, record, cid } });
    this.events.push({ time_us: timeUs, json });
    for (const ws of this.clients) ws.send(json);
    return { uri: `at://${did}/app.bsky.feed.post/${rkey}`, cid, did, rkey, timeUs, text };
  }

  /** Publishes an event that is not a post (a like), which a source only moves its cursor past. */
  like(did: string): void {
    const timeUs = Math.max(this.lastTimeUs + 1, Date.now() * 1000);
    this.lastTimeUs = timeUs;
    const json = JSON.stringify({ did, time_us: timeUs, kind: 'commit', commit: { rev: 'x', operation: 'create', collection: 'app.bsky.feed.like', rkey: tid(this.seq++), record: {} } });
    this.events.push({ time_us: timeUs, json });
    for (const ws of this.clients) ws.send(json);
  }

  /** Cuts every Jetstream connection. */
  dropConnections(): void {
    for (const ws of this.clients) ws.terminate();
    this.clients.clear();
  }

  get liveConnections(): number {
    return this.clients.size;
  }

  /** Refuses the next created records with an XRPC error until `acceptReplies()`. */
  refuseReplies(status: number, error: string, message: string): void {
    this.refusal = { status, error, message };
  }

  acceptReplies(): void {
    this.refusal = null;
  }

  async stop(): Promise<void> {
    this.dropConnections();
    this.wss?.close();
    this.server?.closeAllConnections();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = url.pathname.replace(/^\/xrpc\//, '');
    if (method === 'com.atproto.server.createSession') {
      const body = await readJson(req);
      const id = String(body.identifier ?? '');
      if ((id !== this.me.handle && id !== this.me.did) || body.password !== this.appPassword) {
        return sendJson(res, 401, { error: 'AuthenticationRequired', message: 'Invalid identifier or password' });
      }
      return sendJson(res, 200, { did: this.me.did, handle: this.me.handle, accessJwt: jwt(this.me.did), refreshJwt: jwt(this.me.did), active: true });
    }
    if (!(req.headers.authorization ?? '').startsWith('Bearer ')) return sendJson(res, 401, { error: 'AuthenticationRequired', message: 'Authentication Required' });
    if (method === 'app.bsky.actor.getProfiles') {
      this.profileLookups++;
      const profiles = url.searchParams.getAll('actors').flatMap((d) => {
        const u = this.users.get(d);
        return u ? [{ did: u.did, handle: u.handle, ...(u.displayName ? { displayName: u.displayName } : {}), followersCount: u.followersCount ?? 0, followsCount: 0, postsCount: 1 }] : [];
      });
      return sendJson(res, 200, { profiles });
    }
    if (method === 'com.atproto.repo.createRecord' && req.method === 'POST') {
      const body = await readJson(req);
      if (this.refusal) return sendJson(res, this.refusal.status, { error: this.refusal.error, message: this.refusal.message });
      const record = body.record as Record<string, any>;
      this.created.push({ repo: String(body.repo), collection: String(body.collection), record });
      const post = this.post(this.me.did, String(record.text ?? ''), {});
      return sendJson(res, 200, { uri: post.uri, cid: post.cid, validationStatus: 'valid' });
    }
    sendJson(res, 404, { error: 'MethodNotImplemented', message: `${method} is not implemented here` });
  }
}
