import type { Mention } from '@baton/engine';
import type { mastodon } from 'masto';
import { htmlText } from './htmlText.ts';
import type { SourceItem } from './sourceTypes.ts';

/** A Mastodon status as a mention: `mastodon:<status id>`, its author with followers, its thread. */
export function statusItem(status: mastodon.v1.Status, directedAtBrand: boolean): SourceItem {
  const a = status.account;
  // Not in the client's Account type, but some servers send it.
  const { verified } = a as { verified?: unknown };
  const text = htmlText(status.content || '') || htmlText(status.spoilerText || '');
  const mention: Mention = {
    id: `mastodon:${status.id}`,
    network: 'mastodon',
    author: {
      handle: `@${a.acct}`.slice(0, 256),
      ...(a.displayName ? { name: a.displayName.slice(0, 256) } : {}),
      ...(Number.isInteger(a.followersCount) && a.followersCount >= 0 ? { followers: a.followersCount } : {}),
      ...(typeof verified === 'boolean' ? { verified } : {}),
    },
    text: text.slice(0, 20_000),
    ...(status.url || status.uri ? { url: (status.url ?? status.uri).slice(0, 2048) } : {}),
    createdAt: new Date(status.createdAt).toISOString(),
    ...(status.inReplyToId ? { inReplyTo: `mastodon:${status.inReplyToId}` } : {}),
    ...(directedAtBrand ? { directedAtBrand: true } : {}),
    ...(status.language ? { lang: status.language.slice(0, 35) } : {}),
  };
  return { mention, ref: { networkId: status.id } };
}

/** Mastodon ids are numbers in text, longer than a double holds: compared by length, then text. */
export function newerId(a: string, b: string | undefined): boolean {
  if (b === undefined) return true;
  return a.length !== b.length ? a.length > b.length : a > b;
}

/** Snake-case keys (a streaming payload) as the camelCase entities the REST client gives. */
export function camelKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()), camelKeys(v)]));
}
