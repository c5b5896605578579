import { useMemo } from 'react';
import type { CreatedToken } from '../api/admin.ts';
import { CopyButton } from './CopyButton.tsx';
import { curlExample } from './curlExample.ts';
import { OneTimeSecret } from './OneTimeSecret.tsx';

const NOTE = 'Copy it now: Baton keeps only a hash';

/** The new token (and signing secret) shown this once, with a curl example to try it. */
export function CreatedTokenBox({ created, onDismiss }: { created: CreatedToken & { name: string }; onDismiss: () => void }) {
  const example = useMemo(
    () => curlExample({ origin: location.origin, token: created.token, signingSecret: created.signingSecret, now: new Date() }),
    [created],
  );
  return (
    <section className="admin-card created-token" aria-labelledby="created-token-title" data-testid="created-token">
      <h2 id="created-token-title">Token “{created.name}” created</h2>
      <OneTimeSecret label="Ingest token" value={created.token} testId="new-token" note={`${NOTE}, so it cannot be shown again.`} />
      {created.signingSecret && (
        <OneTimeSecret label="Signing secret" value={created.signingSecret} testId="new-signing-secret" note={`${NOTE} of the token; keep the secret with it.`} />
      )}
      <div className="curl-example">
        <div className="curl-head">
          <h3>Try it</h3>
          <CopyButton text={example} label="Curl example" />
        </div>
        <pre data-testid="curl-example">{example}</pre>
        <p className="muted small">Posts one test mention; the answer lists it as routed, unrouted or duplicate.</p>
      </div>
      <div className="actions">
        <button type="button" onClick={onDismiss}>I have copied it — hide</button>
      </div>
    </section>
  );
}
