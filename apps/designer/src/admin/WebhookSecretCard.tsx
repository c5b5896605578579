import { useState } from 'react';
import { repliesApi } from '../api/replies.ts';
import { showError } from '../shell/toasts.ts';
import { OneTimeSecret } from './OneTimeSecret.tsx';

/** The webhook signing secret: never shown again after a rotation; Rotate makes a new one and shows it once. */
export function WebhookSecretCard() {
  const [secret, setSecret] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const rotate = () => {
    setBusy(true);
    repliesApi.rotateWebhookSecret().then((r) => setSecret(r.secret), (e) => showError('Could not rotate the webhook secret', e))
      .finally(() => { setBusy(false); setConfirming(false); });
  };
  return (
    <section className="admin-card" aria-labelledby="webhook-secret-title">
      <h2 id="webhook-secret-title">Webhook signing secret</h2>
      <p className="muted">Every webhook Baton sends is signed (Standard Webhooks headers <code>webhook-id</code>, <code>webhook-timestamp</code>, <code>webhook-signature</code>).
        Receivers verify it with this secret. Rotating makes a new secret at once: update your receivers with it.</p>
      {secret && <OneTimeSecret label="New webhook secret" value={secret} testId="webhook-secret" note="Shown once. Copy it to your webhook receivers now; Baton will not show it again." />}
      {confirming ? (
        <span className="confirm" role="group" aria-label="Confirm rotating the webhook secret">
          Receivers using the old secret will reject deliveries until updated.{' '}
          <button type="button" className="danger" onClick={rotate} disabled={busy}>Rotate now</button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>Cancel</button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} data-testid="rotate-webhook-secret">Rotate secret…</button>
      )}
    </section>
  );
}
