import { memo, useMemo } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { RunSeries } from '@baton/engine';
import { AXIS, GRID, seriesColour, tickSeconds } from './chartTheme.ts';
import { ChartFrame } from './ChartFrame.tsx';

/** One line per team: the most cases waiting unclaimed in its queue in each slice of the run. */
export const QueueDepthChart = memo(function QueueDepthChart({ series, teamName = (id) => id, title = 'Waiting in each team’s queue' }: {
  series: Pick<RunSeries, 'bucketSec' | 'queue'>;
  teamName?: (id: string) => string;
  title?: string;
}) {
  const teams = useMemo(() => Object.keys(series.queue).filter((t) => series.queue[t]!.some((v) => v > 0)), [series]);
  const rows = useMemo(() => {
    const length = Math.max(0, ...Object.values(series.queue).map((v) => v.length));
    return Array.from({ length }, (_, i) => ({ t: (i + 1) * series.bucketSec, ...Object.fromEntries(teams.map((t) => [t, series.queue[t]![i] ?? 0])) }));
  }, [series, teams]);
  const peaks = teams.map((t) => ({ t, peak: Math.max(...series.queue[t]!) })).sort((a, b) => b.peak - a.peak);
  const summary = peaks.length ? peaks.map((p) => `${teamName(p.t)} peaks at ${p.peak.toLocaleString('en')}`).join(', ') : 'Nobody waited';
  return (
    <ChartFrame title={title} summary={summary} empty={peaks.length ? null : 'No case ever waited in a queue.'} testId="chart-queue-depth">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={rows} margin={{ top: 4, right: 12, bottom: 0, left: -8 }}>
          <CartesianGrid {...GRID} />
          <XAxis dataKey="t" type="number" domain={[0, 'dataMax']} tickFormatter={tickSeconds} {...AXIS} />
          <YAxis allowDecimals={false} {...AXIS} />
          <Tooltip labelFormatter={(v) => `by ${tickSeconds(Number(v))}`} />
          <Legend />
          {teams.map((t, i) => (
            <Line key={t} dataKey={t} name={teamName(t)} type="stepAfter" dot={false} stroke={seriesColour(i)} strokeWidth={2} isAnimationActive={false} />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
});
