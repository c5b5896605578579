import { memo } from 'react';
import { heatColour, heatLevel } from './heat.ts';
import { isStale, useSimulation } from './simulationStore.ts';

/**
 * A node's numbers from the last simulation, shown in Simulate mode only: how many cases entered
 * it and how many deadlines were missed there, on a heat colour (calm → amber → red by breach ratio).
 * Renders nothing in Design and Review mode, so node components stay as they are.
 */
export const SimulationBadge = memo(function SimulationBadge({ id }: { id: string }) {
  const active = useSimulation((s) => s.active);
  const stats = useSimulation((s) => s.record?.result.metrics.byNode[id]);
  const stale = useSimulation(isStale);
  if (!active || !stats) return null;
  const { entered, breaches } = stats;
  const level = heatLevel(entered, breaches);
  const words = `${entered} case${entered === 1 ? '' : 's'} entered${breaches ? `, ${breaches} missed deadline${breaches === 1 ? '' : 's'}` : ''}${stale ? ' (before your last edit)' : ''}`;
  return (
    <span
      className={`sim-badge sim-${level}${stale ? ' sim-stale' : ''}`}
      style={{ background: heatColour(entered ? breaches / entered : 0) }}
      data-sim-node={id}
      data-sim-entered={entered}
      data-sim-breaches={breaches}
      title={words}
      aria-label={words}
    >
      <span className="sim-entered">{entered}</span>
      <span className="sim-unit"> in</span>
      {breaches > 0 && <span className="sim-breaches">{breaches} late</span>}
    </span>
  );
});
