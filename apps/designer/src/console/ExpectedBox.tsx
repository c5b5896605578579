import { durationInWords, type BatonMap } from '@baton/engine';
import type { CaseDetail } from '../api/cases.ts';
import { Countdown } from './Countdown.tsx';

/** What is expected at this pass, and by when. */
export function ExpectedBox({ c, doc, now }: { c: CaseDetail; doc: BatonMap | null; now: number }) {
  const node = doc?.nodes.find((n) => n.id === c.node);
  const expected = node?.type === 'pass' ? node.expected : null;
  if (c.nodeType !== 'pass' && !c.deadline) return null;
  return (
    <section className="case-box" aria-labelledby="expected-title">
      <h2 id="expected-title">Expected</h2>
      <p data-testid="expected-action">{expected ? expected.action : 'Loading the map…'}</p>
      <p>
        <Countdown c={c} now={now} />
        {c.deadline ? (
          <span className="muted small"> · due {new Date(c.deadline).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</span>
        ) : (
          expected && <span className="muted small"> · within {durationInWords(expected.within, { exact: true })} once it reaches the queue</span>
        )}
      </p>
    </section>
  );
}
