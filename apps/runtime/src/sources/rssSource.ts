import { createHash } from 'node:crypto';
import { parseDuration, type Mention, type RssSettings } from '@baton/engine';
import { parseFeed } from '@rowanmanning/feed-parser';
import { guardedFetch } from './guardedFetch.ts';
import { htmlText } from './htmlText.ts';
import type { SourceContext, SourceItem } from './sourceTypes.ts';

/** How many item ids a feed source remembers (a feed rarely lists more than a few hundred). */
const SEEN_LIMIT = 2000;
/** Longest text kept of one item. */
const TEXT_LIMIT = 20_000;

/** Where a feed resumes: its validators, and the ids of the items already read (a plain JSON object, saved as the source's cursor). */
type FeedCursor = {
  etag?: string;
  lastModified?: string;
  seen: string[];
};

/**
 * The mention id of a feed item: `rss:<guid>` (else `rss:<link>`) when that is a valid mention id;
 * otherwise `rss:` and a hash of the guid, since some guids are long or carry other characters.
 */
export function rssMentionId(key: string): string {
  const id = `rss:${key}`;
  return /^[A-Za-z0-9_.:/-]{1,256}$/.test(id) ? id : `rss:sha256:${createHash('sha256').update(key).digest('hex').slice(0, 40)}`;
}

/**
 * Polls an RSS 2.0 or Atom feed every `every` (default five minutes) with a conditional GET
 * (ETag / Last-Modified). Every item not seen before (by guid, else link) becomes a mention,
 * including those already in the feed when the source is added.
 */
export async function rssSource(ctx: SourceContext): Promise<void> {
  const settings = ctx.settings as RssSettings;
  const every = parseDuration(settings.every ?? 'PT5M') ?? 300_000;
  const saved = ctx.cursor as Partial<FeedCursor> | null;
  let cursor: FeedCursor = { ...(saved ?? {}), seen: saved?.seen ?? [] };
  while (!ctx.signal.aborted) {
    const headers: Record<string, string> = { accept: 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1' };
    if (cursor.etag) headers['if-none-match'] = cursor.etag;
    if (cursor.lastModified) headers['if-modified-since'] = cursor.lastModified;
    const res = await guardedFetch(ctx, settings.url, { headers });
    if (res.status !== 304) {
      if (!res.ok) throw new Error(`the feed answered HTTP ${res.status}`);
      const feed = parseFeed(await res.text());
      const seen = new Set(cursor.seen);
      const items: SourceItem[] = [];
      // Feeds list the newest first: ingest the oldest first, as they were written.
      for (const item of [...feed.items].reverse()) {
        const key = item.id ?? item.url;
        if (!key) continue;
        const id = rssMentionId(key);
        if (seen.has(id)) continue;
        seen.add(id);
        items.push({ mention: feedMention(id, item, feed.title, settings) });
      }
      const etag = res.headers.get('etag');
      const lastModified = res.headers.get('last-modified');
      const next: FeedCursor = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}), seen: [...seen].slice(-SEEN_LIMIT) };
      await ctx.commit(items, next);
      cursor = next;
    }
    ctx.healthy();
    await ctx.sleep(every);
  }
}

type FeedItem = ReturnType<typeof parseFeed>['items'][number];

function feedMention(id: string, item: FeedItem, feedTitle: string | null, settings: RssSettings): Mention {
  const author = item.authors[0];
  const who = author?.name ?? author?.email ?? feedTitle ?? new URL(settings.url).hostname;
  const body = htmlText(item.content ?? item.description ?? '');
  const text = [item.title?.trim(), body].filter(Boolean).join('\n\n').slice(0, TEXT_LIMIT);
  const at = item.published ?? item.updated;
  return {
    id,
    network: settings.network ?? 'blog',
    author: { handle: who.slice(0, 256), ...(author?.name ? { name: author.name.slice(0, 256) } : {}) },
    text,
    ...(item.url ? { url: item.url.slice(0, 2048) } : {}),
    createdAt: (at && !Number.isNaN(at.getTime()) ? at : new Date()).toISOString(),
  };
}
