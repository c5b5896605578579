/**
 * Reusable charts (recharts; no string evaluation, so they run under the web app's
 * Content-Security-Policy). Each takes plain figures — mostly a `RunSeries` from the engine.
 */
export { ChartFrame } from './ChartFrame.tsx';
export { QueueDepthChart } from './QueueDepthChart.tsx';
export { BreachesChart } from './BreachesChart.tsx';
export { DistributionChart } from './DistributionChart.tsx';
export { RunCharts } from './RunCharts.tsx';
export { SERIES_COLOURS, BREACH_COLOUR, seriesColour, tickSeconds } from './chartTheme.ts';
