import { useState, type FormEvent } from 'react';
import { casesApi, type CaseDetail } from '../api/cases.ts';
import type { CaseState } from './useCase.ts';

/** The case's tags: remove one with its ×, add one by name. */
export function TagEditor({ c, state }: { c: CaseDetail; state: CaseState }) {
  const [draft, setDraft] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    const tag = draft.trim().replace(/^#/, '');
    if (!tag) return;
    state.act('Could not add the tag', () => casesApi.retag(c.id, { add: [tag] })).then(() => setDraft(''), () => undefined);
  };
  return (
    <section className="case-box" aria-labelledby="tags-title">
      <h2 id="tags-title">Tags</h2>
      <ul className="tag-list" aria-label="Tags on this case">
        {c.tags.length === 0 && <li className="muted small">No tags yet.</li>}
        {c.tags.map((t) => (
          <li key={t} className="chip" data-tag={t}>
            #{t}
            <button type="button" className="chip-remove" aria-label={`Remove tag ${t}`} disabled={state.busy}
              onClick={() => void state.act('Could not remove the tag', () => casesApi.retag(c.id, { remove: [t] })).catch(() => undefined)}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={add}>
        <label className="visually-hidden" htmlFor="new-tag">New tag</label>
        <input id="new-tag" type="text" placeholder="Add a tag" value={draft} onChange={(e) => setDraft(e.target.value)} maxLength={64} />
        <button type="submit" disabled={state.busy || !draft.trim()}>Add tag</button>
      </form>
    </section>
  );
}
