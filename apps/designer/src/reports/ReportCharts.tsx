import type { ReportSummary } from '../api/reports.ts';
import { BreachesChart } from '../charts/BreachesChart.tsx';
import { DistributionChart } from '../charts/DistributionChart.tsx';
import { seriesColour } from '../charts/chartTheme.ts';

/** The period's charts: missed deadlines over time (by date and hour), pick-up and resolution times. */
export function ReportCharts({ summary }: { summary: ReportSummary }) {
  const from = Date.parse(summary.from);
  const { charts } = summary;
  const tick = (sec: number) => {
    const d = new Date(from + sec * 1000);
    return charts.bucketSec >= 86_400
      ? d.toLocaleDateString(undefined, { day: 'numeric', month: 'short' })
      : d.toLocaleString(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  };
  return (
    <section className="report-section" aria-labelledby="charts-title" data-testid="report-charts">
      <h2 id="charts-title">Over the period</h2>
      <div className="chart-grid">
        <BreachesChart series={charts} tick={tick} />
        <DistributionChart bins={charts.pickup} title="Time to pick-up" colour={seriesColour(2)} testId="chart-pickup" />
        <DistributionChart bins={charts.resolved} title="Time to resolution" colour={seriesColour(3)} testId="chart-resolved" />
      </div>
    </section>
  );
}
