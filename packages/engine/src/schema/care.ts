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
