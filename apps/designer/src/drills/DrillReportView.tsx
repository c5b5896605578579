import type { DrillReport } from '../api/drills.ts';
import { drillsApi } from '../api/drills.ts';
import { caseHash } from '../console/consoleRoute.ts';
import { download } from '../designer/download.ts';

const show = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toLocaleString('en'));
const signed = (v: number | null) => (v === null ? '—' : v > 0 ? `+${v.toLocaleString('en')}` : v.toLocaleString('en'));

/** A drill's report: the biggest differences in words, then the figures beside the prediction, per person, and what was held. */
export function DrillReportView({ report }: { report: DrillReport }) {
  const id = report.drill.id;
  return (
    <section className="drill-report" data-testid="drill-report" aria-labelledby="drill-report-title">
      <header className="drill-report-head">
        <h2 id="drill-report-title">Report</h2>
        <div className="drill-exports" role="group" aria-label="Export the report">
          <button type="button" onClick={() => download(`${id}.report.json`, `${JSON.stringify(report, null, 2)}\n`)}>JSON</button>
          <a className="button" href={drillsApi.csvUrl(id, 'comparison')} download>CSV: figures</a>
          <a className="button" href={drillsApi.csvUrl(id, 'people')} download>CSV: people</a>
          <a className="button" href={drillsApi.csvUrl(id, 'cases')} download>CSV: cases</a>
        </div>
      </header>
      <h3>Biggest differences from the prediction</h3>
      {report.differences.length ? (
        <ul className="drill-differences" data-testid="drill-differences">
          {report.differences.map((d) => <li key={d.metric}>{d.text}</li>)}
        </ul>
      ) : (
        <p className="muted">The drill went as the simulator predicted.</p>
      )}
      <div className="table-scroll">
        <table className="drill-table" data-testid="drill-comparison">
          <caption>The drill beside the simulator’s prediction for the same scenario and people (times in seconds of the drill)</caption>
          <thead><tr><th scope="col">Figure</th><th scope="col">Drill</th><th scope="col">Predicted</th><th scope="col">Difference</th></tr></thead>
          <tbody>
            {report.comparison.map((l) => (
              <tr key={l.metric} data-metric={l.metric}>
                <th scope="row">{l.label}</th><td>{show(l.drill)}</td><td>{show(l.predicted)}</td><td>{signed(l.difference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="table-scroll">
        <table className="drill-table" data-testid="drill-people">
          <caption>What each person did</caption>
          <thead><tr><th scope="col">Person</th><th scope="col">Team</th><th scope="col">Claims</th><th scope="col">Outcomes</th><th scope="col">Lessons</th><th scope="col">Notes</th><th scope="col">Median time per case (s)</th></tr></thead>
          <tbody>
            {report.people.map((p) => (
              <tr key={p.userId}>
                <th scope="row">{p.name}</th><td>{p.team ?? '—'}</td><td>{p.claims}</td><td>{p.outcomes}</td><td>{p.lessons}</td><td>{p.notes}</td><td>{show(p.handleSec.p50)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>Held, not sent ({report.held.length})</h3>
      {report.held.length ? (
        <ul className="drill-held" data-testid="drill-held">
          {report.held.map((h, i) => (
            <li key={i}>
              <span className="muted small">{new Date(h.at).toLocaleTimeString()}</span> {h.kind} to {h.recipient}: {h.message}
              {h.caseId && <> · <a href={caseHash(h.caseId)}>case</a></>}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Nothing would have been sent.</p>
      )}
    </section>
  );
}
