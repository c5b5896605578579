import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunSeries } from '@baton/engine';
import { AXIS, BREACH_COLOUR, GRID, tickSeconds } from './chartTheme.ts';
import { ChartFrame } from './ChartFrame.tsx';

/** Deadlines missed in each slice of the run (or of a period: `bucketSec` wide slices from `fromSec`). */
export const BreachesChart = memo(function BreachesChart({ series, title = 'Missed deadlines over time', tick = tickSeconds }: {
  series: Pick<RunSeries, 'bucketSec' | 'breaches'>;
  title?: string;
  /** How a slice's end is written on the axis (default: time since the start). */
  tick?: (sec: number) => string;
}) {
  const rows = useMemo(() => series.breaches.map((n, i) => ({ t: (i + 1) * series.bucketSec, n })), [series]);
  const total = series.breaches.reduce((a, b) => a + b, 0);
  const worst = rows.reduce((a, r) => (r.n > a.n ? r : a), { t: 0, n: 0 });
  return (
    <ChartFrame
      title={title}
      summary={`${total.toLocaleString('en')} in all; most (${worst.n.toLocaleString('en')}) by ${tick(worst.t)}`}
      empty={total === 0 ? 'No deadline was missed.' : null}
      testId="chart-breaches"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 4, right: 12, bottom: 0, left: -8 }}>
          <CartesianGrid {...GRID} vertical={false} />
          <XAxis dataKey="t" tickFormatter={tick} {...AXIS} />
          <YAxis allowDecimals={false} {...AXIS} />
          <Tooltip labelFormatter={(v) => `by ${tick(Number(v))}`} formatter={(v) => [String(v), 'missed']} />
          <Bar dataKey="n" name="Missed deadlines" fill={BREACH_COLOUR} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
