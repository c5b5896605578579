import type { BlueskySettings, MastodonSettings } from '@baton/engine';
import { eq } from 'drizzle-orm';
import { mentions, sourcePosts, sources } from '../db/schema.ts';
import { WebhookRefused } from '../outbox/webhookGuard.ts';
import type { Runtime } from '../Runtime.ts';
import { blueskyAgent, DEFAULT_SERVICE } from './blueskySource.ts';
import { readNetworkError } from './httpError.ts';
import { mastodonClient } from './mastodonSource.ts';
import { sourcesOf } from './SourceManager.ts';

/** What the network answered for a reply Baton posted. */
export interface PostedReply {
  /** The network's id of the new post (a Mastodon status id, a Bluesky `at://` URI). */
  networkId: string;
  /** Where people can read it, when the network says. */
  url: string | null;
  /** The text as posted, when Baton added to what the holder wrote (the customer's handle on Mastodon). */
  text?: string;
}

/**
 * On Mastodon a reply reaches its author only if it mentions them (the network's own apps add the
 * handle; its API does not): `text` with the author's `@acct` in front unless it already names them.
 */
export function addressed(text: string, handle: string | undefined): string {
  if (!handle || !/^@[^\s@]+(@[^\s@]+)?$/.test(handle)) return text;
  const escaped = handle.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  if (new RegExp(`(^|[^\\w@])${escaped}(?![\\w@.-]*[\\w])`, 'i').test(text)) return text;
  return `${handle} ${text}`;
}

/** A reply the network refused, or that no source can post; `message` is shown to the holder. */
export class ReplyRefused extends Error {
  constructor(message: string, readonly retryable = false) {
    super(message);
    this.name = 'ReplyRefused';
  }
}

/** The post a mention came from and the source that read it, if Baton can post in its thread. */
function target(rt: Runtime, mentionId: string) {
  const post = rt.db.select().from(sourcePosts).where(eq(sourcePosts.mentionId, mentionId)).get();
  if (!post) return null;
  const source = rt.db.select().from(sources).where(eq(sources.id, post.sourceId)).get();
  if (!source || (source.kind !== 'mastodon' && source.kind !== 'bluesky') || !source.secrets) return null;
  return { post, source };
}

/**
 * Whether Baton can post a reply to this mention itself: it came from a source of a network Baton
 * posts to (Mastodon, Bluesky) that holds an account's secret. Otherwise the holder answers
 * elsewhere and records it (`sentElsewhere`).
 */
export function canPostReply(rt: Runtime, mentionId: string): boolean {
  return target(rt, mentionId) !== null;
}

/** The visibility of a Mastodon reply: the customer's post's when narrower than public (direct, followers only, unlisted). */
export function replyVisibility(original: string | undefined): 'public' | 'unlisted' | 'private' | 'direct' {
  return original === 'direct' || original === 'private' || original === 'unlisted' ? original : 'public';
}

/** A network's answer that means "try again later" (rate limits, outages, timeouts). */
function retryable(status: number | undefined): boolean {
  return status === undefined || status === 408 || status === 429 || status >= 500;
}

function statusOf(error: unknown): number | undefined {
  const e = error as { statusCode?: unknown; status?: unknown };
  return typeof e.statusCode === 'number' ? e.statusCode : typeof e.status === 'number' ? e.status : undefined;
}

function reason(error: unknown): string {
  const e = error as { message?: unknown; description?: unknown };
  const text = [e.message, e.description].filter((x) => typeof x === 'string' && x).join(': ');
  return text || String(error);
}

/**
 * Posts `text` as a reply in the thread of mention `mentionId`, over the account of the source that
 * read it: on Mastodon a status with `in_reply_to_id`, on Bluesky a post whose `reply` names the
 * thread's root and the parent (uri and cid). Throws {@link ReplyRefused} with the reason when it
 * cannot; `retryable` when the network may take it later (429, 5xx, no answer).
 */
export async function postReply(rt: Runtime, args: { mentionId: string; text: string }): Promise<PostedReply> {
  const found = target(rt, args.mentionId);
  if (!found) throw new ReplyRefused(`No source can post a reply to ${args.mentionId}`);
  const { post, source } = found;
  const manager = sourcesOf(rt);
  let secrets: Record<string, string> | null;
  try {
    secrets = manager.secretsOf(source);
  } catch (error) {
    throw new ReplyRefused(`The source's secret cannot be read: ${reason(error)}`);
  }
  try {
    if (source.kind === 'mastodon') {
      const s = source.settings as MastodonSettings;
      const token = secrets?.accessToken;
      if (!token) throw new ReplyRefused('The Mastodon source has no access token');
      await manager.guard(s.instance, { sourceId: source.id, purpose: 'reply' });
      const doc = rt.db.select({ document: mentions.document }).from(mentions).where(eq(mentions.id, args.mentionId)).get()?.document as { author?: { handle?: string } } | undefined;
      const text = addressed(args.text, doc?.author?.handle);
      const client = mastodonClient(s.instance, token);
      // Never wider than the customer's post: a reply to a direct message stays direct.
      const original = await client.v1.statuses.$select(post.networkId).fetch();
      const status = await client.v1.statuses.create({ status: text, inReplyToId: post.networkId, visibility: replyVisibility(original.visibility) });
      return { networkId: status.id, url: status.url ?? status.uri ?? null, ...(text !== args.text ? { text } : {}) };
    }
    const s = source.settings as BlueskySettings;
    const password = secrets?.appPassword;
    if (!password) throw new ReplyRefused('The Bluesky source has no app password');
    if (!post.cid) throw new ReplyRefused('Baton does not know this Bluesky post well enough to reply (no cid)');
    const service = s.service ?? DEFAULT_SERVICE;
    await manager.guard(service, { sourceId: source.id, purpose: 'reply' });
    const agent = await blueskyAgent(service, s.handle, password);
    const parent = { uri: post.networkId, cid: post.cid };
    const root = post.rootUri && post.rootCid ? { uri: post.rootUri, cid: post.rootCid } : parent;
    const res = await agent.post({ text: args.text, reply: { root, parent } });
    const [, did, , rkey] = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(res.uri) ?? [];
    return { networkId: res.uri, url: did && rkey ? `https://bsky.app/profile/${did}/post/${rkey}` : null };
  } catch (thrown) {
    const error = await readNetworkError(thrown);
    if (error instanceof ReplyRefused) throw error;
    if (error instanceof WebhookRefused) throw new ReplyRefused(`Baton will not call that server: ${error.message}`);
    const status = statusOf(error);
    throw new ReplyRefused(`${source.kind === 'mastodon' ? 'Mastodon' : 'Bluesky'} refused the reply${status ? ` (HTTP ${status})` : ''}: ${reason(error)}`, retryable(status));
  }
}
