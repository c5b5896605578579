/**
 * Must-pass bars in the web app's words. Times are typed in minutes and kept in seconds, as the
 * API has them.
 */
import { BAR_METRICS, type Bar, type BarMetric } from '@baton/engine';

/** What each measure is called in the bars editor. */
export const METRIC_LABELS: Record<BarMetric, string> = {
  breaches: 'Missed deadlines',
  open: 'Cases still open at the end',
  unrouted: 'Mentions left unrouted',
  pickupP90Sec: 'Pick-up time, 9 in 10 (minutes)',
  resolvedP90Sec: 'Resolution time, 9 in 10 (minutes)',
};

export { BAR_METRICS };

/** Whether a measure is a time (typed in minutes). */
export const isTime = (m: BarMetric) => m === 'pickupP90Sec' || m === 'resolvedP90Sec';

/** The number a person types for a bar's `max` (minutes for times). */
export const shownMax = (bar: Bar) => (isTime(bar.metric) ? Math.round((bar.max / 60) * 100) / 100 : bar.max);

/** A bar's `max` from what a person typed. */
export const keptMax = (metric: BarMetric, typed: number) => (isTime(metric) ? Math.round(typed * 60) : Math.round(typed));

/** "team:care", "node:p_care" or "" (the whole map): a bar's scope as one select value. */
export const scopeOf = (bar: Bar) => (bar.team ? `team:${bar.team}` : bar.node ? `node:${bar.node}` : '');

/** A bar with a new scope from the select's value. */
export function withScope(bar: Bar, scope: string): Bar {
  const { team: _t, node: _n, ...rest } = bar;
  if (scope.startsWith('team:')) return { ...rest, team: scope.slice(5) };
  if (scope.startsWith('node:')) return { ...rest, node: scope.slice(5) };
  return rest;
}
