import { useState } from 'react';
import { casesApi, type CaseDetail } from '../api/cases.ts';
import type { CaseState } from './useCase.ts';

/**
 * The pre-action checklist while the case is being prepared; the last tick passes it on. A tick
 * shows at once and is taken back if the runtime refuses it.
 */
export function ChecklistBox({ c, state, canWork, onPassed }: { c: CaseDetail; state: CaseState; canWork: boolean; onPassed: (next: CaseDetail) => void }) {
  const [pending, setPending] = useState<Record<string, boolean>>({});
  if (c.status !== 'preparing' || c.checklist.length === 0) return null;
  const isDone = (item: string, done: boolean) => pending[item] ?? done;
  const done = c.checklist.filter((i) => isDone(i.item, i.done)).length;
  const tick = (item: string, value: boolean) => {
    setPending((p) => ({ ...p, [item]: value }));
    const settle = () => setPending(({ [item]: _, ...rest }) => rest);
    state.act('Could not tick the checklist', () => casesApi.tick(c.id, item, value)).then((next) => {
      settle();
      if (next.status !== 'preparing') onPassed(next);
    }, settle);
  };
  return (
    <section className="case-box" aria-labelledby="checklist-title">
      <h2 id="checklist-title">Before passing <span className="muted small">{done} of {c.checklist.length} done</span></h2>
      <ul className="checklist">
        {c.checklist.map((i) => (
          <li key={i.item}>
            <label>
              <input
                type="checkbox"
                checked={isDone(i.item, i.done)}
                disabled={!canWork || i.item in pending}
                data-checklist-item={i.item}
                onChange={(e) => tick(i.item, e.target.checked)}
              />
              <span>{i.item}</span>
            </label>
          </li>
        ))}
      </ul>
      <p className="muted small">{canWork ? 'Ticking the last item passes the case to the next team.' : 'Someone else holds this case.'}</p>
    </section>
  );
}
