import type { ReportTeam } from '../api/reports.ts';
import { secondsInWords } from '../simulation/timeWords.ts';

function Bar({ value, max, tone }: { value: number; max: number; tone: 'handled' | 'breach' | 'open' }) {
  return (
    <span className="bar-cell">
      <span className="bar-track" aria-hidden="true"><span className={`bar report-bar-${tone}`} style={{ width: `${(value / Math.max(1, max)) * 100}%` }} /></span>
      <span className="num">{value.toLocaleString('en')}</span>
    </span>
  );
}

/** Per team: cases handled, missed deadlines, what is open now and how long the oldest has waited. */
export function TeamLines({ teams }: { teams: ReportTeam[] }) {
  if (!teams.length) return <p className="muted">No team had work in this period.</p>;
  const most = (k: 'handled' | 'breaches' | 'openNow') => Math.max(1, ...teams.map((t) => t[k]));
  return (
    <table className="report-table" data-testid="report-teams">
      <caption>Teams</caption>
      <thead>
        <tr><th scope="col">Team</th><th scope="col">Handled</th><th scope="col">Missed deadlines</th><th scope="col">Open now</th><th scope="col">Oldest waiting</th></tr>
      </thead>
      <tbody>
        {teams.map((t) => (
          <tr key={t.team} data-report-team={t.team}>
            <th scope="row">{t.name}</th>
            <td><Bar value={t.handled} max={most('handled')} tone="handled" /></td>
            <td><Bar value={t.breaches} max={most('breaches')} tone="breach" /></td>
            <td><Bar value={t.openNow} max={most('openNow')} tone="open" /></td>
            <td>
              {t.oldestWaitingCase
                ? <a href={`#/console/case/${encodeURIComponent(t.oldestWaitingCase)}`}>{secondsInWords(t.oldestWaitingSec)}</a>
                : <span className="muted">nobody waiting</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
