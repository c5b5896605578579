import { useEffect, useState } from 'react';
import { careApi, type DoneItem } from '../api/care.ts';
import { caseHash } from '../console/consoleRoute.ts';
import { firstLine } from '../console/network.ts';
import { showError } from '../shell/toasts.ts';

/** The cases I reported an outcome on since midnight (my own day, in my time zone). */
export function DoneToday() {
  const [items, setItems] = useState<DoneItem[] | null>(null);
  useEffect(() => {
    const midnight = new Date();
    midnight.setHours(0, 0, 0, 0);
    careApi.done(midnight, new Date()).then(({ items }) => setItems(items), (e) => showError('Could not load what you did today', e));
  }, []);
  return (
    <section className="case-box" aria-labelledby="done-title" data-testid="done-today">
      <h2 id="done-title">Done today{items ? ` (${items.length})` : ''}</h2>
      {items && items.length === 0 && <p className="muted small">Nothing yet today. Cases you report an outcome on show here.</p>}
      <ul className="saved-list">
        {items?.map((c) => (
          <li key={c.id}>
            <a href={caseHash(c.id)}>{c.mention ? firstLine(c.mention.text) : c.id}</a>
            <span className="muted small"> {c.doneOutcome} · {new Date(c.doneAt).toLocaleTimeString(undefined, { timeStyle: 'short' })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
