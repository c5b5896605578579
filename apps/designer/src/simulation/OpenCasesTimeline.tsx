import { memo, useEffect, useMemo, useState } from 'react';
import { Area, AreaChart, CartesianGrid, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { AXIS, GRID, tickSeconds } from '../charts/chartTheme.ts';
import { countsAt, openCasesSeries } from './openCases.ts';
import { useSimulation, useSimulationStore } from './simulationStore.ts';
import type { SimulationRecord } from './simulationStore.ts';
import { clockAt } from './timeWords.ts';

const PLAY_MS = 8000;

/**
 * Open cases over the run as an area chart (waiting for a first pick-up in amber on top of open in
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

  const step = Math.max(1, endSec / 400);
  return (
    <div className="timeline" data-testid="simulation-timeline">
      <h3 className="chart-title">Open cases over time <span className="muted small">(peak {top.toLocaleString('en')})</span></h3>
      <div className="timeline-chart" role="img" aria-label={`Open cases over the run, peaking at ${top}`}>
        <ResponsiveContainer width="100%" height="100%">
          <AreaChart data={series} margin={{ top: 4, right: 8, bottom: 0, left: -16 }}>
            <CartesianGrid {...GRID} vertical={false} />
            <XAxis dataKey="t" type="number" domain={[0, Math.max(1, endSec)]} tickFormatter={tickSeconds} {...AXIS} />
            <YAxis allowDecimals={false} {...AXIS} width={48} />
            <Area dataKey="open" name="Open" type="stepAfter" stroke="#1d4ed8" fill="#bfdbfe" isAnimationActive={false} />
            <Area dataKey="waiting" name="Not yet picked up" type="stepAfter" stroke="#b45309" fill="#fcd34d" fillOpacity={0.8} isAnimationActive={false} />
            <ReferenceLine x={t} stroke="#0f172a" strokeWidth={1.5} ifOverflow="extendDomain" />
          </AreaChart>
        </ResponsiveContainer>
      </div>
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
