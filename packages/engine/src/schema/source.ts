import { z } from 'zod';
import { brandSchema, durationSchema, parseDuration } from './common.ts';

/** Kinds of source Baton reads mentions from. */
export const SOURCE_KINDS = ['rss', 'mastodon', 'bluesky'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Where a source stands: reading, paused by a person, or failing (with `lastError`). */
export const SOURCE_STATES = ['running', 'paused', 'failing'] as const;
export type SourceState = (typeof SOURCE_STATES)[number];

const httpUrl = z.url({ protocol: /^https?$/, message: 'must be an http or https URL' }).max(2000);
const wsUrl = z.url({ protocol: /^wss?$/, message: 'must be a ws or wss URL' }).max(2000);
const words = z.array(z.string().trim().min(1).max(100)).max(50);

/** Shortest polling interval of a feed. */
export const MIN_FEED_EVERY_MS = 5000;

/** An RSS 2.0 or Atom feed, polled with a conditional GET. */
export const rssSettingsSchema = z.strictObject({
  url: httpUrl,
  every: durationSchema
    .refine((d) => (parseDuration(d) ?? 0) >= MIN_FEED_EVERY_MS, { message: 'must be PT5S or more' })
    .optional(),
  network: z.enum(['blog', 'review', 'forum', 'other']).optional(),
});
export type RssSettings = z.infer<typeof rssSettingsSchema>;

/** A Mastodon account: its notifications (mentions), plus hashtags and keywords, live. */
export const mastodonSettingsSchema = z.strictObject({
  instance: httpUrl,
  hashtags: z.array(z.string().trim().regex(/^#?[\p{L}\p{N}_]{1,100}$/u, 'must be a hashtag such as #outage')).max(50).optional(),
  keywords: words.optional(),
});
export type MastodonSettings = z.infer<typeof mastodonSettingsSchema>;

/** A Bluesky account: posts that mention its handle or contain the keywords, from Jetstream. */
export const blueskySettingsSchema = z.strictObject({
  service: httpUrl.optional(),
  jetstream: wsUrl.optional(),
  handle: z.string().trim().regex(/^@?[A-Za-z0-9.-]{1,253}$/, 'must be a handle such as acme.bsky.social'),
  keywords: words.optional(),
});
export type BlueskySettings = z.infer<typeof blueskySettingsSchema>;

/** Secrets a Mastodon source needs: the account's access token. */
export const mastodonSecretsSchema = z.strictObject({ accessToken: z.string().min(1).max(1000) });
/** Secrets a Bluesky source needs: an app password of the account. */
export const blueskySecretsSchema = z.strictObject({ appPassword: z.string().min(1).max(1000) });

/** The settings each kind takes. */
export const SOURCE_SETTINGS = { rss: rssSettingsSchema, mastodon: mastodonSettingsSchema, bluesky: blueskySettingsSchema } as const;
/** The secrets each kind needs (an RSS feed needs none). */
export const SOURCE_SECRETS = { rss: null, mastodon: mastodonSecretsSchema, bluesky: blueskySecretsSchema } as const;

/** A new source as an admin describes it; `settings` and `secrets` are checked per kind. */
export const sourceInputSchema = z.strictObject({
  kind: z.enum(SOURCE_KINDS),
  name: z.string().trim().min(1).max(200),
  brand: brandSchema.optional(),
  settings: z.record(z.string(), z.unknown()),
  secrets: z.record(z.string(), z.string()).optional(),
});
export type SourceInput = z.infer<typeof sourceInputSchema>;

/** What a source has read so far. */
export const sourceCountsSchema = z.object({
  mentions: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  errors: z.number().int().nonnegative(),
});

/** A source as `GET /api/sources` shows it (never its secrets). */
export const sourceViewSchema = z.object({
  id: z.string(),
  kind: z.enum(SOURCE_KINDS),
  name: z.string(),
  brand: z.string().nullable(),
  state: z.enum(SOURCE_STATES),
  lastMentionAt: z.string().nullable(),
  lastError: z.string().nullable(),
  counts: sourceCountsSchema,
  settings: z.record(z.string(), z.unknown()),
  hasSecrets: z.boolean(),
});
export type SourceView = z.infer<typeof sourceViewSchema>;

/**
 * Checks a source's settings and secrets against its kind; answers the parsed settings or the
 * problems as `path: message` lines.
 * @example
 * checkSourceInput('rss', { url: 'https://example.org/feed' }, undefined); // { ok: true, ... }
 */
export function checkSourceInput(
  kind: SourceKind,
  settings: unknown,
  secrets: Record<string, string> | undefined,
): { ok: true; settings: Record<string, unknown>; secrets: Record<string, string> | null } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const s = SOURCE_SETTINGS[kind].safeParse(settings);
  if (!s.success) problems.push(...s.error.issues.map((i) => `settings${i.path.length ? '.' + i.path.join('.') : ''}: ${i.message}`));
  const secretSchema = SOURCE_SECRETS[kind];
  let parsedSecrets: Record<string, string> | null = null;
  if (secretSchema) {
    const r = secretSchema.safeParse(secrets ?? {});
    if (!r.success) problems.push(...r.error.issues.map((i) => `secrets${i.path.length ? '.' + i.path.join('.') : ''}: ${i.message}`));
    else parsedSecrets = r.data;
  } else if (secrets && Object.keys(secrets).length) {
    problems.push(`secrets: a ${kind} source takes no secrets`);
  }
  if (problems.length || !s.success) return { ok: false, problems };
  return { ok: true, settings: s.data as Record<string, unknown>, secrets: parsedSecrets };
}
