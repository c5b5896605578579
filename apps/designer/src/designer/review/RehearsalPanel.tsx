import { memo, useMemo, useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { BatonMap, Team } from '@baton/engine';
import { scenariosForMap } from '../../simulation/exampleScenarios.ts';
import { readScenarioFile } from '../../simulation/readScenarioFile.ts';
import { SpikeForm } from '../../simulation/SpikeForm.tsx';
import type { ScenarioChoice } from '../../simulation/simulationStore.ts';
import { toMapDocument } from '../toMapDocument.ts';
import { useMapStore, useMapStoreApi } from '../useMapStore.ts';
import { compareRuns, summarise } from './rehearsalCompare.ts';
import type { MeasureRow } from './rehearsalCompare.ts';
import { useRehearsal } from './useRehearsal.ts';
import type { RehearsalRun, RehearsalRuns, RehearsalScenario } from './useRehearsal.ts';
import '../../simulation/simulation.css';
import './rehearsal.css';

const CHANGE_WORDS: Record<MeasureRow['change'], string> = { better: 'better', worse: 'worse', same: 'same', none: '—' };

function RunProgress({ run, label }: { run: RehearsalRun | undefined; label: string }) {
  if (run?.status === 'done') return null;
  if (!run || run.status === 'waiting') return <p className="small muted">{label}: waiting its turn…</p>;
  if (run.status === 'running') {
    const share = run.total > 0 ? run.done / run.total : 0;
    return (
      <div className="rehearsal-progress" role="status">
        <span className="small">{label}: {run.total > 0 ? `${run.done.toLocaleString('en')} of ${run.total.toLocaleString('en')} mentions` : 'starting…'}</span>
        <progress max={1} value={share} aria-label={`${label}: rehearsal progress`} />
      </div>
    );
  }
  return <p className={`small ${run.status === 'failed' ? 'field-error' : 'rehearsal-note'}`}>{label}: {run.status === 'failed' ? `the run failed — ${run.message}` : run.message}</p>;
}

/** One scenario: progress while it runs, then the measures side by side with their change. */
function ScenarioCard({ scenario, runs, hasActive, activeLabel, submittedLabel, teamName }: {
  scenario: RehearsalScenario;
  runs: RehearsalRuns[string] | undefined;
  hasActive: boolean;
  activeLabel: string;
  submittedLabel: string;
  teamName: (id: string) => string;
}) {
  const submitted = runs?.submitted;
  const active = hasActive ? runs?.active : undefined;
  const settled = (r: RehearsalRun | undefined) => !!r && r.status !== 'waiting' && r.status !== 'running';
  const finished = settled(submitted) && (!hasActive || settled(active));
  const activeMetrics = active?.status === 'done' ? active.metrics : null;
  const rows = finished && submitted?.status === 'done' ? compareRuns(submitted.metrics, activeMetrics, teamName) : null;
  const compared = rows !== null && activeMetrics !== null;
  const verdict = compared ? summarise(rows) : '';
  const status = !finished ? 'running' : rows ? 'done' : 'not-run';
  return (
    <article className="rehearsal-card" data-rehearsal-scenario={scenario.key} data-status={status} aria-busy={!finished}>
      <header className="rehearsal-card-head">
        <h3>{scenario.label}</h3>
        {submitted?.status === 'done' ? (
          <span className="muted small rehearsal-routed" title={`On ${submittedLabel}`}>
            {submitted.metrics.mentions.toLocaleString('en')} mentions → {submitted.metrics.cases.toLocaleString('en')} cases
            {submitted.metrics.unrouted > 0 ? `, ${submitted.metrics.unrouted.toLocaleString('en')} to triage` : ''}
          </span>
        ) : scenario.mentions !== null && <span className="muted small">{scenario.mentions.toLocaleString('en')} mentions</span>}
        {verdict && <span className={`rehearsal-verdict${/worse/.test(verdict) ? ' has-worse' : ''}`} data-testid="rehearsal-verdict">{verdict}</span>}
      </header>
      {!finished && (
        <>
          <RunProgress run={submitted} label={submittedLabel} />
          {hasActive && <RunProgress run={active} label={activeLabel} />}
        </>
      )}
      {finished && submitted?.status !== 'done' && <RunProgress run={submitted} label={submittedLabel} />}
      {finished && rows && hasActive && !compared && <RunProgress run={active} label={activeLabel} />}
      {rows && (
        <table className="rehearsal-table">
          <thead>
            <tr>
              <th scope="col"><span className="visually-hidden">Measure</span></th>
              {compared && <th scope="col" className="num">{activeLabel}</th>}
              <th scope="col" className="num">{submittedLabel}</th>
              {compared && <th scope="col">Change</th>}
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => [
              r.group && r.group !== rows[i - 1]?.group ? (
                <tr key={`group:${r.group}`} className="rehearsal-group"><th scope="rowgroup" colSpan={compared ? 4 : 2}>{r.group}</th></tr>
              ) : null,
              <tr
                key={r.key}
                data-measure={r.key}
                data-submitted={r.submitted ?? ''}
                {...(compared ? { 'data-active': r.active ?? '', 'data-change': r.change } : {})}
                title={compared ? r.sentence : undefined}
              >
                <th scope="row" className={r.group ? 'in-group' : undefined}>{r.label}</th>
                {compared && <td className="num">{r.activeText}</td>}
                <td className="num">{r.submittedText}</td>
                {compared && (
                  <td><span className={`change change-${r.change}`}><span className="visually-hidden">{r.sentence}: </span>{CHANGE_WORDS[r.change]}</span></td>
                )}
              </tr>,
            ])}
          </tbody>
        </table>
      )}
    </article>
  );
}

/**
 * Review mode's simulation evidence, under the canvas: the map's shipped scenarios (or one the
 * approver imports or builds) run on the version under review and on the active version, and the
 * outcome side by side. It never holds up Approve or Reject.
 */
export const RehearsalPanel = memo(function RehearsalPanel({ active, activeVersion, version, dirty }: {
  /** The active version's document; null when nothing is active, undefined while it loads. */
  active: BatonMap | null | undefined;
  activeVersion: number | null;
  /** The number of the version under review, if saved. */
  version: number | null;
  /** Whether the open map has edits beyond the saved version. */
  dirty: boolean;
}) {
  const store = useMapStoreApi();
  const revision = useMapStore((s) => s.revision);
  const mapId = useMapStore((s) => s.settings.id);
  const teams: Team[] = useMapStore((s) => s.settings.teams);
  const submitted = useMemo(() => toMapDocument(store.getState()), [store, revision]);
  const [extra, setExtra] = useState<ScenarioChoice | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const scenarios = useMemo<RehearsalScenario[]>(() => {
    const shipped = scenariosForMap(mapId).map((s) => ({ key: s.key, label: s.name, mentions: s.mentions, document: s.document }));
    return extra ? [...shipped, { key: extra.key, label: extra.label, mentions: null, document: extra.document }] : shipped;
  }, [mapId, extra]);
  const runs = useRehearsal(true, scenarios, submitted, active);

  const hasActive = !!active;
  const activeLabel = activeVersion ? `Active v${activeVersion}` : 'Active';
  const submittedLabel = `${version ? `v${version}` : 'This map'}${dirty ? ' + edits' : ''}`;
  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? id;

  const total = scenarios.length * (hasActive ? 2 : 1);
  const done = scenarios.flatMap((s) => Object.values(runs[s.key] ?? {})).filter((r) => r.status !== 'waiting' && r.status !== 'running').length;
  const running = active !== undefined && scenarios.length > 0 && done < total;

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const choice = await readScenarioFile(event.target);
    if (choice) setExtra(choice);
  };

  return (
    <section className="rehearsal" data-testid="review-evidence" aria-labelledby="rehearsal-title" data-rehearsal-state={scenarios.length === 0 ? 'none' : running || active === undefined ? 'running' : 'done'}>
      <header className="rehearsal-head">
        <h2 id="rehearsal-title">Rehearsal</h2>
        <p className="muted small rehearsal-intro">
          {scenarios.length === 0
            ? 'Simulated mentions against this version; nothing is sent.'
            : hasActive
              ? `Each scenario runs on ${activeLabel.toLowerCase()} and on ${submittedLabel}, in this browser; nothing is sent.`
              : `Nothing is active yet, so there is nothing to compare with: ${submittedLabel}'s own numbers.`}
        </p>
        {scenarios.length > 0 && (
          <span className="small rehearsal-count" role="status">
            {active === undefined ? 'Loading the active version…' : running ? `${done} of ${total} runs done…` : `${total} run${total === 1 ? '' : 's'} done`}
          </span>
        )}
        {scenarios.length > 0 && <button type="button" className="small-button" onClick={() => fileInput.current?.click()}>Import a scenario file…</button>}
      </header>
      <input ref={fileInput} type="file" accept=".json,application/json" className="visually-hidden" data-testid="rehearsal-import" onChange={importFile} tabIndex={-1} aria-hidden="true" />

      {scenarios.length === 0 ? (
        <div className="rehearsal-none" data-testid="rehearsal-none">
          <p><strong>No rehearsal was run.</strong> No shipped scenario rehearses “{mapId}”. Import a scenario file or build a quick spike to see how this version copes{activeVersion ? ` next to active v${activeVersion}` : ''}.</p>
          <div className="rehearsal-offers">
            <button type="button" onClick={() => fileInput.current?.click()}>Import a scenario file…</button>
            <details className="spike-details">
              <summary>Build a quick spike</summary>
              <SpikeForm teams={teams} onPick={setExtra} />
            </details>
          </div>
        </div>
      ) : (
        <div className="rehearsal-grid">
          {scenarios.map((s) => (
            <ScenarioCard key={s.key} scenario={s} runs={runs[s.key]} hasActive={hasActive} activeLabel={activeLabel} submittedLabel={submittedLabel} teamName={teamName} />
          ))}
        </div>
      )}
    </section>
  );
});
