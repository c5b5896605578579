import type { HistoryEntry } from '../api/cases.ts';
import { describeHistory, type HistoryNames } from './describeHistory.ts';

/** Everything that happened to the case, oldest first. */
export function CaseHistory({ history, names }: { history: HistoryEntry[]; names: HistoryNames }) {
  return (
    <section className="case-box" aria-labelledby="history-title">
      <details open={history.length <= 12}>
        <summary id="history-title">History <span className="muted small">({history.length})</span></summary>
        <ol className="history">
          {history.map((h, i) => (
            <li key={i} data-history={h.type}>
              <time dateTime={h.at}>{new Date(h.at).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}</time>
              <span>{describeHistory(h, names)}</span>
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}
