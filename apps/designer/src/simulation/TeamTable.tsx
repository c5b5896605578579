import { memo } from 'react';
import type { SimulationResult, Team } from '@baton/engine';

/** Per team: outcomes handled, the longest queue, and how busy its people were, with simple bars. */
export const TeamTable = memo(function TeamTable({ byTeam, teams }: { byTeam: SimulationResult['metrics']['byTeam']; teams: Team[] }) {
  const rows = Object.entries(byTeam);
  const maxQueue = Math.max(1, ...rows.map(([, t]) => t.maxQueue));
  const name = (id: string) => teams.find((t) => t.id === id)?.name ?? id;
  return (
    <table className="team-table" data-testid="team-table">
      <caption>Teams in the last run</caption>
      <thead>
        <tr><th scope="col">Team</th><th scope="col">Handled</th><th scope="col">Most waiting</th><th scope="col">Busy</th></tr>
      </thead>
      <tbody>
        {rows.map(([id, t]) => {
          const busy = Math.round(t.utilization * 100);
          return (
            <tr key={id} data-sim-team={id}>
              <th scope="row">{name(id)}</th>
              <td className="num">{t.handled.toLocaleString('en')}</td>
              <td>
                <span className="bar-cell">
                  <span className="bar-track"><span className="bar bar-queue" style={{ width: `${(t.maxQueue / maxQueue) * 100}%` }} /></span>
                  <span className="num">{t.maxQueue}</span>
                </span>
              </td>
              <td>
                <span className="bar-cell">
                  <span className="bar-track"><span className={`bar ${busy >= 90 ? 'bar-hot' : 'bar-busy'}`} style={{ width: `${Math.min(100, busy)}%` }} /></span>
                  <span className="num">{busy}%</span>
                </span>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
});
