import { useState } from 'react';
import type { CreatedToken } from '../api/admin.ts';
import { adminApi } from '../api/admin.ts';
import { CreatedTokenBox } from './CreatedTokenBox.tsx';
import { EmptyList } from './EmptyList.tsx';
import { NewTokenForm } from './NewTokenForm.tsx';
import { TokenRow } from './TokenRow.tsx';
import { useLoaded } from './useLoaded.ts';

/** Ingest tokens: create one (shown once), see when each was last used, revoke. */
export function TokensPanel() {
  const tokens = useLoaded(adminApi.tokens, 'Could not load the ingest tokens');
  const [created, setCreated] = useState<(CreatedToken & { name: string }) | null>(null);
  return (
    <div className="admin-stack">
      <NewTokenForm onCreated={(t) => { setCreated(t); tokens.reload(); }} />
      {created && <CreatedTokenBox created={created} onDismiss={() => setCreated(null)} />}
      {tokens.data === null ? (
        <p className="muted" aria-busy="true">Loading tokens…</p>
      ) : tokens.data.tokens.length === 0 ? (
        <EmptyList testId="tokens-empty">No ingest tokens yet — create one for each source that posts mentions (your listening tool, a script).</EmptyList>
      ) : (
        <table className="maps-table admin-table" aria-label="Ingest tokens">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">State</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {tokens.data.tokens.map((t) => <TokenRow key={t.id} token={t} onRevoked={tokens.reload} />)}
          </tbody>
        </table>
      )}
    </div>
  );
}
