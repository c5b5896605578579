import { useCallback, useEffect, useState } from 'react';
import type { MapSummary, User } from '../api/client.ts';
import { drillsApi, type Drill, type DrillReport } from '../api/drills.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { DrillReportView } from './DrillReportView.tsx';
import { StartDrillForm } from './StartDrillForm.tsx';
import './drills.css';

const STATE_WORDS: Record<string, string> = { running: 'running', stopped: 'stopped', done: 'done' };
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** How often a running drill's progress is read again. */
const POLL_MS = 2000;

/**
 * Drills: rehearse a submitted or approved version with the real team. Managers start one (map,
 * version, scenario, speed, teams), watch its progress, stop it, and open its report.
 */
export function DrillsPage({ maps, user }: { maps: MapSummary[]; user: User }) {
  const [drills, setDrills] = useState<Drill[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [report, setReport] = useState<DrillReport | null>(null);
  const [starting, setStarting] = useState(false);
  const mayRun = user.roles.includes('manager') || user.roles.includes('admin');

  const refresh = useCallback(() => drillsApi.list().then(({ drills }) => setDrills(drills), (e) => showError('Could not load the drills', e)), []);
  useEffect(() => {
    refresh();
  }, [refresh]);
  const current = drills?.find((d) => d.id === open) ?? null;
  const running = current?.state === 'running';

  // A running drill's progress (and report) is read again every few seconds.
  useEffect(() => {
    if (!open) return setReport(null);
    let live = true;
    const load = () => drillsApi.report(open).then((r) => {
      if (!live) return;
      setReport(r);
      setDrills((ds) => ds?.map((d) => (d.id === r.drill.id ? r.drill : d)) ?? ds);
    }, (e) => live && showError('Could not load the drill report', e));
    load();
    const timer = running ? setInterval(load, POLL_MS) : null;
    return () => {
      live = false;
      if (timer) clearInterval(timer);
    };
  }, [open, running]);

  const stop = async (d: Drill) => {
    try {
      const stopped = await drillsApi.stop(d.id);
      setDrills((ds) => ds?.map((x) => (x.id === d.id ? stopped : x)) ?? ds);
      showToast('info', 'Drill stopped. Its open cases left the queues.');
    } catch (e) {
      showError('Could not stop the drill', e);
    }
  };

  return (
    <main className="page drills-page" aria-labelledby="drills-title">
      <header className="drills-head">
        <h1 id="drills-title">Drills</h1>
        {mayRun && !starting && <button type="button" className="primary" data-testid="new-drill" onClick={() => setStarting(true)}>New drill</button>}
      </header>
      <p className="muted">A drill feeds a scenario’s mentions into a submitted or approved version, faster than life if you like, for the real team to work in the console. Nothing reaches customers, recipients or reports.</p>
      {starting && (
        <section className="drill-card">
          <h2>New drill</h2>
          <StartDrillForm maps={maps} onStarted={(id) => {
            setStarting(false);
            setOpen(id);
            refresh();
          }} />
          <button type="button" className="link-button" onClick={() => setStarting(false)}>Cancel</button>
        </section>
      )}
      {drills === null ? (
        <p aria-busy="true">Loading drills…</p>
      ) : drills.length === 0 ? (
        <p className="empty" data-testid="no-drills">No drills yet{mayRun ? ' — start one with “New drill”' : ''}.</p>
      ) : (
        <div className="table-scroll">
          <table className="drill-table drills-list" data-testid="drills-list">
            <thead><tr><th scope="col">Map</th><th scope="col">Scenario</th><th scope="col">Speed</th><th scope="col">State</th><th scope="col">Fed</th><th scope="col">Started</th><th scope="col"><span className="visually-hidden">Open</span></th></tr></thead>
            <tbody>
              {drills.map((d) => (
                <tr key={d.id} data-drill-id={d.id} data-state={d.state} aria-selected={d.id === open}>
                  <th scope="row">{d.mapName} <span className="muted">v{d.version}</span></th>
                  <td>{d.scenario}</td>
                  <td>{d.speed}×</td>
                  <td><span className={`drill-state drill-${d.state}`}>{STATE_WORDS[d.state]}</span></td>
                  <td>{d.progress.fed} / {d.progress.total}</td>
                  <td>{when(d.startedAt)} · {d.startedBy}</td>
                  <td><button type="button" onClick={() => setOpen(d.id === open ? null : d.id)}>{d.id === open ? 'Close' : 'Open'}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {current && (
        <section className="drill-card" data-testid="drill-detail" data-drill-id={current.id} data-state={current.state} aria-label="The drill">
          <h2>{current.mapName} v{current.version}: {current.scenario}</h2>
          <p>
            <span className={`drill-state drill-${current.state}`} data-testid="drill-state">{STATE_WORDS[current.state]}</span>
            {' '}at {current.speed}× · teams {current.teams.join(', ')} · {current.participants.length} people
            {current.reason && <> · {current.reason}</>}
          </p>
          <div className="drill-progress">
            <progress max={current.progress.total} value={current.progress.fed} aria-label="Mentions fed" />
            <span>{current.progress.fed} of {current.progress.total} mentions fed · {current.progress.cases} cases ({current.progress.open} open) · {current.progress.held} held</span>
          </div>
          {running && mayRun && <button type="button" className="danger" data-testid="stop-drill" onClick={() => stop(current)}>Stop drill</button>}
          {report && report.drill.id === current.id && <DrillReportView report={report} />}
        </section>
      )}
    </main>
  );
}
