import { useState, type FormEvent } from 'react';
import { casesApi, type CaseDetail } from '../api/cases.ts';
import type { CaseState } from './useCase.ts';

/** Shown while the case is closing for want of a lesson; saving one ends it. Past lessons as plain text. */
export function LessonForm({ c, state, personName }: { c: CaseDetail; state: CaseState; personName: (id: string) => string }) {
  const [text, setText] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!text.trim()) return;
    state.act('Could not save the lesson', () => casesApi.lesson(c.id, text.trim())).then(() => setText(''), () => undefined);
  };
  if (c.status !== 'closing' && c.lessons.length === 0) return null;
  return (
    <section className="case-box lesson-box" aria-labelledby="lesson-title">
      <h2 id="lesson-title">Lesson</h2>
      {c.lessons.map((l) => (
        <blockquote key={l.id} className="plain-text lesson">
          {l.text}
          <footer className="muted small">— {personName(l.author)}</footer>
        </blockquote>
      ))}
      {c.status === 'closing' && (
        <form onSubmit={submit} className="stack-form" data-testid="lesson-form">
          <label htmlFor="lesson-text" className="field-label">{c.lessonPrompt ?? 'What did we learn?'}</label>
          <textarea id="lesson-text" rows={3} value={text} onChange={(e) => setText(e.target.value)} maxLength={10_000} />
          <button type="submit" className="primary" disabled={state.busy || !text.trim()}>Save lesson and close</button>
        </form>
      )}
    </section>
  );
}
