import { useState } from 'react';
import { casesApi, type CaseDetail } from '../api/cases.ts';
import type { CaseState } from './useCase.ts';

/** One button per outcome the pass declares, with an optional note; reporting one moves the case on. */
export function OutcomeButtons({ c, state, canWork, onReported }: { c: CaseDetail; state: CaseState; canWork: boolean; onReported: (outcome: string, next: CaseDetail) => void }) {
  const [note, setNote] = useState('');
  if ((c.status !== 'waiting' && c.status !== 'held') || c.outcomes.length === 0) return null;
  const report = (outcome: string) =>
    state.act('Could not report the outcome', () => casesApi.outcome(c.id, outcome, note.trim() || undefined)).then(
      (next) => {
        setNote('');
        onReported(outcome, next);
      },
      () => undefined,
    );
  return (
    <section className="case-box" aria-labelledby="outcome-title">
      <h2 id="outcome-title">Outcome</h2>
      <label className="field">
        <span className="field-label">Note with the outcome (optional)</span>
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} maxLength={10_000} />
      </label>
      <div className="row-buttons outcome-buttons">
        {c.outcomes.map((o) => (
          <button key={o} type="button" className="outcome-button" disabled={state.busy || !canWork} onClick={() => void report(o)} data-outcome={o}>
            {o.replace(/-/g, ' ')}
          </button>
        ))}
      </div>
      {!canWork && <p className="muted small">Someone else holds this case.</p>}
    </section>
  );
}
