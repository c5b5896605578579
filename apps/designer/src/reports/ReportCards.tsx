import type { ReportSummary } from '../api/reports.ts';
import { secondsInWords } from '../simulation/timeWords.ts';

/** A duration in words that never breaks between number and unit ("2 h 5 min"). */
const inWords = (sec: number | null) => secondsInWords(sec).replace(/ (s|min|h|d)\b/g, '\u00a0$1');

function Card({ label, value, detail, testId, tone }: { label: string; value: string; detail?: string; testId: string; tone?: 'bad' }) {
  return (
    <div className={`report-card${tone ? ` report-card-${tone}` : ''}`} data-testid={testId}>
      <span className="report-card-label">{label}</span>
      <strong className="report-card-value">{value}</strong>
      {detail ? <span className="report-card-detail">{detail}</span> : null}
    </div>
  );
}

/** The headline numbers of a period, in words. */
export function ReportCards({ summary }: { summary: ReportSummary }) {
  const { mentions: m, cases: c, pickupSec: p, resolvedSec: r } = summary;
  const mentionDetail = [`${m.routed} routed`, `${m.attached} joined a case`, m.unrouted !== null ? `${m.unrouted} unrouted` : null, m.dismissed !== null ? `${m.dismissed} dismissed` : null]
    .filter(Boolean).join(' · ');
  return (
    <section className="report-cards" aria-label="Headline numbers">
      <Card testId="card-mentions" label="Mentions" value={m.total.toLocaleString('en')} detail={mentionDetail} />
      <Card testId="card-cases" label="Cases opened" value={c.opened.toLocaleString('en')} detail={`${c.ended} ended · ${c.open} open now`} />
      <Card testId="card-breaches" label="Missed deadlines" value={summary.breaches.toLocaleString('en')} tone={summary.breaches > 0 ? 'bad' : undefined}
        detail={summary.breaches === 0 ? 'every deadline met' : summary.breaches === 1 ? 'one breach' : `${summary.breaches} breaches`} />
      <Card testId="card-pickup" label="Picked up within" value={inWords(p.p50)}
        detail={p.p50 === null ? 'no case claimed yet' : `half of cases · 9 in 10 within ${inWords(p.p90)} · slowest ${inWords(p.max)}`} />
      <Card testId="card-resolved" label="Resolved within" value={inWords(r.p50)}
        detail={r.p50 === null ? 'no case ended yet' : `half of cases · 9 in 10 within ${inWords(r.p90)} · slowest ${inWords(r.max)}`} />
    </section>
  );
}
