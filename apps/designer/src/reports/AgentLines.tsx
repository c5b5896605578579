import type { ReportAgent } from '../api/reports.ts';
import { secondsInWords } from '../simulation/timeWords.ts';

/** Per person: cases handled, how fast they picked cases up, deadlines missed while they held them. */
export function AgentLines({ agents }: { agents: ReportAgent[] }) {
  if (!agents.length) return <p className="muted">Nobody worked a case in this period.</p>;
  return (
    <table className="report-table" data-testid="report-agents">
      <caption>People</caption>
      <thead>
        <tr><th scope="col">Person</th><th scope="col">Handled</th><th scope="col">Picked up</th><th scope="col">Pick-up (median)</th><th scope="col">Missed deadlines</th></tr>
      </thead>
      <tbody>
        {agents.map((a) => (
          <tr key={a.user} data-report-agent={a.email}>
            <th scope="row" title={a.email}>{a.name}</th>
            <td className="num">{a.handled.toLocaleString('en')}</td>
            <td className="num">{a.pickups.toLocaleString('en')}</td>
            <td>{a.pickupSec.p50 === null ? <span className="muted">—</span> : secondsInWords(a.pickupSec.p50)}</td>
            <td className="num">{a.breaches.toLocaleString('en')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
