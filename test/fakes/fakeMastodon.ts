import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { readJson, sendJson } from './httpJson.ts';

/** Someone who posts on the fake instance. */
export interface FakeAccount {
  id: string;
  username: string;
  acct: string;
  display_name: string;
  followers_count: number;
}

interface Status {
  id: string;
  created_at: string;
  in_reply_to_id: string | null;
  content: string;
  spoiler_text: string;
  language: string;
  url: string;
  uri: string;
  visibility: string;
  tags: { name: string }[];
  account: FakeAccount;
}

interface Notification {
  id: string;
  type: 'mention';
  created_at: string;
  account: FakeAccount;
  status: Status;
}

interface Client {
  ws: WebSocket;
  streams: Set<string>;
}

/**
 * A small Mastodon stand-in for tests: the REST endpoints a source and a reply use
 * (verify_credentials, v2 instance, notifications, tag and public timelines, POST statuses) and the
 * streaming API (`/api/v1/streaming`, multiplexed subscribe messages), on 127.0.0.1. `post` makes
 * a status as someone and streams it to subscribers; `dropConnections` cuts every stream.
 */
export class FakeMastodon {
  readonly statuses: Status[] = [];
  readonly notifications: Notification[] = [];
  /** Replies posted through the API: what Baton sent. */
  readonly posted: { status: string; in_reply_to_id: string | null; token: string; visibility: string }[] = [];
  /** Streaming connections opened so far. */
  connections = 0;
  private nextId = 110_000_000_000_000_000n;
  private nextNotification = 1000;
  private readonly clients = new Set<Client>();
  private refusal: { status: number; error: string } | null = null;
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  url = '';
  readonly me: FakeAccount = { id: '1', username: 'acme', acct: 'acme', display_name: 'Acme Support', followers_count: 5000 };

  constructor(readonly accessToken = 'mastodon-token-for-tests') {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const token = (req.headers.authorization ?? '').replace(/^Bearer /, '') || url.searchParams.get('access_token');
      if (url.pathname !== '/api/v1/streaming' || token !== this.accessToken) {
        socket.end('HTTP/1.1 401 Unauthorized\r\n\r\n');
        return;
      }
      this.wss!.handleUpgrade(req, socket, head, (ws) => {
        this.connections++;
        const client: Client = { ws, streams: new Set() };
        const first = url.searchParams.get('stream');
        if (first) client.streams.add(first === 'hashtag' ? `hashtag:${url.searchParams.get('tag')?.toLowerCase()}` : first);
        this.clients.add(client);
        ws.on('message', (data) => {
          const m = JSON.parse(String(data)) as { type: string; stream: string; tag?: string };
          if (m.type === 'subscribe') client.streams.add(m.stream === 'hashtag' ? `hashtag:${m.tag?.toLowerCase()}` : m.stream);
        });
        ws.on('close', () => this.clients.delete(client));
      });
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', () => ok()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /**
   * Posts a status as `author`: a mention of the account (`mention: true`, shows up in its
   * notifications), with hashtags, in reply to an earlier status. Streams it live to subscribers.
   */
  post(author: Omit<FakeAccount, 'id' | 'username'> & { id?: string }, text: string, opts: { mention?: boolean; tags?: string[]; inReplyTo?: string; visibility?: 'public' | 'unlisted' | 'private' | 'direct' } = {}): string {
    const id = String(this.nextId++);
    const account: FakeAccount = { id: author.id ?? `a-${author.acct}`, username: author.acct.split('@')[0]!, ...author };
    const tags = (opts.tags ?? []).map((t) => t.toLowerCase());
    const content = `<p>${opts.mention ? '<span class="h-card"><a href="https://x/@acme" class="u-url mention">@<span>acme</span></a></span> ' : ''}${escapeHtml(text)}${tags.map((t) => ` <a href="https://x/tags/${t}" class="mention hashtag">#<span>${t}</span></a>`).join('')}</p>`;
    const status: Status = {
      id, created_at: new Date().toISOString(), in_reply_to_id: opts.inReplyTo ?? null, content, spoiler_text: '', language: 'en',
      url: `${this.url}/@${account.acct}/${id}`, uri: `${this.url}/users/${account.acct}/statuses/${id}`, visibility: opts.visibility ?? 'public', tags: tags.map((name) => ({ name })), account,
    };
    this.statuses.push(status);
    this.broadcast('public', 'update', status);
    for (const t of tags) this.broadcast(`hashtag:${t}`, 'update', status, ['hashtag', t]);
    if (opts.mention) {
      const n: Notification = { id: String(this.nextNotification++), type: 'mention', created_at: status.created_at, account, status };
      this.notifications.push(n);
      this.broadcast('user:notification', 'notification', n, ['user:notification']);
    }
    return id;
  }

  /** Cuts every streaming connection (as a network blip or a server restart would). */
  dropConnections(): void {
    for (const c of this.clients) c.ws.terminate();
    this.clients.clear();
  }

  /** Live streaming connections. */
  get liveConnections(): number {
    return this.clients.size;
  }

  /** Refuses the next replies with `status` and Mastodon's error text, until `acceptReplies()`. */
  refuseReplies(status: number, error: string): void {
    this.refusal = { status, error };
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

  private broadcast(stream: string, event: string, payload: unknown, name: string[] = [stream]): void {
    const text = JSON.stringify({ stream: name, event, payload: JSON.stringify(payload) });
    for (const c of this.clients) if (c.streams.has(stream)) c.ws.send(text);
  }

  private async handle(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const token = (req.headers.authorization ?? '').replace(/^Bearer /, '');
    const path = url.pathname;
    if (path === '/api/v2/instance') return sendJson(res, 200, { domain: '127.0.0.1', title: 'Fake', version: '4.3.0', configuration: { urls: { streaming: this.url.replace(/^http/, 'ws') } } });
    if (token !== this.accessToken) return sendJson(res, 401, { error: 'The access token is invalid' });
    if (path === '/api/v1/accounts/verify_credentials') return sendJson(res, 200, { ...this.me, display_name: this.me.display_name, locked: false, bot: false, created_at: '2020-01-01T00:00:00Z', note: '', url: `${this.url}/@acme`, avatar: '', header: '', following_count: 1, statuses_count: 1, emojis: [], fields: [] });
    if (req.method === 'GET' && path === '/api/v1/notifications') {
      const types = [...url.searchParams.getAll('types[]'), ...url.searchParams.getAll('types')];
      const list = this.notifications.filter((n) => !types.length || types.includes(n.type));
      return sendJson(res, 200, page(list, url.searchParams));
    }
    const tag = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(path);
    if (req.method === 'GET' && tag) {
      const name = decodeURIComponent(tag[1]!).toLowerCase();
      return sendJson(res, 200, page(this.statuses.filter((s) => s.tags.some((t) => t.name === name)), url.searchParams));
    }
    if (req.method === 'GET' && path === '/api/v1/timelines/public') return sendJson(res, 200, page(this.statuses, url.searchParams));
    const one = /^\/api\/v1\/statuses\/(\d+)$/.exec(path);
    if (req.method === 'GET' && one) {
      const found = this.statuses.find((x) => x.id === one[1]);
      return found ? sendJson(res, 200, found) : sendJson(res, 404, { error: 'Record not found' });
    }
    if (req.method === 'POST' && path === '/api/v1/statuses') {
      const body = await readJson(req);
      const text = String(body.status ?? '');
      const inReplyTo = body.in_reply_to_id ? String(body.in_reply_to_id) : null;
      if (this.refusal) return sendJson(res, this.refusal.status, { error: this.refusal.error });
      if (inReplyTo && !this.statuses.some((s) => s.id === inReplyTo)) return sendJson(res, 404, { error: 'Record not found' });
      const visibility = (['public', 'unlisted', 'private', 'direct'] as const).find((v) => v === body.visibility) ?? 'public';
      this.posted.push({ status: text, in_reply_to_id: inReplyTo, token, visibility });
      const id = this.post({ ...this.me }, text, { ...(inReplyTo ? { inReplyTo } : {}), visibility });
      return sendJson(res, 200, this.statuses.find((s) => s.id === id));
    }
    sendJson(res, 404, { error: 'Not found' });
  }
}

/** Mastodon's paging: `min_id` gives the next `limit` just after it, `since_id` the newest after it; newest first. */
function page<T extends { id: string }>(all: T[], q: URLSearchParams): T[] {
  const limit = Math.min(80, Number(q.get('limit') ?? 20));
  const newer = (a: string, b: string) => BigInt(a) > BigInt(b);
  const minId = q.get('min_id');
  const sinceId = q.get('since_id');
  if (minId) return all.filter((x) => newer(x.id, minId)).slice(0, limit).reverse();
  const list = sinceId ? all.filter((x) => newer(x.id, sinceId)) : all;
  return list.slice(-limit).reverse();
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
