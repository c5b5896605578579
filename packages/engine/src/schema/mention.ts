import { z } from 'zod';
import { brandSchema, isoTimeSchema } from './common.ts';

/** Networks a mention can come from. */
export const NETWORKS = [
  'twitter', 'facebook', 'instagram', 'linkedin', 'mastodon', 'bluesky',
  'blog', 'forum', 'review', 'email', 'other',
] as const;
export type Network = (typeof NETWORKS)[number];

/**
 * A mention's id: `<source>:<network id>`. Wider than other ids (`/` allowed, up to 256
 * characters) because a network's own id may be a URI: a Bluesky post is `bluesky:at://did:…/app.bsky.feed.post/…`.
 */
export const mentionIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:\/-]{1,256}$/, 'must be 1–256 characters of letters, digits, _ . : / -');

/** The author of a mention. */
export const authorSchema = z.object({
  handle: z.string().min(1).max(256),
  name: z.string().max(256).optional(),
  followers: z.number().int().min(0).optional(),
  verified: z.boolean().optional(),
});

/**
 * A post, reply, comment or review that names the organisation (docs/mentions.md).
 * `id` is unique per source: a second mention with the same id is a duplicate.
 */
export const mentionSchema = z.object({
  id: mentionIdSchema,
  network: z.enum(NETWORKS),
  author: authorSchema,
  text: z.string().max(20_000),
  url: z.string().max(2048).optional(),
  createdAt: isoTimeSchema,
  inReplyTo: mentionIdSchema.optional(),
  directedAtBrand: z.boolean().optional(),
  lang: z.string().min(1).max(35).optional(),
  sentiment: z.number().min(-1).max(1).optional(),
  /** The brand or account it concerns (docs/mentions.md); set by its source or ingest token when absent. */
  brand: brandSchema.optional(),
});
export type Mention = z.infer<typeof mentionSchema>;

/** A mention without its id: the template of a generated scenario batch. */
export const mentionTemplateSchema = mentionSchema.omit({ id: true }).extend({
  createdAt: isoTimeSchema.optional(),
});
export type MentionTemplate = z.infer<typeof mentionTemplateSchema>;
