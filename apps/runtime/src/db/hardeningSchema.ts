/**
 * Tables of the hardening work: what must outlive a restart and be shared by every node.
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Signatures of signed ingest requests accepted lately, so the same signed request sent again is
 * refused (`REPLAYED`) even after a restart or on another node. A row is needed only while its
 * request's timestamp is within the tolerance window; older ones are pruned.
 */
export const seenSignatures = sqliteTable('seen_signatures', {
  /** The request's HMAC-SHA256 (hex, lower case): unique per secret, timestamp and body. */
  signature: text('signature').primaryKey(),
  /** When the signature goes stale (its timestamp plus the tolerance); the row may go then. */
  expiresAt: integer('expires_at').notNull(),
}, (t) => [index('seen_signatures_expiry').on(t.expiresAt)]);
