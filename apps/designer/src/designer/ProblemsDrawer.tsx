import { useState } from 'react';
import type { Problem } from './engine.ts';

/** The list of every problem; clicking one selects the node or edge it concerns. */
export function ProblemsDrawer({ problems, onPick }: { problems: Problem[]; onPick: (problem: Problem) => void }) {
  const [open, setOpen] = useState(true);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <section className={`problems-drawer${open ? ' is-open' : ''}`} aria-label="Problems" data-testid="problems">
      <button type="button" className="problems-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
        <span className={errors ? 'count-error' : warnings ? 'count-warning' : 'count-ok'}>
          {problems.length === 0 ? '✓ No problems' : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`}
        </span>
        <span aria-hidden="true">{open ? '▾' : '▸'}</span>
      </button>
      {open && problems.length > 0 && (
        <ul className="problem-list">
          {problems.map((p, i) => (
            <li key={`${p.code}-${p.node ?? ''}-${p.edge ?? ''}-${i}`}>
              <button
                type="button"
                className={`problem-row problem-${p.severity}`}
                data-problem-code={p.code}
                data-problem-node={p.node}
                data-problem-edge={p.edge}
                onClick={() => onPick(p)}
              >
                <span className="problem-severity">{p.severity === 'error' ? 'Error' : 'Warning'}</span>
                <code>{p.code}</code>
                <span className="problem-message">{p.message}</span>
                {(p.node || p.edge) && <span className="muted small">{p.node ? `step ${p.node}` : `link ${p.edge}`}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
