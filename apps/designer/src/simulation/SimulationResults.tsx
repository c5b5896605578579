import { memo } from 'react';
import { RunCharts } from '../charts/RunCharts.tsx';
import { useMapStore } from '../designer/useMapStore.ts';
import { CrisisAxis } from './CrisisAxis.tsx';
import { MetricCards } from './MetricCards.tsx';
import { OpenCasesTimeline } from './OpenCasesTimeline.tsx';
import { isStale, useSimulation } from './simulationStore.ts';
import './simulation.css';

/**
 * Under the canvas in Simulate mode: the empty state until a run finishes, then the metric cards,
 * the open-cases timeline, the crisis windows and the run's charts (the per-team table sits in the scenario panel).
 */
export const SimulationResults = memo(function SimulationResults() {
  const record = useSimulation((s) => s.record);
  const stale = useSimulation(isStale);
  const teams = useMapStore((s) => s.settings.teams);
  if (!record) {
    return (
      <section className="sim-results sim-empty" data-testid="simulation-empty">
        <p><strong>Pick a scenario to rehearse this map.</strong> Choose one on the right, then Run: the canvas shows how many cases reach each step and where deadlines slip.</p>
      </section>
    );
  }
  const { result, scenario, endSec } = record;
  return (
    <section className={`sim-results${stale ? ' is-stale' : ''}`} data-testid="simulation-results" aria-label="Simulation results">
      <header className="sim-results-head">
        <h2>{record.scenarioLabel}</h2>
        {stale && <span className="stale-tag">stale — the map changed after this run</span>}
      </header>
      <MetricCards metrics={result.metrics} />
      <div className="sim-charts">
        <OpenCasesTimeline record={record} />
        <CrisisAxis crisis={result.metrics.crisis} endSec={endSec} start={scenario.start} />
      </div>
      <RunCharts series={record.series} teamName={(id) => teams.find((t) => t.id === id)?.name ?? id} />
    </section>
  );
});
