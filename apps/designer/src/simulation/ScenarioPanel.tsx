import { memo, useMemo, useRef } from 'react';
import type { ChangeEvent } from 'react';
import { validateScenario } from '@baton/engine';
import type { Scenario } from '@baton/engine';
import type { Problem } from '../designer/engine.ts';
import { toMapDocument } from '../designer/toMapDocument.ts';
import { useMapStore, useMapStoreApi } from '../designer/useMapStore.ts';
import { scenariosForMap } from './exampleScenarios.ts';
import { readScenarioFile } from './readScenarioFile.ts';
import { RunControls } from './RunControls.tsx';
import { SpikeForm } from './SpikeForm.tsx';
import { TeamTable } from './TeamTable.tsx';
import { isStale, useSimulation, useSimulationStore } from './simulationStore.ts';
import type { ScenarioChoice } from './simulationStore.ts';
import { useSimulationRun } from './useSimulationRun.ts';
import { KeptScenarios } from '../rehearsal/KeptScenarios.tsx';
import { ReplayPanel } from '../rehearsal/ReplayPanel.tsx';
import './simulation.css';

/**
 * Simulate mode's right-hand panel: pick a shipped scenario of this map, import one, or build a
 * quick spike; see its problems in plain words; run it (disabled while the map or the scenario has
 * errors) and cancel it; after a run, how each team coped. Below: the scenarios kept with the map
 * (with their must-pass bars) and the replay of real mentions.
 */
export const ScenarioPanel = memo(function ScenarioPanel({ problems, saved, dirty }: {
  problems: Problem[];
  /** Whether the map exists on the server (kept scenarios and replay need it). */
  saved: boolean;
  /** Whether the canvas has edits the server has not got (a replay runs the saved draft). */
  dirty: boolean;
}) {
  const mapStore = useMapStoreApi();
  const sim = useSimulationStore();
  const revision = useMapStore((s) => s.revision);
  const mapId = useMapStore((s) => s.settings.id);
  const teams = useMapStore((s) => s.settings.teams);
  const choice = useSimulation((s) => s.choice);
  const running = useSimulation((s) => s.progress !== null);
  const stale = useSimulation(isStale);
  const byTeam = useSimulation((s) => s.record?.result.metrics.byTeam);
  const fileInput = useRef<HTMLInputElement>(null);
  const { run, cancel } = useSimulationRun(sim);

  const map = useMemo(() => toMapDocument(mapStore.getState()), [mapStore, revision]);
  const examples = useMemo(() => scenariosForMap(mapId), [mapId]);
  const mapErrors = problems.filter((p) => p.severity === 'error').length;
  const check = useMemo(() => (choice ? validateScenario(choice.document, map) : null), [choice, map]);
  const scenarioErrors = check ? check.problems.filter((p) => p.severity === 'error') : [];

  const pick = (next: ScenarioChoice) => sim.choose(next);
  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const choice = await readScenarioFile(event.target);
    if (choice) pick(choice);
  };

  let blocked: string | null = null;
  if (!choice) blocked = 'Pick a scenario first.';
  else if (mapErrors > 0) blocked = `The map has ${mapErrors} error${mapErrors > 1 ? 's' : ''}; fix ${mapErrors > 1 ? 'them' : 'it'} in Design mode first (see the list below the canvas).`;
  else if (scenarioErrors.length > 0) blocked = 'The scenario has problems (listed above); fix the file or pick another.';

  return (
    <aside className="inspector scenario-panel" aria-label="Scenario" data-testid="scenario-panel">
      <div className="inspector-body">
        <h2 className="panel-heading">Rehearse this map</h2>
        <p className="muted small">Simulated mentions arrive, simulated staff work the queues; nothing is sent and no real case starts.</p>

        <section aria-labelledby="scenario-examples">
          <h3 id="scenario-examples" className="field-label">Scenarios for this map</h3>
          {examples.length === 0 ? (
            <p className="muted small">No shipped scenario rehearses “{mapId}”. Import one or build a quick spike.</p>
          ) : (
            <ul className="scenario-list">
              {examples.map((s) => {
                const key = `example:${s.key}`;
                return (
                  <li key={s.key}>
                    <button
                      type="button"
                      className={`scenario-choice${choice?.key === key ? ' is-chosen' : ''}`}
                      aria-pressed={choice?.key === key}
                      data-scenario={s.key}
                      onClick={() => pick({ key, label: s.name, source: 'example', document: s.document })}
                    >
                      <span className="scenario-name">{s.name}</span>
                      <span className="muted small">{s.mentions.toLocaleString('en')} mentions</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <button type="button" className="import-scenario" onClick={() => fileInput.current?.click()}>Import a scenario file…</button>
          <input ref={fileInput} type="file" accept=".json,application/json" className="visually-hidden" data-testid="import-scenario" onChange={importFile} tabIndex={-1} aria-hidden="true" />
        </section>

        <details className="spike-details" open={choice?.source === 'spike' ? true : undefined}>
          <summary>Quick spike</summary>
          <SpikeForm teams={teams} onPick={pick} />
        </details>

        {choice && (
          <section className="scenario-chosen" aria-live="polite" data-testid="scenario-chosen">
            <h3 className="field-label">Chosen</h3>
            <p className="scenario-name">{choice.label}</p>
            {scenarioErrors.length > 0 ? (
              <ul className="scenario-problems" data-testid="scenario-problems">
                {scenarioErrors.map((p, i) => <li key={i}>{p.message}</li>)}
              </ul>
            ) : (
              <p className="small scenario-ok">Ready: fits this map.</p>
            )}
          </section>
        )}

        <RunControls
          blocked={blocked}
          running={running}
          stale={stale}
          onRun={() => choice && run(map, choice.document as Scenario, choice.label)}
          onCancel={cancel}
        />

        {byTeam && <TeamTable byTeam={byTeam} teams={teams} />}

        <KeptScenarios map={map} saved={saved} choice={choice} fits={!!check && scenarioErrors.length === 0} onPick={pick} />

        {saved && (
          <ReplayPanel mapId={mapId} version="latest" versionLabel="the latest saved version" teams={teams}
            nodeLabel={(id) => map.nodes.find((n) => n.id === id)?.label ?? id}
            note={dirty ? 'You have unsaved edits: the replay runs the version last saved.' : null} />
        )}
      </div>
    </aside>
  );
});
