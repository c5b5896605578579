import { useState } from 'react';
import { ApiError, type User } from '../api/client.ts';
import { casesApi, type CaseDetail } from '../api/cases.ts';
import type { CaseState } from './useCase.ts';

/** Who holds the case, and Claim / Release. A refused claim says who holds it. */
export function ClaimBox({ c, user, state, personName }: { c: CaseDetail; user: User; state: CaseState; personName: (id: string) => string }) {
  const [refusedBy, setRefusedBy] = useState<string | null>(null);
  const mine = c.holder === user.id;
  const supervisor = user.roles.includes('admin') || user.roles.includes('manager');
  const workable = c.status === 'preparing' || c.status === 'waiting' || c.status === 'held';
  const claim = () => {
    setRefusedBy(null);
    state.act('Could not claim the case', () => casesApi.claim(c.id)).catch((e: unknown) => {
      if (e instanceof ApiError && e.code === 'CLAIMED') {
        const d = e.details as { holder?: string; holderName?: string } | undefined;
        setRefusedBy(d?.holderName ?? (d?.holder ? personName(d.holder) : 'someone else'));
      }
    });
  };
  return (
    <section className="case-box claim-box" aria-labelledby="claim-title">
      <h2 id="claim-title">Claim</h2>
      <p data-testid="case-holder">
        {c.holder ? (mine ? <strong>You hold this case</strong> : <>Held by <strong>{c.holderName ?? personName(c.holder)}</strong></>) : 'Free — nobody holds it'}
        {c.holder && c.claimExpiresAt && <span className="muted small"> · claim runs until {new Date(c.claimExpiresAt).toLocaleTimeString()}</span>}
      </p>
      {refusedBy && <p className="form-error" role="alert" data-testid="claim-refused">Held by {refusedBy}</p>}
      {workable && (
        <div className="row-buttons">
          {(!c.holder || !mine) && (
            <button type="button" className={c.holder ? undefined : 'primary'} onClick={claim} disabled={state.busy} data-testid="claim">
              Claim
            </button>
          )}
          {mine && (
            <button type="button" onClick={claim} disabled={state.busy} data-testid="renew">
              Keep it longer
            </button>
          )}
          {c.holder && (mine || supervisor) && (
            <button type="button" onClick={() => void state.act('Could not release the case', () => casesApi.release(c.id)).catch(() => undefined)} disabled={state.busy} data-testid="release">
              Release
            </button>
          )}
        </div>
      )}
    </section>
  );
}
