import type { ReactNode } from 'react';
import './charts.css';

/**
 * A chart's box: a heading, a sentence that says what the chart shows (read by screen readers in
 * place of the drawing), and the chart itself at a fixed height, or `empty` when there is nothing to draw.
 */
export function ChartFrame({ title, summary, empty, testId, children }: {
  title: string;
  /** The chart in one sentence ("Customer Care peaks at 42 waiting"). */
  summary: string;
  /** Shown instead of the chart when there is nothing to draw. */
  empty?: string | null;
  testId?: string;
  children: ReactNode;
}) {
  return (
    <figure className="chart" data-testid={testId} data-chart-empty={empty ? 'true' : undefined}>
      <figcaption>
        <span className="chart-heading">{title}</span>
        <span className="chart-summary muted small">{empty ?? summary}</span>
      </figcaption>
      {!empty && <div className="chart-body" role="img" aria-label={`${title}: ${summary}`}>{children}</div>}
    </figure>
  );
}
