import { useState } from 'react';
import { ApiError, type User } from '../api/client.ts';
import { casesApi, type CaseDetail } from '../api/cases.ts';
import type { CaseState } from './useCase.ts';

/**
 * Who holds the case, and Claim / Release. A refused claim says who holds it. A manager or admin
 * can take over a case someone else holds in one step, saying why (the reason is audited).
 */
export function ClaimBox({ c, user, state, personName }: { c: CaseDetail; user: User; state: CaseState; personName: (id: string) => string }) {
  const [refusedBy, setRefusedBy] = useState<string | null>(null);
  const [takingOver, setTakingOver] = useState(false);
  const [reason, setReason] = useState('');
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
  const takeOver = () => {
    state.act('Could not take the case over', () => casesApi.takeOver(c.id, reason.trim())).then(
      () => {
        setTakingOver(false);
        setReason('');
      },
      () => undefined,
    );
  };
  const othersCase = !!c.holder && !mine;
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
          {othersCase && supervisor && !takingOver && (
            <button type="button" className="primary" onClick={() => setTakingOver(true)} disabled={state.busy} data-testid="take-over">
              Take over…
            </button>
          )}
          {(!c.holder || !mine) && !(othersCase && supervisor) && (
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
      {workable && othersCase && supervisor && takingOver && (
        <form className="take-over-form" onSubmit={(e) => { e.preventDefault(); if (reason.trim()) takeOver(); }} data-testid="take-over-form">
          <label htmlFor="take-over-reason">Why are you taking it over from {c.holderName ?? personName(c.holder!)}?</label>
          <textarea id="take-over-reason" rows={2} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="e.g. they are off sick; the customer is waiting" autoFocus data-testid="take-over-reason" />
          <p className="muted small">Their claim ends and the case is yours; they, the history and the audit log see your reason.</p>
          <div className="row-buttons">
            <button type="submit" className="primary" disabled={state.busy || !reason.trim()} data-testid="take-over-confirm">Take over</button>
            <button type="button" onClick={() => setTakingOver(false)}>Cancel</button>
          </div>
        </form>
      )}
    </section>
  );
}
