import { casesApi, type CaseDetail } from '../api/cases.ts';
import type { CaseState } from './useCase.ts';

/** The pre-action checklist while the case is being prepared; the last tick passes it on. */
export function ChecklistBox({ c, state, canWork }: { c: CaseDetail; state: CaseState; canWork: boolean }) {
  if (c.status !== 'preparing' || c.checklist.length === 0) return null;
  const done = c.checklist.filter((i) => i.done).length;
  return (
    <section className="case-box" aria-labelledby="checklist-title">
      <h2 id="checklist-title">Before passing <span className="muted small">{done} of {c.checklist.length} done</span></h2>
      <ul className="checklist">
        {c.checklist.map((i) => (
          <li key={i.item}>
            <label>
              <input
                type="checkbox"
                checked={i.done}
                disabled={state.busy || !canWork}
                data-checklist-item={i.item}
                onChange={(e) => void state.act('Could not tick the checklist', () => casesApi.tick(c.id, i.item, e.target.checked)).catch(() => undefined)}
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
