import type { BlueskySettings, Mention } from '@baton/engine';
import { AtpAgent } from '@atproto/api';
import WebSocket from 'ws';
import { PendingBatch } from './PendingBatch.ts';
import type { SourceContext, SourceItem } from './sourceTypes.ts';

/** Where a Bluesky source signs in and reads, unless its settings say otherwise. */
export const DEFAULT_SERVICE = 'https://bsky.social';
export const DEFAULT_JETSTREAM = 'wss://jetstream2.us-east.bsky.network';

/** Most profiles one lookup asks for (the service's limit). */
const PROFILE_BATCH = 25;
/** Profile lookups in flight at once. */
const PROFILE_PARALLEL = 4;
/** Profiles kept in memory per source. */
const PROFILE_CACHE = 20_000;

/** A post record as Jetstream delivers it (only the fields Baton reads). */
interface PostRecord {
  text?: string;
  createdAt?: string;
  langs?: string[];
  reply?: { root?: { uri: string; cid: string }; parent?: { uri: string; cid: string } };
  facets?: { features?: { $type?: string; did?: string }[] }[];
}

/** One Jetstream event (`kind: "commit"` for a new post). */
interface JetstreamEvent {
  did: string;
  time_us: number;
  kind: string;
  commit?: { operation: string; collection: string; rkey: string; cid?: string; record?: PostRecord };
}

interface Profile {
  handle: string;
  name?: string;
  followers?: number;
}

/** Signs in to a Bluesky service with an app password (for reading profiles and posting replies). */
export async function blueskyAgent(service: string, handle: string, appPassword: string): Promise<AtpAgent> {
  const agent = new AtpAgent({ service });
  await agent.login({ identifier: handle.replace(/^@/, ''), password: appPassword });
  return agent;
}

/**
 * Reads posts that mention the account's handle or contain the keywords from Jetstream, resumed
 * from its cursor (the last committed event's `time_us`) after a disconnect or restart. Jetstream
 * names authors by DID: their handle, name and followers come from the service's profiles,
 * looked up in batches and cached; a DID stands in when a lookup fails.
 */
export async function blueskySource(ctx: SourceContext): Promise<void> {
  const s = ctx.settings as BlueskySettings;
  const password = ctx.secrets?.appPassword;
  if (!password) throw new Error('the source has no app password');
  const service = s.service ?? DEFAULT_SERVICE;
  const jetstream = s.jetstream ?? DEFAULT_JETSTREAM;
  await ctx.guard(service);
  await ctx.guard(jetstream.replace(/^ws/, 'http'));
  const agent = await blueskyAgent(service, s.handle, password);
  const myDid = agent.session?.did ?? '';
  const myHandle = s.handle.replace(/^@/, '').toLowerCase();
  const keywords = (s.keywords ?? []).map((k) => k.toLowerCase());
  const profiles = new Map<string, Profile>();
  let timeUs = Number((ctx.cursor as { timeUs?: number } | null)?.timeUs ?? 0) || 0;

  const resolve = async (dids: string[]): Promise<void> => {
    const missing = [...new Set(dids)].filter((d) => !profiles.has(d));
    const chunks: string[][] = [];
    for (let i = 0; i < missing.length; i += PROFILE_BATCH) chunks.push(missing.slice(i, i + PROFILE_BATCH));
    // A few lookups at once: a burst of new authors should not wait for one round trip after another.
    for (let i = 0; i < chunks.length; i += PROFILE_PARALLEL) await Promise.all(chunks.slice(i, i + PROFILE_PARALLEL).map(lookup));
    if (profiles.size > PROFILE_CACHE) for (const k of [...profiles.keys()].slice(0, profiles.size - PROFILE_CACHE)) profiles.delete(k);
  };
  const lookup = async (chunk: string[]): Promise<void> => {
    try {
      const res = await agent.getProfiles({ actors: chunk });
      for (const p of res.data.profiles) {
        profiles.set(p.did, { handle: `@${p.handle}`, ...(p.displayName ? { name: p.displayName } : {}), ...(typeof p.followersCount === 'number' ? { followers: p.followersCount } : {}) });
      }
      // The service does not know them (deleted, taken down): the DID stands in, without asking again.
      for (const did of chunk) if (!profiles.has(did)) profiles.set(did, { handle: did });
    } catch (error) {
      ctx.log.error({ msg: 'bluesky profiles lookup failed; authors shown by DID', source: ctx.id, error: String(error) });
    }
  };
  const build = async (events: JetstreamEvent[]): Promise<SourceItem[]> => {
    await resolve(events.map((e) => e.did));
    return events.map((e) => postItem(e, profiles.get(e.did), myDid));
  };

  let fail: (e: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (fail = reject));
  failed.catch(() => {});
  const pending = new PendingBatch<JetstreamEvent>(ctx, build, () => ({ timeUs }), (e) => fail(e));

  const url = new URL('/subscribe', jetstream);
  url.searchParams.append('wantedCollections', 'app.bsky.feed.post');
  if (timeUs) url.searchParams.set('cursor', String(timeUs));
  const ws = new WebSocket(url, { handshakeTimeout: 30_000 });
  const closed = new Promise<void>((done) => ws.once('close', () => done()));
  const onAbort = () => ws.close();
  ctx.signal.addEventListener('abort', onAbort);
  ws.on('message', (data) => {
    let e: JetstreamEvent;
    try {
      e = JSON.parse(String(data)) as JetstreamEvent;
    } catch {
      return;
    }
    if (typeof e.time_us !== 'number' || e.time_us < timeUs) return; // equal: a replay of the last one, or its twin (dedupe by id decides)
    timeUs = e.time_us;
    const c = e.commit;
    if (e.kind === 'commit' && c?.operation === 'create' && c.collection === 'app.bsky.feed.post' && c.record && e.did !== myDid && matches(c.record, myDid, myHandle, keywords)) {
      pending.add(e);
    } else {
      pending.moved();
    }
  });
  ws.on('error', (e) => fail(e));
  try {
    await Promise.race([new Promise<void>((ok, ko) => { ws.once('open', () => ok()); ws.once('error', ko); }), failed]);
    ctx.healthy();
    await Promise.race([closed, failed]);
  } finally {
    ctx.signal.removeEventListener('abort', onAbort);
    ws.removeAllListeners('message');
    ws.on('error', () => {});
    ws.terminate();
  }
  await pending.settle();
}

/** Whether a post mentions the account (a mention facet or its @handle) or contains a keyword. */
function matches(record: PostRecord, myDid: string, myHandle: string, keywords: string[]): boolean {
  if (mentionsDid(record, myDid)) return true;
  const text = (record.text ?? '').toLowerCase();
  return (myHandle !== '' && text.includes(`@${myHandle}`)) || keywords.some((k) => text.includes(k));
}

function mentionsDid(record: PostRecord, did: string): boolean {
  return !!did && (record.facets ?? []).some((f) => (f.features ?? []).some((x) => x.$type === 'app.bsky.richtext.facet#mention' && x.did === did));
}

/** A Jetstream post as a mention: `bluesky:<at:// uri>`, its author, its thread, and what a reply needs. */
export function postItem(e: JetstreamEvent, profile: Profile | undefined, myDid: string): SourceItem {
  const c = e.commit!;
  const record = c.record!;
  const uri = `at://${e.did}/${c.collection}/${c.rkey}`;
  const created = record.createdAt ? new Date(record.createdAt) : null;
  const mention: Mention = {
    id: `bluesky:${uri}`,
    network: 'bluesky',
    author: profile
      ? { handle: profile.handle.slice(0, 256), ...(profile.name ? { name: profile.name.slice(0, 256) } : {}), ...(profile.followers !== undefined ? { followers: profile.followers } : {}) }
      : { handle: e.did.slice(0, 256) },
    text: (record.text ?? '').slice(0, 20_000),
    url: `https://bsky.app/profile/${e.did}/post/${c.rkey}`,
    createdAt: (created && !Number.isNaN(created.getTime()) ? created : new Date(Math.floor(e.time_us / 1000))).toISOString(),
    ...(record.reply?.parent?.uri ? { inReplyTo: `bluesky:${record.reply.parent.uri}` } : {}),
    ...(mentionsDid(record, myDid) ? { directedAtBrand: true } : {}),
    ...(record.langs?.[0] ? { lang: record.langs[0].slice(0, 35) } : {}),
  };
  const root = record.reply?.root;
  return { mention, ref: { networkId: uri, ...(c.cid ? { cid: c.cid } : {}), rootUri: root?.uri ?? uri, ...(root?.cid ?? c.cid ? { rootCid: root?.cid ?? c.cid } : {}) } };
}
