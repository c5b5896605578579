import type { MastodonSettings } from '@baton/engine';
import { createRestAPIClient, type mastodon } from 'masto';
import WebSocket from 'ws';
import { camelKeys, newerId, statusItem } from './mastodonStatus.ts';
import { PendingBatch } from './PendingBatch.ts';
import type { SourceContext } from './sourceTypes.ts';

/** When the REST sweeps run while the stream is live. */
const SWEEP_FIRST_MS = 1000;
const SWEEP_EVERY_MS = 60_000;

/** Most statuses one catch-up reads per timeline (40 a page). */
const CATCH_UP_PAGES = 25;

/** A timeline the source follows: the account's mentions, a hashtag, or the public one for keywords. */
type Feed = { key: string; kind: 'notifications' } | { key: string; kind: 'tag'; tag: string } | { key: string; kind: 'public' };

/** A status read from a timeline; `seq` orders that timeline (a notification's id for mentions, else the status id). */
interface Live {
  feed: string;
  seq: string;
  status: mastodon.v1.Status;
}

function feedsOf(s: MastodonSettings): Feed[] {
  const feeds: Feed[] = [{ key: 'notifications', kind: 'notifications' }];
  for (const raw of s.hashtags ?? []) {
    const tag = raw.replace(/^#/, '').toLowerCase();
    feeds.push({ key: `tag:${tag}`, kind: 'tag', tag });
  }
  if (s.keywords?.length) feeds.push({ key: 'public', kind: 'public' });
  return feeds;
}

/** A REST client over the source's account, for reading and for posting replies. */
export function mastodonClient(instance: string, accessToken: string): mastodon.rest.Client {
  return createRestAPIClient({ url: instance, accessToken, timeout: 30_000 });
}

/**
 * Reads a Mastodon account's mentions (notifications) and the listed hashtags and keywords, live
 * over the streaming API. On every (re)connect it first catches up over REST from the last status
 * id it committed per timeline, so a disconnect or restart loses nothing; what both deliver is one
 * post (dedupe by id).
 *
 * The streaming connection is opened with `ws` rather than masto's streaming client, which
 * reconnects by itself without telling its caller: the REST catch-up must run after every gap.
 */
export async function mastodonSource(ctx: SourceContext): Promise<void> {
  const s = ctx.settings as MastodonSettings;
  const token = ctx.secrets?.accessToken;
  if (!token) throw new Error('the source has no access token');
  await ctx.guard(s.instance);
  const rest = mastodonClient(s.instance, token);
  const me = await rest.v1.accounts.verifyCredentials();
  const keywords = (s.keywords ?? []).map((k) => k.toLowerCase());
  const feeds = feedsOf(s);
  const cursor: Record<string, string> = { ...(ctx.cursor as Record<string, string> | null) };

  let streamUrl = s.instance;
  try {
    const info = await rest.v2.instance.fetch();
    if (info.configuration?.urls?.streaming) streamUrl = info.configuration.urls.streaming;
  } catch {
    // older servers: streaming on the instance's own host
  }
  const wsUrl = new URL('/api/v1/streaming', streamUrl.replace(/^http/, 'ws'));
  await ctx.guard(wsUrl.toString().replace(/^ws/, 'http'));

  let fail: (e: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  const pending = new PendingBatch<Live>(ctx, async (raw) => raw.map((l) => statusItem(l.status, l.feed === 'notifications')), () => ({ ...cursor }), (e) => fail(e));

  /** Takes a status of a timeline if it is newer than what that timeline committed. */
  const accept = (live: Live): void => {
    const { feed, seq, status } = live;
    if (!newerId(seq, cursor[feed])) return;
    cursor[feed] = seq;
    const ours = status.account?.id === me.id; // e.g. replies Baton sent
    if (ours || (feed === 'public' && !keywords.some((k) => `${status.content} ${status.spoilerText}`.toLowerCase().includes(k)))) {
      pending.moved();
      return;
    }
    pending.add(live);
  };

  const ws = new WebSocket(wsUrl, { headers: { authorization: `Bearer ${token}` }, handshakeTimeout: 30_000 });
  const closed = new Promise<void>((done) => ws.once('close', () => done()));
  const onAbort = () => ws.close();
  ctx.signal.addEventListener('abort', onAbort);
  const buffered: Live[] = [];
  let caughtUp = false;
  ws.on('message', (data) => {
    const live = parseEvent(String(data));
    if (!live) return;
    if (caughtUp) accept(live);
    else buffered.push(live);
  });
  ws.on('error', (e) => fail(e));
  try {
    await Promise.race([new Promise<void>((ok, ko) => { ws.once('open', () => ok()); ws.once('error', ko); }), failed]);
    for (const f of feeds) {
      ws.send(JSON.stringify(f.kind === 'notifications' ? { type: 'subscribe', stream: 'user:notification' } : f.kind === 'tag' ? { type: 'subscribe', stream: 'hashtag', tag: f.tag } : { type: 'subscribe', stream: 'public' }));
    }
    // Catch up over REST, oldest first, then take what the stream delivered meanwhile.
    for (const f of feeds) {
      for (const live of await catchUp(rest, f, cursor[f.key])) accept(live);
    }
    await Promise.race([pending.settle(), failed]);
    caughtUp = true;
    for (const b of buffered.splice(0)) accept(b);
    ctx.healthy();
    // A sweep over REST shortly after going live and then every minute: it closes the gap between
    // the catch-up and the server taking the subscriptions, and any event a stream let slip.
    let sweeping = true;
    const sweep = (async () => {
      for (let wait = SWEEP_FIRST_MS; sweeping; wait = SWEEP_EVERY_MS) {
        await Promise.race([new Promise((r) => setTimeout(r, wait).unref()), closed]);
        if (!sweeping || ctx.signal.aborted) return;
        for (const f of feeds) for (const live of await catchUp(rest, f, cursor[f.key])) accept(live);
      }
    })();
    sweep.catch((e: unknown) => fail(e));
    await Promise.race([closed, failed]);
    sweeping = false;
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    ws.removeAllListeners('message');
    ws.on('error', () => {});
    ws.terminate();
  }
  await pending.settle();
}

/** One streaming message as a status of a timeline, or null for anything else. */
function parseEvent(text: string): Live | null {
  let msg: { stream?: string[]; event?: string; payload?: string };
  try {
    msg = JSON.parse(text) as typeof msg;
  } catch {
    return null;
  }
  if (!msg.payload || !Array.isArray(msg.stream)) return null;
  let payload: unknown;
  try {
    payload = camelKeys(JSON.parse(msg.payload));
  } catch {
    return null;
  }
  const [stream, tag] = msg.stream;
  if (msg.event === 'notification') {
    const n = payload as mastodon.v1.Notification;
    return n.type === 'mention' && n.status ? { feed: 'notifications', seq: String(n.id), status: n.status } : null;
  }
  if (msg.event !== 'update') return null;
  const status = payload as mastodon.v1.Status;
  if (stream === 'hashtag' && tag) return { feed: `tag:${tag.toLowerCase()}`, seq: String(status.id), status };
  if (stream === 'public') return { feed: 'public', seq: String(status.id), status };
  return null;
}

/** The statuses of a timeline newer than `since`, oldest first (with no cursor: its latest page). */
async function catchUp(rest: mastodon.rest.Client, feed: Feed, since: string | undefined): Promise<Live[]> {
  const page = async (minId: string | undefined): Promise<{ seqs: string[]; live: Live[] }> => {
    const params = { limit: 40, ...(minId ? { minId } : {}) };
    if (feed.kind === 'notifications') {
      const ns = await rest.v1.notifications.list({ ...params, types: ['mention'] });
      return {
        seqs: ns.map((n) => String(n.id)),
        live: ns.flatMap((n) => (n.type === 'mention' && n.status ? [{ feed: feed.key, seq: String(n.id), status: n.status }] : [])),
      };
    }
    const statuses = feed.kind === 'tag' ? await rest.v1.timelines.tag.$select(feed.tag).list(params) : await rest.v1.timelines.public.list(params);
    return { seqs: statuses.map((x) => String(x.id)), live: statuses.map((status) => ({ feed: feed.key, seq: String(status.id), status })) };
  };
  const all: Live[] = [];
  let minId = since;
  for (let i = 0; i < CATCH_UP_PAGES; i++) {
    const got = await page(minId);
    all.push(...got.live);
    if (!since || got.seqs.length < 40) break;
    minId = got.seqs.reduce((a, b) => (newerId(b, a) ? b : a));
  }
  return all.sort((a, b) => (newerId(a.seq, b.seq) ? 1 : -1));
}

