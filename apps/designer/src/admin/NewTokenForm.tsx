import { useState, type FormEvent } from 'react';
import type { CreatedToken } from '../api/admin.ts';
import { adminApi } from '../api/admin.ts';
import { showError } from '../shell/toasts.ts';

/** Creates an ingest token, optionally one whose requests must be HMAC-signed, optionally for one brand. */
export function NewTokenForm({ onCreated }: { onCreated: (token: CreatedToken & { name: string }) => void }) {
  const [name, setName] = useState('');
  const [signed, setSigned] = useState(false);
  const [brand, setBrand] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setBusy(true);
    try {
      const created = await adminApi.createToken(name.trim(), signed, brand.trim() || undefined);
      onCreated({ ...created, name: name.trim() });
      setName('');
      setSigned(false);
      setBrand('');
    } catch (err) {
      showError('Could not create the token', err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-card admin-form" onSubmit={submit} aria-labelledby="new-token-title">
      <h2 id="new-token-title">New ingest token</h2>
      <p className="muted">A token lets one source post mentions to <code>POST /api/mentions</code> — nothing else.</p>
      <div className="form-row">
        <div className="field">
          <label htmlFor="token-name">Name</label>
          <input id="token-name" name="token-name" type="text" value={name} maxLength={200} required placeholder="Listening tool" onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="token-brand">Brand (optional)</label>
          <input id="token-brand" name="token-brand" type="text" value={brand} maxLength={128} pattern="[A-Za-z0-9_.:\-]+" placeholder="shopco" aria-describedby="token-brand-hint" onChange={(e) => setBrand(e.target.value)} />
          <p className="field-hint" id="token-brand-hint">Mentions sent with this token that name no brand get this one; maps that listen to it hear them.</p>
        </div>
        <label className="inline-check" htmlFor="token-signed">
          <input id="token-signed" type="checkbox" checked={signed} onChange={(e) => setSigned(e.target.checked)} />
          Signed: requests must also carry an HMAC signature made with a signing secret
        </label>
        <button type="submit" className="primary" disabled={busy || !name.trim()}>Create token</button>
      </div>
    </form>
  );
}
