import { checkSourceInput, type SourceKind } from '@baton/engine';
import type { NewSource } from '../api/sources.ts';

/** What the Add source form holds, as typed. */
export interface SourceDraft {
  kind: SourceKind;
  name: string;
  brand: string;
  url: string;
  every: string;
  network: 'blog' | 'review' | 'forum' | 'other';
  instance: string;
  hashtags: string;
  keywords: string;
  handle: string;
  service: string;
  jetstream: string;
  secret: string;
}

/** An empty form for a kind. */
export function emptyDraft(kind: SourceKind = 'rss'): SourceDraft {
  return { kind, name: '', brand: '', url: '', every: 'PT5M', network: 'blog', instance: '', hashtags: '', keywords: '', handle: '', service: '', jetstream: '', secret: '' };
}

/** The kinds in plain words. */
export const KIND_LABELS: Record<SourceKind, string> = { rss: 'RSS or Atom feed', mastodon: 'Mastodon', bluesky: 'Bluesky' };

const list = (text: string) => text.split(/[,\n]/).map((s) => s.trim()).filter(Boolean);

/**
 * The request for a draft, or the problems to show (checked with the same schema the runtime uses).
 * @example sourceRequest({ ...emptyDraft('rss'), name: 'Reviews', url: 'https://example.org/feed' })
 */
export function sourceRequest(d: SourceDraft): { ok: true; source: NewSource } | { ok: false; problems: string[] } {
  const settings: Record<string, unknown> =
    d.kind === 'rss'
      ? { url: d.url.trim(), every: d.every, network: d.network }
      : d.kind === 'mastodon'
        ? { instance: d.instance.trim(), ...(list(d.hashtags).length ? { hashtags: list(d.hashtags) } : {}), ...(list(d.keywords).length ? { keywords: list(d.keywords) } : {}) }
        : {
            handle: d.handle.trim(), ...(d.service.trim() ? { service: d.service.trim() } : {}), ...(d.jetstream.trim() ? { jetstream: d.jetstream.trim() } : {}),
            ...(list(d.keywords).length ? { keywords: list(d.keywords) } : {}),
          };
  const secrets: Record<string, string> | undefined = d.kind === 'mastodon' ? { accessToken: d.secret } : d.kind === 'bluesky' ? { appPassword: d.secret } : undefined;
  const problems: string[] = [];
  if (!d.name.trim()) problems.push('Give the source a name.');
  const checked = checkSourceInput(d.kind, settings, secrets);
  if (!checked.ok) problems.push(...checked.problems.map(plain));
  if (problems.length) return { ok: false, problems };
  return { ok: true, source: { kind: d.kind, name: d.name.trim(), ...(d.brand.trim() ? { brand: d.brand.trim() } : {}), settings, ...(secrets ? { secrets } : {}) } };
}

const FIELD_NAMES: Record<string, string> = {
  'settings.url': 'Feed URL', 'settings.every': 'Check every', 'settings.instance': 'Instance URL', 'settings.hashtags': 'Hashtags',
  'settings.keywords': 'Keywords', 'settings.handle': 'Handle', 'settings.service': 'Service URL', 'settings.jetstream': 'Jetstream URL',
  'secrets.accessToken': 'Access token', 'secrets.appPassword': 'App password',
};

function plain(problem: string): string {
  const [path = '', ...rest] = problem.split(': ');
  const field = Object.entries(FIELD_NAMES).find(([k]) => path === k || path.startsWith(`${k}.`))?.[1];
  return field ? `${field}: ${rest.join(': ')}` : problem;
}
