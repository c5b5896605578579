import { memo } from 'react';
import { describeBar, type BatonMap, type ScenarioEvidence, type Team, type VersionRun } from '@baton/engine';
import type { VersionEvidence } from '../api/rehearsal.ts';
import { RunCharts } from '../charts/RunCharts.tsx';
import { secondsInWords } from '../simulation/timeWords.ts';
import './rehearsal.css';

const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString('en'));

const FIGURES: [string, (r: VersionRun) => string][] = [
  ['Mentions', (r) => n(r.figures.mentions)],
  ['Cases', (r) => n(r.figures.cases)],
  ['Unrouted', (r) => n(r.figures.unrouted)],
  ['Ended', (r) => n(r.figures.ended)],
  ['Still open', (r) => n(r.figures.open)],
  ['Missed deadlines', (r) => n(r.figures.breaches)],
  ['Pick-up, 9 in 10', (r) => secondsInWords(r.figures.pickupSec.p90)],
  ['Resolved, 9 in 10', (r) => secondsInWords(r.figures.resolvedSec.p90)],
];

/** One kept scenario's evidence: its bars passed or failed, its figures on the active and the submitted version, and its charts. */
function EvidenceCard({ s, map, teams }: { s: ScenarioEvidence; map: BatonMap | null; teams: Team[] }) {
  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? id;
  const mine = s.submitted;
  const theirs = s.active;
  return (
    <article className={`evidence-card${s.passed === false ? ' is-failed' : ''}`} data-evidence-scenario={s.name} data-passed={s.passed === null ? 'running' : String(s.passed)}>
      <header className="kept-head">
        <h3 className="scenario-name">{s.name}</h3>
        <span className={s.passed ? 'bar-pass' : s.passed === false ? 'bar-fail' : 'muted'}>{s.state === 'running' ? 'rehearsing…' : s.passed ? 'passed' : 'failed'}</span>
      </header>
      {s.state === 'failed' && <p className="field-error small">{s.message}</p>}
      {mine && mine.bars.length > 0 && (
        <ul className="evidence-bars small">
          {mine.bars.map((b, i) => (
            <li key={i} data-bar-passed={String(b.passed)}><span className={b.passed ? 'bar-pass' : 'bar-fail'}>{b.passed ? '✓ passed' : '✗ failed'}</span> {b.sentence}</li>
          ))}
        </ul>
      )}
      {mine && mine.bars.length === 0 && <p className="muted small">No must-pass bar{s.mustPass.length === 0 ? '' : 's'}: shown for comparison.</p>}
      {!mine && s.mustPass.length > 0 && <ul className="evidence-bars small">{s.mustPass.map((b, i) => <li key={i}>{describeBar(b, map ?? undefined)}</li>)}</ul>}
      {mine && (
        <div className="evidence-body">
        <table className="evidence-figures">
          <thead><tr><th scope="col"><span className="visually-hidden">Measure</span></th>{theirs && <th scope="col" className="num">Active v{theirs.version}</th>}<th scope="col" className="num">Submitted v{mine.version}</th></tr></thead>
          <tbody>
            {FIGURES.map(([label, get]) => (
              <tr key={label}><th scope="row">{label}</th>{theirs && <td className="num">{get(theirs)}</td>}<td className="num">{get(mine)}</td></tr>
            ))}
          </tbody>
        </table>
      <RunCharts series={mine.series} teamName={teamName} label={`v${mine.version}`} />
        </div>
      )}
    </article>
  );
}

/**
 * Review mode's evidence: every scenario kept with the map, rehearsed on the server when the
 * version was submitted, with its must-pass bars passed or failed, the figures beside the active
 * version's, and the charts.
 */
export const EvidencePanel = memo(function EvidencePanel({ evidence, map, teams }: { evidence: VersionEvidence | null | undefined; map: BatonMap | null; teams: Team[] }) {
  if (evidence === undefined) return <p className="muted small">Loading the evidence…</p>;
  if (evidence === null) return <p className="muted small" data-testid="evidence-none">Save and submit the map: its kept scenarios are rehearsed on submission.</p>;
  return (
    <section className="evidence" data-testid="review-kept-evidence" data-evidence-state={evidence.state} data-evidence-passed={String(evidence.passed)}>
      {evidence.state === 'none' && <p className="muted small">No scenario is kept with this map, so v{evidence.version} carries no evidence. Keep scenarios with must-pass bars in Simulate mode.</p>}
      <div className="evidence-list">
        {evidence.scenarios.map((s) => <EvidenceCard key={s.scenarioId} s={s} map={map} teams={teams} />)}
      </div>
    </section>
  );
});
