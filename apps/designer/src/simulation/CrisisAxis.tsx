import { memo } from 'react';
import type { SimulationResult } from '@baton/engine';
import { clockAt } from './timeWords.ts';

/** The run on a time axis with its crisis windows in red, and their times in words. */
export const CrisisAxis = memo(function CrisisAxis({ crisis, endSec, start }: { crisis: SimulationResult['metrics']['crisis']; endSec: number; start: string }) {
  const span = Math.max(1, endSec);
  return (
    <div className="crisis-axis" data-testid="crisis-axis">
      <h3 className="chart-title">Crisis</h3>
      <div className="axis-track" aria-hidden="true">
        {crisis.map((w, i) => {
          const to = w.toSec ?? endSec;
          return <span key={i} className="axis-window" style={{ left: `${(w.fromSec / span) * 100}%`, width: `${Math.max(0.5, ((to - w.fromSec) / span) * 100)}%` }} />;
        })}
      </div>
      <div className="axis-ends small muted"><span>{clockAt(start, 0)}</span><span>{clockAt(start, endSec)}</span></div>
      <p className="small">
        {crisis.length === 0
          ? 'No crisis during this run.'
          : crisis.map((w) => `${clockAt(start, w.fromSec)}–${w.toSec === null ? 'still on at the end' : clockAt(start, w.toSec)}`).join(', ')}
      </p>
    </div>
  );
});
