import { memo, useState } from 'react';
import { describeBar, type Bar, type BatonMap } from '@baton/engine';
import { rehearsalApi, type KeptScenario } from '../api/rehearsal.ts';
import { download } from '../designer/download.ts';
import { showError, showToast } from '../shell/toasts.ts';
import type { ScenarioChoice } from '../simulation/simulationStore.ts';
import { BarsEditor } from './BarsEditor.tsx';
import { useKeptScenarios } from './useKeptScenarios.ts';
import './rehearsal.css';

const fileName = (name: string) => `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scenario'}.scenario.json`;

/** One kept scenario: its bars in words; rehearse it here, export it, change its bars, or stop keeping it. */
function KeptRow({ kept, map, onPick, onChanged }: { kept: KeptScenario; map: BatonMap; onPick: (c: ScenarioChoice) => void; onChanged: () => void }) {
  const [editing, setEditing] = useState<Bar[] | null>(null);
  const passes = map.nodes.filter((n) => n.type === 'pass');
  const save = async () => {
    try {
      await rehearsalApi.edit(map.id, kept.id, kept.scenario, editing ?? []);
      setEditing(null);
      showToast('success', `Bars of “${kept.name}” saved; versions submitted from now on must pass them.`);
      onChanged();
    } catch (e) {
      showError('Could not save the bars', e);
    }
  };
  const remove = async () => {
    if (!window.confirm(`Stop keeping “${kept.name}” with this map? Versions already submitted keep their evidence.`)) return;
    try {
      await rehearsalApi.remove(map.id, kept.id);
      onChanged();
    } catch (e) {
      showError('Could not remove the scenario', e);
    }
  };
  return (
    <li className="kept-row" data-kept-scenario={kept.name}>
      <div className="kept-head">
        <span className="scenario-name">{kept.name}</span>
        <span className="muted small">{kept.mentions.toLocaleString('en')} mentions</span>
      </div>
      {kept.mustPass.length ? (
        <ul className="kept-bars small">{kept.mustPass.map((b, i) => <li key={i}>{describeBar(b, map)}</li>)}</ul>
      ) : <p className="muted small">No must-pass bar.</p>}
      {editing && <BarsEditor bars={editing} onChange={setEditing} teams={map.teams} passes={passes} />}
      <div className="row-buttons small-buttons">
        {editing ? (
          <>
            <button type="button" className="small-button primary" onClick={save}>Save bars</button>
            <button type="button" className="small-button" onClick={() => setEditing(null)}>Cancel</button>
          </>
        ) : (
          <>
            <button type="button" className="small-button" onClick={() => onPick({ key: `kept:${kept.id}`, label: kept.name, source: 'file', document: kept.scenario })}>Rehearse here</button>
            <button type="button" className="small-button" onClick={() => setEditing(kept.mustPass)}>Edit bars</button>
            <button type="button" className="small-button" onClick={() => download(fileName(kept.name), `${JSON.stringify(kept.scenario, null, 2)}\n`)}>Export</button>
            <button type="button" className="small-button danger" onClick={remove}>Remove</button>
          </>
        )}
      </div>
    </li>
  );
}

/**
 * Simulate mode's kept scenarios: keep the scenario chosen above (shipped, imported or a quick
 * spike) with must-pass bars, so every version submitted from now on is rehearsed on it and cannot
 * be approved while it fails a bar; and the list of those already kept.
 */
export const KeptScenarios = memo(function KeptScenarios({ map, saved, choice, fits, onPick }: {
  map: BatonMap;
  /** Whether the map exists on the server (kept scenarios belong to a saved map). */
  saved: boolean;
  choice: ScenarioChoice | null;
  /** Whether the chosen scenario fits the map. */
  fits: boolean;
  onPick: (c: ScenarioChoice) => void;
}) {
  const { kept, failed, reload } = useKeptScenarios(map.id, saved);
  const [bars, setBars] = useState<Bar[]>([{ metric: 'breaches', max: 0 }]);
  const [busy, setBusy] = useState(false);
  const passes = map.nodes.filter((n) => n.type === 'pass');
  const already = choice && kept?.some((k) => `kept:${k.id}` === choice.key);

  const keep = async () => {
    if (!choice) return;
    setBusy(true);
    try {
      const made = await rehearsalApi.keep(map.id, choice.document as Record<string, unknown>, bars);
      showToast('success', `Kept “${made.name}” with the map: every version submitted from now on is rehearsed on it.`);
      onPick({ key: `kept:${made.id}`, label: made.name, source: 'file', document: made.scenario });
      reload();
    } catch (e) {
      showError('Could not keep the scenario', e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="kept-scenarios" aria-labelledby="kept-title" data-testid="kept-scenarios">
      <h3 id="kept-title" className="field-label">Kept with the map</h3>
      <p className="muted small">Every version submitted for approval is rehearsed on these; one that fails a must-pass bar cannot be approved.</p>
      {!saved ? (
        <p className="muted small">Save the map first to keep scenarios with it.</p>
      ) : (
        <>
          {choice && fits && !already && (
            <div className="keep-form" data-testid="keep-form">
              <p className="small">Keep “{choice.label}” with the map:</p>
              <BarsEditor bars={bars} onChange={setBars} teams={map.teams} passes={passes} />
              <button type="button" className="primary" data-testid="keep-scenario" disabled={busy} onClick={keep}>Keep with the map</button>
            </div>
          )}
          {failed && <p className="field-error small">Could not load the kept scenarios: {failed}</p>}
          {kept && kept.length === 0 && <p className="muted small" data-testid="kept-none">None yet — choose a scenario above, set its bars and keep it.</p>}
          {kept && kept.length > 0 && (
            <ul className="kept-list">{kept.map((k) => <KeptRow key={k.id} kept={k} map={map} onPick={onPick} onChanged={reload} />)}</ul>
          )}
        </>
      )}
    </section>
  );
});
