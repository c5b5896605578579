import { durationInWords, type BatonMap, type BusinessHours } from '@baton/engine';
import type { CaseDetail } from '../api/cases.ts';
import { Countdown } from './Countdown.tsx';

/** What is expected at this pass, and by when. */
export function ExpectedBox({ c, doc, now, teamHours }: { c: CaseDetail; doc: BatonMap | null; now: number; teamHours?: BusinessHours | null | undefined }) {
  const node = doc?.nodes.find((n) => n.id === c.node);
  const expected = node?.type === 'pass' ? node.expected : null;
  // A pass counting its deadline in the team's open hours: the countdown pauses while it is closed.
  const hours = expected?.businessHours && teamHours ? teamHours : undefined;
  if (c.nodeType !== 'pass' && !c.deadline) return null;
  return (
    <section className="case-box" aria-labelledby="expected-title">
      <h2 id="expected-title">Expected</h2>
      <p data-testid="expected-action">{expected ? expected.action : 'Loading the map…'}</p>
      <p>
        <Countdown c={c} now={now} hours={hours} />
        {expected?.businessHours ? <span className="muted small"> · counted in {hours ? 'the team’s open hours' : 'open hours (the team has none set, so around the clock)'}</span> : null}
        {c.deadline ? (
          <span className="muted small"> · due {new Date(c.deadline).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</span>
        ) : (
          expected && <span className="muted small"> · within {durationInWords(expected.within, { exact: true })} once it reaches the queue</span>
        )}
      </p>
    </section>
  );
}
