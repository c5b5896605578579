import { useState, type FormEvent } from 'react';
import { casesApi, type CaseDetail } from '../api/cases.ts';
import type { CaseState } from './useCase.ts';

/** Adds a note to the case; it appears in the thread in time order. */
export function NoteBox({ c, state }: { c: CaseDetail; state: CaseState }) {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    state.act('Could not add the note', () => casesApi.note(c.id, text.trim())).then(() => setText(''), () => undefined);
  };
  return (
    <section className="case-box" aria-labelledby="note-title">
      <h2 id="note-title">Note</h2>
      <form onSubmit={submit} className="stack-form">
        <label className="visually-hidden" htmlFor="note-text">Note text</label>
        <textarea id="note-text" rows={3} placeholder="What did you find, promise or try?" value={text} onChange={(e) => setText(e.target.value)} maxLength={10_000} />
        <button type="submit" disabled={state.busy || !text.trim()} data-testid="add-note">Add note</button>
      </form>
    </section>
  );
}
