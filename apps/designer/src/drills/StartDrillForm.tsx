import { useEffect, useState } from 'react';
import type { Team } from '@baton/engine';
import { api, type MapSummary, type MapVersion } from '../api/client.ts';
import { drillsApi } from '../api/drills.ts';
import { scenariosForMap } from '../simulation/exampleScenarios.ts';
import { SpikeForm } from '../simulation/SpikeForm.tsx';
import { showError, showToast } from '../shell/toasts.ts';

/** Versions a drill may run on. */
const DRILLABLE = new Set(['submitted', 'approved']);

/**
 * Starts a drill: a map and one of its submitted or approved versions, a scenario (shipped with
 * the examples, or a quick spike), the speed, and the teams whose people take part.
 */
export function StartDrillForm({ maps, onStarted }: { maps: MapSummary[]; onStarted: (id: string) => void }) {
  const [mapId, setMapId] = useState(maps[0]?.id ?? '');
  const [versions, setVersions] = useState<{ version: number; state: string }[]>([]);
  const [version, setVersion] = useState<number | null>(null);
  const [doc, setDoc] = useState<MapVersion | null>(null);
  const [scenarioKey, setScenarioKey] = useState('');
  const [spike, setSpike] = useState<{ label: string; document: unknown } | null>(null);
  const [speed, setSpeed] = useState(10);
  const [teams, setTeams] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!mapId) return;
    let live = true;
    api.map(mapId).then((detail) => {
      if (!live) return;
      const ok = detail.versions.filter((v) => DRILLABLE.has(v.state)).map((v) => ({ version: v.version, state: v.state })).sort((a, b) => b.version - a.version);
      setVersions(ok);
      setVersion(ok[0]?.version ?? null);
    }, (e) => showError('Could not load the map', e));
    return () => {
      live = false;
    };
  }, [mapId]);

  useEffect(() => {
    if (!mapId || version === null) return setDoc(null);
    let live = true;
    api.version(mapId, version).then((v) => {
      if (!live) return;
      setDoc(v);
      setTeams(v.document.teams.map((t) => t.id));
    }, (e) => showError('Could not load the version', e));
    return () => {
      live = false;
    };
  }, [mapId, version]);

  const examples = scenariosForMap(doc?.document.id ?? mapId);
  const mapTeams: Team[] = doc?.document.teams ?? [];
  const scenario = scenarioKey === 'spike' ? spike?.document : examples.find((s) => s.key === scenarioKey)?.document;

  const submit = async () => {
    if (version === null || !scenario) return;
    setBusy(true);
    try {
      const { id } = await drillsApi.start({ mapId, version, scenario: scenario as Record<string, unknown>, speed, teams });
      showToast('success', 'Drill started. Its cases appear in the teams’ consoles, marked “Drill”.');
      onStarted(id);
    } catch (err) {
      showError('Could not start the drill', err);
    } finally {
      setBusy(false);
    }
  };

  if (!maps.length) return <p className="muted">No maps yet — draw one and submit it, then rehearse it here.</p>;
  return (
    // Not a <form>: the quick spike inside is a form of its own, and forms do not nest.
    <div className="drill-form" role="group" data-testid="start-drill" aria-label="Start a drill">
      <div className="drill-form-row">
        <label className="field">
          <span className="field-label">Map</span>
          <select name="drill-map" value={mapId} onChange={(e) => setMapId(e.target.value)}>
            {maps.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Version</span>
          <select name="drill-version" value={version ?? ''} onChange={(e) => setVersion(Number(e.target.value))} disabled={!versions.length}>
            {!versions.length && <option value="">none submitted or approved</option>}
            {versions.map((v) => <option key={v.version} value={v.version}>v{v.version} · {v.state}</option>)}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Speed</span>
          <input type="number" name="drill-speed" min={1} max={60} value={speed} onChange={(e) => setSpeed(e.target.valueAsNumber)} />
          <span className="field-hint">{speed}× — an hour of the scenario takes {Number.isFinite(speed) && speed > 0 ? Math.round(60 / speed) : '?'} min.</span>
        </label>
      </div>
      <label className="field">
        <span className="field-label">Scenario</span>
        <select name="drill-scenario" value={scenarioKey} onChange={(e) => setScenarioKey(e.target.value)}>
          <option value="">Pick a scenario…</option>
          {examples.map((s) => <option key={s.key} value={s.key}>{s.name} ({s.mentions.toLocaleString('en')} mentions)</option>)}
          <option value="spike">Quick spike…</option>
        </select>
      </label>
      {scenarioKey === 'spike' && (
        <div className="drill-spike">
          {mapTeams.length > 0 && <SpikeForm teams={mapTeams} onPick={(c) => setSpike({ label: c.label, document: c.document })} />}
          <p className="field-hint">In a drill your teams’ members do the work; the staff above only sets how long each case takes in the simulator’s prediction.</p>
          {spike && <p className="muted small" data-testid="drill-spike-picked">Using: {spike.label}</p>}
        </div>
      )}
      <fieldset className="drill-teams">
        <legend className="field-label">Teams taking part</legend>
        {mapTeams.map((t) => (
          <label key={t.id} className="checkbox-field">
            <input type="checkbox" name="drill-team" value={t.id} checked={teams.includes(t.id)}
              onChange={(e) => setTeams((ts) => (e.target.checked ? [...ts, t.id] : ts.filter((x) => x !== t.id)))} />
            {t.name}
          </label>
        ))}
        <p className="field-hint">Their members see the drill’s cases in the console, marked “Drill”. Include the hub if passes have checklists.</p>
      </fieldset>
      <button type="button" className="primary" data-testid="start-drill-button" disabled={busy || version === null || !scenario || !teams.length} onClick={submit}>
        {busy ? 'Starting…' : 'Start drill'}
      </button>
    </div>
  );
}
