import { useEffect, useState } from 'react';
import { api } from '../api/client.ts';
import type { DirectoryTeam, MapSummary } from '../api/client.ts';
import { reportsApi, type ReportAgent, type ReportLesson, type ReportSummary } from '../api/reports.ts';
import { AgentLines } from './AgentLines.tsx';
import { showError } from '../shell/toasts.ts';
import { CrisisWindows } from './CrisisWindows.tsx';
import { LessonsList } from './LessonsList.tsx';
import { PERIODS, periodRange, type Period } from './period.ts';
import { ReportCards } from './ReportCards.tsx';
import { ReportCharts } from './ReportCharts.tsx';
import { StepLines } from './StepLines.tsx';
import { TeamLines } from './TeamLines.tsx';
import './reports.css';

type Loaded = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; summary: ReportSummary; lessons: ReportLesson[]; agents: ReportAgent[]; at: number };

/** Reports: what happened to mentions and cases in a period, per team and step, and what was learned. */
export function ReportsPage({ maps }: { maps: MapSummary[] }) {
  const [period, setPeriod] = useState<Period>('7d');
  const [map, setMap] = useState('');
  const [team, setTeam] = useState('');
  const [teams, setTeams] = useState<DirectoryTeam[]>([]);
  const [loaded, setLoaded] = useState<Loaded>({ status: 'loading' });
  const [reload, setReload] = useState(0);

  useEffect(() => {
    api.teams().then(({ teams }) => setTeams(teams), () => undefined);
  }, []);

  useEffect(() => {
    let live = true;
    const now = Date.now();
    const q = { ...periodRange(period, now), ...(map ? { map } : {}), ...(team ? { team } : {}) };
    setLoaded((l) => (l.status === 'ready' ? l : { status: 'loading' }));
    Promise.all([reportsApi.summary(q), reportsApi.lessons(q), reportsApi.agents(q)]).then(
      ([summary, { lessons }, { agents }]) => live && setLoaded({ status: 'ready', summary, lessons, agents, at: now }),
      (e: unknown) => {
        if (!live) return;
        showError('Could not load the report', e);
        setLoaded({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      live = false;
    };
  }, [period, map, team, reload]);

  const csvQuery = { ...periodRange(period, loaded.status === 'ready' ? loaded.at : Date.now()), ...(map ? { map } : {}), ...(team ? { team } : {}) };
  const empty = loaded.status === 'ready' && loaded.summary.mentions.total === 0 && loaded.summary.cases.opened === 0
    && loaded.summary.cases.ended === 0 && loaded.lessons.length === 0;
  return (
    <main className="reports-page page" aria-labelledby="reports-title">
      <header className="reports-head">
        <h1 id="reports-title">Reports</h1>
        <div className="reports-filters" role="group" aria-label="What the report covers">
          <div className="period-picker" role="radiogroup" aria-label="Period">
            {PERIODS.map((p) => (
              <button key={p.id} type="button" role="radio" aria-checked={period === p.id} data-period={p.id}
                className={period === p.id ? 'period-on' : undefined} onClick={() => setPeriod(p.id)}>
                {p.label}
              </button>
            ))}
          </div>
          <label className="report-filter">Map
            <select name="map" value={map} onChange={(e) => setMap(e.target.value)}>
              <option value="">All maps</option>
              {maps.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          </label>
          <label className="report-filter">Team
            <select name="team" value={team} onChange={(e) => setTeam(e.target.value)}>
              <option value="">All teams</option>
              {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
            </select>
          </label>
        </div>
        <div className="report-downloads" role="group" aria-label="Download as CSV">
          <a className="button-link" href={reportsApi.csv('summary', csvQuery)} download data-testid="csv-summary">Summary CSV</a>
          <a className="button-link" href={reportsApi.csv('agents', csvQuery)} download data-testid="csv-agents">People CSV</a>
          <a className="button-link" href={reportsApi.csv('lessons', csvQuery)} download data-testid="csv-lessons">Lessons CSV</a>
        </div>
      </header>

      {loaded.status === 'loading' ? <p className="muted" aria-busy="true">Loading the report…</p> : null}
      {loaded.status === 'failed' ? (
        <div className="report-failed" role="alert">
          <p>The report could not be loaded: {loaded.message}</p>
          <button type="button" onClick={() => setReload((n) => n + 1)}>Try again</button>
        </div>
      ) : null}
      {loaded.status === 'ready' && empty ? (
        <p className="report-empty" data-testid="reports-empty">No cases in this period yet — reports fill in as mentions arrive.</p>
      ) : null}
      {loaded.status === 'ready' && !empty ? (
        <div className="reports-body" data-testid="reports-body">
          <ReportCards summary={loaded.summary} />
          <ReportCharts summary={loaded.summary} />
          <div className="reports-columns">
            <section className="report-section" aria-labelledby="teams-title">
              <h2 id="teams-title">By team</h2>
              <TeamLines teams={loaded.summary.teams} />
            </section>
            <section className="report-section" aria-labelledby="steps-title">
              <h2 id="steps-title">By step</h2>
              <StepLines nodes={loaded.summary.nodes} />
            </section>
          </div>
          <section className="report-section" aria-labelledby="agents-title">
            <h2 id="agents-title">By person</h2>
            <AgentLines agents={loaded.agents} />
          </section>
          <section className="report-section" aria-labelledby="crises-title">
            <h2 id="crises-title">Crisis windows</h2>
            <CrisisWindows crises={loaded.summary.crises} now={loaded.at} />
          </section>
          <section className="report-section" aria-labelledby="lessons-title">
            <h2 id="lessons-title">Lessons learned</h2>
            <LessonsList lessons={loaded.lessons} />
          </section>
        </div>
      ) : null}
    </main>
  );
}
