import type { NotificationPayload, Recipient } from '@baton/engine';
import { outbox } from '../db/schema.ts';
import type { Work } from '../cases/write.ts';
import { holdForDrill } from '../drills/holdForDrill.ts';


/** Which delivery a recipient needs. */
export function recipientKind(r: Recipient): 'team' | 'member' | 'webhook' | 'slack' | 'email' {
  if ('team' in r) return 'team';
  if ('slack' in r) return 'slack';
  if ('member' in r) return 'member';
  if ('webhook' in r) return 'webhook';
  return 'email';
}

/**
 * Writes a notification to the outbox inside the current transaction, so it exists exactly when
 * the change that caused it does. The outbox worker delivers it (with retries) after the commit.
 * A drill case's notification is held instead (docs/semantics.md#drills).
 */
export function enqueue(w: Work, recipient: Recipient, payload: NotificationPayload): void {
  if (holdForDrill(w, payload.caseId, recipientKind(recipient), recipient as Record<string, unknown>, { ...payload, at: new Date(w.now).toISOString() })) return;
  w.rt.db.insert(outbox).values({
    kind: recipientKind(recipient),
    recipient: recipient as Record<string, unknown>,
    payload: { ...payload, at: new Date(w.now).toISOString() },
    createdAt: w.now,
    nextAttemptAt: w.now,
  }).run();
}
