import { z } from 'zod';
import { NETWORKS } from './mention.ts';

/** Ways a conversation moves off the public network (an offline contact on a case). */
export const CONTACT_KINDS = ['phone', 'email', 'meeting', 'dm'] as const;
/** One of {@link CONTACT_KINDS}. */
export type ContactKind = (typeof CONTACT_KINDS)[number];

/**
 * A handle as Baton compares it: without its leading `@`, ASCII letters lower-cased (`@Ana` and
 * `ana` are one person) — as SQLite's `lower()` does, so the database's index agrees.
 */
export function handleKey(handle: string): string {
  return handle.replace(/^@+/, '').replace(/[A-Z]/g, (c) => c.toLowerCase());
}

/** One handle on one network (a person may have several, joined with `POST /api/people/link`). */
export const personHandleSchema = z.object({
  network: z.enum(NETWORKS),
  handle: z.string().trim().min(1).max(256),
});

/** What kinds of interaction the care record offers to other systems (the `interaction` webhook event). */
export const INTERACTION_KINDS = ['mention', 'note', 'reply', 'outcome', 'contact'] as const;

/**
 * The outbox payload of an `interaction` webhook delivery (docs/api.md, "Interaction webhooks"):
 * which kind of interaction, a line in words, and the case and people it concerns.
 */
export const interactionPayloadSchema = z.looseObject({
  kind: z.literal('interaction'),
  interaction: z.enum(INTERACTION_KINDS),
  message: z.string(),
  caseId: z.string().nullable().optional(),
  mapId: z.string().optional(),
  node: z.string().optional(),
});
export type InteractionPayload = z.infer<typeof interactionPayloadSchema>;
