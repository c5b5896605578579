import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { audit } from '../audit.ts';
import { webhookSecrets } from '../db/schema.ts';
import type { RequestContext } from '../http/requestContext.ts';
import type { Runtime } from '../Runtime.ts';

/** A new signing secret in the Standard Webhooks form: `whsec_` and 32 random bytes in base64. */
function newSecret(): string {
  return `whsec_${randomBytes(32).toString('base64')}`;
}

/**
 * The secret webhook deliveries are signed with. Made the first time a delivery needs one; an admin
 * sees a secret only when rotating it (`POST /api/webhooks/secret/rotate`), so rotating once is how
 * a receiver gets the secret to verify with.
 */
export function webhookSecret(rt: Runtime): string {
  const row = rt.db.select().from(webhookSecrets).where(eq(webhookSecrets.id, 1)).get();
  if (row) return row.secret;
  const secret = newSecret();
  rt.db.insert(webhookSecrets).values({ id: 1, secret, createdAt: rt.clock.now(), createdBy: null }).onConflictDoNothing().run();
  return rt.db.select().from(webhookSecrets).where(eq(webhookSecrets.id, 1)).get()!.secret;
}

/** Replaces the signing secret (audited) and answers the new one: the only time it is shown. */
export function rotateWebhookSecret(rt: Runtime, actor: string, from?: RequestContext): { secret: string; createdAt: number } {
  const secret = newSecret();
  const now = rt.clock.now();
  rt.db.transaction((tx) => {
    tx.insert(webhookSecrets).values({ id: 1, secret, createdAt: now, createdBy: actor })
      .onConflictDoUpdate({ target: webhookSecrets.id, set: { secret, createdAt: now, createdBy: actor } }).run();
    audit(tx, now, { actor, action: 'webhook.secret.rotate', target: 'webhooks', from });
  });
  return { secret, createdAt: now };
}

/**
 * The Standard Webhooks headers for one delivery: `webhook-id` (the same on every retry of it),
 * `webhook-timestamp` and `webhook-signature`. The timestamp is the wall clock, not the runtime's
 * clock: receivers compare it with their own to refuse replays.
 */
export function signatureHeaders(secret: string, messageId: string, body: string): Record<string, string> {
  const at = new Date();
  return {
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, at, body),
  };
}
