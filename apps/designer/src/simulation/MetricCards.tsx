import { memo } from 'react';
import type { Percentiles, SimulationResult } from '@baton/engine';
import { secondsInWords } from './timeWords.ts';

function Card({ label, value, detail, tone }: { label: string; value: string; detail?: string; tone?: 'bad' }) {
  return (
    <div className={`metric-card${tone ? ` metric-${tone}` : ''}`}>
      <span className="metric-label">{label}</span>
      <span className="metric-value">{value}</span>
      {detail && <span className="metric-detail">{detail}</span>}
    </div>
  );
}

const spread = (p: Percentiles) => `9 in 10 within ${secondsInWords(p.p90)} · longest ${secondsInWords(p.max)}`;

/** The headline numbers of a run: mentions, cases, unrouted, ended/open, breaches, pick-up and resolve times in words. */
export const MetricCards = memo(function MetricCards({ metrics }: { metrics: SimulationResult['metrics'] }) {
  const n = (v: number) => v.toLocaleString('en');
  const closing = metrics.cases - metrics.ended - metrics.open;
  return (
    <div className="metric-cards" data-testid="metric-cards">
      <Card label="Mentions" value={n(metrics.mentions)} />
      <Card label="Cases" value={n(metrics.cases)} detail={`${n(metrics.unrouted)} unrouted, to triage`} />
      <Card label="Ended" value={n(metrics.ended)} detail={`${n(metrics.open)} still open${closing > 0 ? ` · ${n(closing)} awaiting a lesson` : ''}`} />
      <Card label="Missed deadlines" value={n(metrics.breaches)} tone={metrics.breaches > 0 ? 'bad' : undefined} />
      <Card label="Pick-up, typical" value={secondsInWords(metrics.pickupSec.p50)} detail={spread(metrics.pickupSec)} />
      <Card label="Resolved, typical" value={secondsInWords(metrics.resolvedSec.p50)} detail={spread(metrics.resolvedSec)} />
    </div>
  );
});
