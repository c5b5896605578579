import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random URL-safe secret (32 bytes of entropy), optionally prefixed (`bts_` session, `bti_` ingest). */
export function randomSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url');
}

/** A short random id such as `u_3f9a1c2b7d4e`. */
export function randomId(prefix: string): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/**
 * A new id that sorts by creation time: the instant in base 36 (fixed width) and 40 random bits.
 * Rows keyed by such ids land at the end of their indexes instead of on a random page of each,
 * so a commit of many new cases writes a few pages per index rather than one per case.
 * @example timeOrderedId('case', Date.parse('2026-03-02T09:00:00Z')) // 'case_0mm8y7c00_4f1c2a9e07'
 */
export function timeOrderedId(prefix: string, now: number): string {
  return `${prefix}_${Math.max(0, Math.floor(now)).toString(36).padStart(9, '0')}_${randomBytes(5).toString('hex')}`;
}

/** sha256 hex of a secret: what the database keeps instead of the secret. */
export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Constant-time string equality. */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(sha256(a), 'hex');
  const y = Buffer.from(sha256(b), 'hex');
  return timingSafeEqual(x, y) && a.length === b.length;
}
