/**
 * The PostgreSQL mirror of ../hardeningSchema.ts.
 * Conventions (checked by pgSchema.test.ts): an SQLite integer is a `bigint` read as a JS number
 * (epoch ms and counters alike), an SQLite boolean a `boolean`, an SQLite JSON text a `jsonb`, an
 * SQLite real a `double precision`, an autoincrement key an identity column (by default, so copies
 * keep their ids). The business code sees the same values on both databases. Change the SQLite
 * file first, then this one, then `npx drizzle-kit generate --config drizzle.pg.config.ts`.
 */
import { bigint, index, pgTable, text } from 'drizzle-orm/pg-core';

/**
 * Signatures of signed ingest requests accepted lately, so the same signed request sent again is
 * refused (`REPLAYED`) even after a restart or on another node. A row is needed only while its
 * request's timestamp is within the tolerance window; older ones are pruned.
 */
export const seenSignatures = pgTable('seen_signatures', {
  /** The request's HMAC-SHA256 (hex, lower case): unique per secret, timestamp and body. */
  signature: text('signature').primaryKey(),
  /** When the signature goes stale (its timestamp plus the tolerance); the row may go then. */
  expiresAt: bigint('expires_at', { mode: 'number' }).notNull(),
}, (t) => [index('seen_signatures_expiry').on(t.expiresAt)]);
