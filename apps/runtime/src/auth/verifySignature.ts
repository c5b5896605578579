import { createHmac, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { and, eq, lte, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { prepared } from '../db/prepared.ts';
import { seenSignatures } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import type { AppEnv } from '../http/AppEnv.ts';
import type { Runtime } from '../Runtime.ts';

/** Header with the signing time in Unix seconds. */
export const TIMESTAMP_HEADER = 'x-baton-timestamp';
/** Header with `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`. */
export const SIGNATURE_HEADER = 'x-baton-signature';
/** How far a signing time may be from the server's clock, either way. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Signs a body the way `verifySignature` checks it (for integrators, tests and docs).
 * @example
 * const t = Math.floor(Date.now() / 1000);
 * fetch(url, { headers: { 'X-Baton-Timestamp': String(t), 'X-Baton-Signature': signBody(secret, t, body) }, body });
 */
export function signBody(secret: string, timestamp: number | string, body: string): string {
  return 'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

/**
 * Remembers the signatures accepted while they are fresh, in the database (`seen_signatures`), so
 * the same signed request sent again is refused after a restart and on every node sharing it.
 * Accepting and remembering is one statement: a signature that is there and not yet stale is not
 * taken again. A request refused further on (a body that does not fit) gives its signature back.
 * Stale rows are pruned now and then, so the table holds at most the tolerance window's worth of
 * requests.
 */
class SeenSignatures {
  private nextPrune = 0;
  constructor(private readonly db: Db) {}

  /** True when `sig` was new (and is now remembered until `expiresAt`). */
  add(sig: string, now: number, expiresAt: number): boolean {
    const taken = prepared(this.db, 'seenSignatures.add', () =>
      this.db.insert(seenSignatures).values({ signature: sql.placeholder('sig'), expiresAt: sql.placeholder('expiresAt') })
        // A stale row not yet pruned is reused; a fresh one means a replay.
        .onConflictDoUpdate({ target: seenSignatures.signature, set: { expiresAt: sql`${sql.placeholder('expiresAt')}` }, setWhere: lte(seenSignatures.expiresAt, sql.placeholder('now')) })
        .prepare(),
    ).run({ sig, expiresAt, now });
    return taken.changes > 0;
  }

  /** Forgets `sig` again (its request was refused further on: nothing of it may stay behind). */
  forget(sig: string, expiresAt: number): void {
    prepared(this.db, 'seenSignatures.forget', () =>
      this.db.delete(seenSignatures).where(and(eq(seenSignatures.signature, sql.placeholder('sig')), eq(seenSignatures.expiresAt, sql.placeholder('expiresAt')))).prepare(),
    ).run({ sig, expiresAt });
  }

  /** Deletes stale rows, at most once a minute. */
  prune(now: number): void {
    if (now < this.nextPrune) return;
    this.nextPrune = now + 60_000;
    prepared(this.db, 'seenSignatures.prune', () =>
      this.db.delete(seenSignatures).where(lte(seenSignatures.expiresAt, sql.placeholder('now'))).prepare(),
    ).run({ now });
  }
}

const refuse = (code: string, message: string) => new ApiError(401, code, message);

/**
 * For ingest tokens created with `signed: true`: the request must carry `X-Baton-Timestamp` (Unix
 * seconds, within 5 minutes of the server's clock) and `X-Baton-Signature: sha256=<hex>`, the
 * HMAC-SHA256 with the token's signing secret of `"<timestamp>.<raw body>"`. A wrong, stale or
 * already-seen signature is 401, and nothing is ingested. Requests with unsigned tokens or
 * sessions pass through. Mount on `POST /api/mentions`, after `authenticate`.
 */
export function verifySignature(rt: Runtime): MiddlewareHandler<AppEnv> {
  const seen = new SeenSignatures(rt.db);
  return async (c, next) => {
    const auth = c.get('auth');
    if (c.req.method !== 'POST' || auth.kind !== 'ingest') return next();
    const secret = auth.signingSecret;
    if (!secret) return next();
    const stamp = c.req.header(TIMESTAMP_HEADER) ?? '';
    const signature = c.req.header(SIGNATURE_HEADER) ?? '';
    if (!stamp || !signature) throw refuse('SIGNATURE_REQUIRED', 'This token signs its requests: send X-Baton-Timestamp and X-Baton-Signature');
    if (!/^\d{1,12}$/.test(stamp)) throw refuse('BAD_SIGNATURE', 'X-Baton-Timestamp must be Unix time in seconds');
    const now = rt.clock.now();
    const at = Number(stamp) * 1000;
    if (Math.abs(now - at) > SIGNATURE_TOLERANCE_MS) throw refuse('STALE_SIGNATURE', 'X-Baton-Timestamp is more than 5 minutes from the server clock; sign again with the current time');
    const m = /^sha256=([0-9a-f]{64})$/i.exec(signature.trim());
    if (!m) throw refuse('BAD_SIGNATURE', 'X-Baton-Signature must be sha256=<64 hex digits>');
    const body = await c.req.text();
    const expected = Buffer.from(signBody(secret, stamp, body).slice(7), 'hex');
    if (!timingSafeEqual(expected, Buffer.from(m[1]!.toLowerCase(), 'hex'))) throw refuse('BAD_SIGNATURE', 'The signature does not match the body');
    const sig = m[1]!.toLowerCase();
    const expiresAt = at + SIGNATURE_TOLERANCE_MS + 1;
    // Taken before the request goes on, so two copies sent at once cannot both pass (here or on
    // another node); given back if the request is refused further on, which then leaves nothing.
    if (!seen.add(sig, now, expiresAt)) throw refuse('REPLAYED', 'This signed request was already received');
    try {
      await next();
    } catch (e) {
      seen.forget(sig, expiresAt);
      throw e;
    }
    if (c.res.status >= 400) seen.forget(sig, expiresAt);
    else seen.prune(now);
  };
}
