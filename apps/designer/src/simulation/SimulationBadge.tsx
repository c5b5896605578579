import { memo } from 'react';
import type { CSSProperties } from 'react';
import { useStore } from '@xyflow/react';
import { heatColour, heatLevel } from './heat.ts';
import { count, momentAt, momentWords, totalWords } from './nodeMoments.ts';
import { isStale, useSimulation } from './simulationStore.ts';
import { clockAt } from './timeWords.ts';

const MAX_SCALE = 1.6;

const badgeStyle = (background: string, scale: number): CSSProperties => (scale > 1 ? { background, transform: `scale(${scale})` } : { background });

/**
 * A node's numbers from the last simulation, shown in Simulate mode only, on a heat colour (calm →
 * amber → red by the share of cases that missed their deadline there).
 *
 * At the end of the run (the timeline not scrubbed): how many cases entered the node and how many
 * deadlines were missed there. At a scrubbed moment: for a pass, how many cases wait in its queue
 * (the main number), how many are being worked and the deadlines missed so far; for other steps, the
 * cases that entered so far. `data-sim-entered` and `data-sim-breaches` always hold the run's totals;
 * `data-sim-waiting`, `data-sim-working` and `data-sim-missed` the moment's values, when scrubbed.
 * Renders nothing in Design and Review mode, so node components stay as they are.
 */
export const SimulationBadge = memo(function SimulationBadge({ id }: { id: string }) {
  // Zoomed out to see the whole map, the badges grow back (up to 1.6×) so their numbers stay readable.
  const scale = useStore((s) => Math.min(MAX_SCALE, Math.max(1, Math.round(100 / s.transform[2]) / 100)));
  const active = useSimulation((s) => s.active);
  const stats = useSimulation((s) => s.record?.result.metrics.byNode[id]);
  const timeline = useSimulation((s) => s.record?.nodes[id]);
  const start = useSimulation((s) => s.record?.scenario.start);
  const timeSec = useSimulation((s) => s.timeSec);
  const stale = useSimulation(isStale);
  if (!active || !stats) return null;
  const { entered, breaches } = stats;
  const staleWords = stale ? ' (before your last edit)' : '';

  if (timeSec !== null && timeline && start !== undefined) {
    const moment = momentAt(timeline, timeSec);
    const level = heatLevel(moment.entered, moment.missed);
    const words = momentWords(moment, timeline.pass, clockAt(start, timeSec)) + staleWords;
    return (
      <span
        className={`sim-badge sim-moment sim-${level}${stale ? ' sim-stale' : ''}${timeline.pass && moment.waiting === 0 && moment.working === 0 ? ' sim-quiet' : ''}`}
        style={badgeStyle(heatColour(moment.entered ? moment.missed / moment.entered : 0), scale)}
        data-sim-node={id}
        data-sim-entered={entered}
        data-sim-breaches={breaches}
        data-sim-at={timeSec}
        data-sim-waiting={timeline.pass ? moment.waiting : undefined}
        data-sim-working={timeline.pass ? moment.working : undefined}
        data-sim-missed={moment.missed}
        title={words}
        aria-label={words}
      >
        {timeline.pass ? (
          <>
            <span className="sim-waiting">{count(moment.waiting)}</span>
            <span className="sim-unit"> waiting</span>
            {moment.working > 0 && <span className="sim-working">· {count(moment.working)} being worked</span>}
          </>
        ) : (
          <>
            <span className="sim-so-far">{count(moment.entered)}</span>
            <span className="sim-unit"> in so far</span>
          </>
        )}
        {moment.missed > 0 && <span className="sim-breaches">{count(moment.missed)} late</span>}
      </span>
    );
  }

  const level = heatLevel(entered, breaches);
  const words = totalWords(entered, breaches) + staleWords;
  return (
    <span
      className={`sim-badge sim-${level}${stale ? ' sim-stale' : ''}`}
      style={badgeStyle(heatColour(entered ? breaches / entered : 0), scale)}
      data-sim-node={id}
      data-sim-entered={entered}
      data-sim-breaches={breaches}
      title={words}
      aria-label={words}
    >
      <span className="sim-entered">{count(entered)}</span>
      <span className="sim-unit"> in</span>
      {breaches > 0 && <span className="sim-breaches">{count(breaches)} late</span>}
    </span>
  );
});
