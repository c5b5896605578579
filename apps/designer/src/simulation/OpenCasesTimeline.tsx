import { memo, useEffect, useMemo, useState } from 'react';
import { countsAt, openCasesSeries } from './openCases.ts';
import { useSimulation, useSimulationStore } from './simulationStore.ts';
import type { SimulationRecord } from './simulationStore.ts';
import { clockAt } from './timeWords.ts';

const W = 400;
const H = 80;
const PLAY_MS = 8000;

function pathOf(points: { t: number; v: number }[], endSec: number, top: number): string {
  if (points.length === 0) return '';
  const x = (t: number) => (endSec > 0 ? (t / endSec) * W : 0);
  const y = (v: number) => H - (top > 0 ? (v / top) * (H - 4) : 0);
  return `M0 ${H} ${points.map((p) => `L${x(p.t).toFixed(1)} ${y(p.v).toFixed(1)}`).join(' ')} L${W} ${H} Z`;
}

/**
 * Open cases over the run as a small SVG chart (waiting for a first pick-up in amber on top of open in
 * blue), with a scrubber and Play; the readout says how many were open at the scrubbed moment, and
 * the node badges on the canvas follow the same moment (at the very end they show the run's totals).
 */
export const OpenCasesTimeline = memo(function OpenCasesTimeline({ record }: { record: SimulationRecord }) {
  const store = useSimulationStore();
  const timeSec = useSimulation((s) => s.timeSec);
  const [playing, setPlaying] = useState(false);
  const { result, arrivalSec, endSec, scenario } = record;
  const series = useMemo(() => openCasesSeries(result.cases, arrivalSec, endSec, 160), [result, arrivalSec, endSec]);
  const top = Math.max(1, ...series.map((p) => p.open));
  const t = timeSec ?? endSec;
  const now = useMemo(() => countsAt(result.cases, arrivalSec, endSec, t), [result, arrivalSec, endSec, t]);

  useEffect(() => {
    if (!playing) return;
    let frame = 0;
    const from = timeSec !== null && timeSec < endSec ? timeSec : 0;
    const began = performance.now() - (from / Math.max(1, endSec)) * PLAY_MS;
    const tick = (at: number) => {
      const share = (at - began) / PLAY_MS;
      if (share >= 1) {
        store.scrub(null);
        setPlaying(false);
        return;
      }
      store.scrub(share * endSec);
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
    // Starting point is read once when Play is pressed.
  }, [playing, endSec, store]);

  const x = endSec > 0 ? (t / endSec) * W : 0;
  const step = Math.max(1, endSec / 400);
  return (
    <div className="timeline" data-testid="simulation-timeline">
      <h3 className="chart-title">Open cases over time <span className="muted small">(peak {top.toLocaleString('en')})</span></h3>
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" className="timeline-chart" role="img" aria-label={`Open cases over the run, peaking at ${top}`}>
        <path d={pathOf(series.map((p) => ({ t: p.t, v: p.open })), endSec, top)} className="area-open" />
        <path d={pathOf(series.map((p) => ({ t: p.t, v: p.waiting })), endSec, top)} className="area-waiting" />
        <line x1={x} x2={x} y1={0} y2={H} className="timeline-cursor" vectorEffect="non-scaling-stroke" />
      </svg>
      <div className="timeline-controls">
        <button type="button" className="icon-button" onClick={() => setPlaying((p) => !p)} aria-label={playing ? 'Pause' : 'Play the run'} data-testid="timeline-play">
          {playing ? '❚❚' : '▶'}
        </button>
        <input
          type="range"
          min={0}
          max={Math.max(1, endSec)}
          step={step}
          value={t}
          onChange={(e) => {
            setPlaying(false);
            // At the end (to within half a step) the badges show the run's totals again.
            const v = e.target.valueAsNumber;
            store.scrub(v >= endSec - step / 2 ? null : v);
          }}
          aria-label="Moment of the run"
          data-testid="timeline-scrub"
        />
      </div>
      <p className="timeline-readout small" data-testid="timeline-readout">
        At {clockAt(scenario.start, t)}: <strong>{now.open}</strong> open, <span className="waiting-text">{now.waiting} not yet picked up</span>
        <span className="muted"> · {timeSec === null ? 'steps show the whole run' : 'steps show this moment'}</span>
      </p>
    </div>
  );
});
