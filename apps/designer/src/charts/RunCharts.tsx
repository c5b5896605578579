import { memo } from 'react';
import type { RunSeries } from '@baton/engine';
import { BreachesChart } from './BreachesChart.tsx';
import { DistributionChart } from './DistributionChart.tsx';
import { seriesColour } from './chartTheme.ts';
import { QueueDepthChart } from './QueueDepthChart.tsx';

/**
 * The four charts of a run (a simulation, a kept scenario's evidence, a drill): queue depth per
 * team over time, missed deadlines over time, and how pick-up and resolution times spread.
 */
export const RunCharts = memo(function RunCharts({ series, teamName, label }: {
  series: RunSeries;
  teamName?: (id: string) => string;
  /** Says whose run it is in each title ("v3"), when several runs are shown. */
  label?: string;
}) {
  const of = (t: string) => (label ? `${t} — ${label}` : t);
  return (
    <div className="chart-grid" data-testid="run-charts">
      <QueueDepthChart series={series} teamName={teamName} title={of('Waiting in each team’s queue')} />
      <BreachesChart series={series} title={of('Missed deadlines over time')} />
      <DistributionChart bins={series.pickup} title={of('Time to pick-up')} colour={seriesColour(2)} testId="chart-pickup" />
      <DistributionChart bins={series.resolved} title={of('Time to resolution')} colour={seriesColour(3)} testId="chart-resolved" />
    </div>
  );
});
