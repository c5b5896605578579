import { memo, useMemo } from 'react';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Histogram } from '@baton/engine';
import { secondsInWords } from '../simulation/timeWords.ts';
import { AXIS, GRID, seriesColour, tickSeconds } from './chartTheme.ts';
import { ChartFrame } from './ChartFrame.tsx';

/** How long cases took (to pick-up, to resolution): how many fell in each round band of time. */
export const DistributionChart = memo(function DistributionChart({ bins, title, colour = seriesColour(0), testId = 'chart-distribution' }: {
  bins: Histogram;
  title: string;
  colour?: string;
  testId?: string;
}) {
  const rows = useMemo(() => bins.map((b) => ({ band: b.toSec, count: b.count, from: b.fromSec })), [bins]);
  const total = bins.reduce((a, b) => a + b.count, 0);
  const top = bins.reduce((a, b) => (b.count > a.count ? b : a), { fromSec: 0, toSec: 0, count: 0 });
  return (
    <ChartFrame
      title={title}
      summary={`${total.toLocaleString('en')} cases; most took ${secondsInWords(top.fromSec)}–${secondsInWords(top.toSec)}`}
      empty={total === 0 ? 'No case got that far.' : null}
      testId={testId}
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 4, right: 12, bottom: 0, left: -8 }} barCategoryGap={1}>
          <CartesianGrid {...GRID} vertical={false} />
          <XAxis dataKey="band" tickFormatter={tickSeconds} {...AXIS} />
          <YAxis allowDecimals={false} {...AXIS} />
          <Tooltip labelFormatter={(_, p) => {
            const row = p?.[0]?.payload as { from: number; band: number } | undefined;
            return row ? `${secondsInWords(row.from)} – ${secondsInWords(row.band)}` : '';
          }} formatter={(v) => [String(v), 'cases']} />
          <Bar dataKey="count" name="Cases" fill={colour} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
