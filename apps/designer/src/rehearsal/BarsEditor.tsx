import { memo } from 'react';
import type { Bar, BarMetric, MapNode, Team } from '@baton/engine';
import { BAR_METRICS, METRIC_LABELS, isTime, keptMax, scopeOf, shownMax, withScope } from './barWords.ts';

/**
 * The must-pass bars of a kept scenario: each a measure, over the whole map, one team or one step,
 * and the most it may be. Every submitted version must keep under every bar to be approved.
 */
export const BarsEditor = memo(function BarsEditor({ bars, onChange, teams, passes }: {
  bars: Bar[];
  onChange: (bars: Bar[]) => void;
  teams: Team[];
  /** The map's pass steps, which a bar may name. */
  passes: Pick<MapNode, 'id' | 'label'>[];
}) {
  const set = (i: number, bar: Bar) => onChange(bars.map((b, j) => (j === i ? bar : b)));
  return (
    <fieldset className="bars-editor" data-testid="bars-editor">
      <legend className="field-label">Must pass</legend>
      {bars.length === 0 && <p className="muted small">No bar yet: the scenario is rehearsed and shown, but it cannot hold up approval.</p>}
      <ol className="bar-rows">
        {bars.map((bar, i) => (
          <li key={i} className="bar-row" data-bar-row={i}>
            <select aria-label={`Bar ${i + 1}: measure`} value={bar.metric} name="bar-metric"
              onChange={(e) => {
                const metric = e.target.value as BarMetric;
                const next = { ...bar, metric, max: keptMax(metric, shownMax(bar)) };
                set(i, metric === 'unrouted' ? withScope(next, '') : next);
              }}>
              {BAR_METRICS.map((m) => <option key={m} value={m}>{METRIC_LABELS[m]}</option>)}
            </select>
            <select aria-label={`Bar ${i + 1}: where`} value={scopeOf(bar)} name="bar-scope" disabled={bar.metric === 'unrouted'} onChange={(e) => set(i, withScope(bar, e.target.value))}>
              <option value="">whole map</option>
              {teams.map((t) => <option key={t.id} value={`team:${t.id}`}>team: {t.name}</option>)}
              {passes.map((n) => <option key={n.id} value={`node:${n.id}`}>step: {n.label}</option>)}
            </select>
            <label className="bar-max">
              <span>at most</span>
              <input type="number" min={0} step={isTime(bar.metric) ? 0.5 : 1} name="bar-max" aria-label={`Bar ${i + 1}: at most`} value={shownMax(bar)}
                onChange={(e) => set(i, { ...bar, max: keptMax(bar.metric, Math.max(0, e.target.valueAsNumber || 0)) })} />
            </label>
            <button type="button" className="link-button" aria-label={`Remove bar ${i + 1}`} onClick={() => onChange(bars.filter((_, j) => j !== i))}>Remove</button>
          </li>
        ))}
      </ol>
      <button type="button" className="small-button" data-testid="add-bar" onClick={() => onChange([...bars, { metric: 'breaches', max: 0 }])}>Add a bar</button>
    </fieldset>
  );
});
