import { memo } from 'react';
import { useSimulation } from './simulationStore.ts';

/** Run, the progress bar while a run is under way, Cancel, and why Run is disabled. */
export const RunControls = memo(function RunControls({ blocked, running, stale, onRun, onCancel }: {
  blocked: string | null;
  running: boolean;
  stale: boolean;
  onRun: () => void;
  onCancel: () => void;
}) {
  const progress = useSimulation((s) => s.progress);
  const share = progress && progress.total > 0 ? progress.done / progress.total : 0;
  return (
    <section className="run-controls">
      {running && progress ? (
        <div className="sim-progress" data-testid="simulation-progress" role="status">
          <progress max={1} value={share} aria-label="Simulation progress" />
          <span className="small">{progress.total > 0 ? `${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')} mentions` : 'Starting…'}</span>
          <button type="button" onClick={onCancel} data-testid="cancel-simulation">Cancel</button>
        </div>
      ) : (
        <button type="button" className="primary run-button" data-testid="run-simulation" disabled={blocked !== null} onClick={onRun}>
          {stale ? 'Run again on the edited map' : 'Run simulation'}
        </button>
      )}
      {blocked && !running && <p className="small muted" data-testid="run-blocked">{blocked}</p>}
      {stale && !running && <p className="small sim-stale-note">The map changed since the last run; the results shown are from before your edit.</p>}
    </section>
  );
});
