import { useState } from 'react';
import type { IngestToken } from '../api/admin.ts';
import { adminApi } from '../api/admin.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { formatTime } from './formatTime.ts';

/** One token: name, created, last used, state; Revoke asks to confirm in place. */
export function TokenRow({ token, onRevoked }: { token: IngestToken; onRevoked: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const revoke = async () => {
    setBusy(true);
    try {
      await adminApi.revokeToken(token.id);
      showToast('success', `Token ${token.name} revoked; sources using it now get 401.`);
      onRevoked();
    } catch (e) {
      showError(`Could not revoke ${token.name}`, e);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <>
      <tr data-token-id={token.id}>
        <td>{token.name}{token.signed && <span className="state-badge signed-badge">signed</span>}{token.brand && <span className="state-badge brand-badge" data-token-brand={token.brand} title="Mentions sent with this token that name no brand get this one">brand {token.brand}</span>}</td>
        <td>{formatTime(token.createdAt)}</td>
        <td>{token.lastUsedAt ? formatTime(token.lastUsedAt) : <span className="muted">never</span>}</td>
        <td>{token.revokedAt ? <span className="state-badge state-rejected">revoked {formatTime(token.revokedAt)}</span> : <span className="state-badge state-approved">active</span>}</td>
        <td className="row-actions">
          {!token.revokedAt && (
            <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={confirming} aria-label={`Revoke ${token.name}`}>Revoke</button>
          )}
        </td>
      </tr>
      {confirming && !token.revokedAt && (
        <tr className="confirm-row" data-confirm-token={token.id}>
          <td colSpan={5}>
            <span className="confirm" role="group" aria-label={`Confirm revoking ${token.name}`}>
              <span>Revoke “{token.name}”? Sources using it get 401 from now on; this cannot be undone.</span>
              <button type="button" className="danger" onClick={revoke} disabled={busy} data-testid="confirm-revoke">Yes, revoke</button>
              <button type="button" onClick={() => setConfirming(false)} disabled={busy}>Cancel</button>
            </span>
          </td>
        </tr>
      )}
    </>
  );
}
