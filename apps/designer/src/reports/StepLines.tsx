import type { ReportNode } from '../api/reports.ts';

/**
 * Where cases went and where deadlines were missed, by step of each map (the map's own node
 * labels). Steps with missed deadlines come first.
 */
export function StepLines({ nodes }: { nodes: ReportNode[] }) {
  const steps = nodes.filter((n) => n.type === 'pass' || n.type === 'end' || n.breaches > 0)
    .sort((a, b) => b.breaches - a.breaches || a.mapName.localeCompare(b.mapName) || b.entered - a.entered);
  if (!steps.length) return <p className="muted">No case reached a step in this period.</p>;
  const most = Math.max(1, ...steps.map((s) => s.entered));
  return (
    <table className="report-table" data-testid="report-steps">
      <caption>Breaches by step</caption>
      <thead>
        <tr><th scope="col">Step</th><th scope="col">Map</th><th scope="col">Cases reached it</th><th scope="col">Missed deadlines</th></tr>
      </thead>
      <tbody>
        {steps.map((s) => (
          <tr key={`${s.mapId}/${s.node}`} data-report-step={s.node} className={s.breaches ? 'report-step-breached' : undefined}>
            <th scope="row">{s.type === 'end' ? `Finished: ${s.label}` : s.label}</th>
            <td>{s.mapName}</td>
            <td>
              <span className="bar-cell">
                <span className="bar-track" aria-hidden="true"><span className="bar report-bar-handled" style={{ width: `${(s.entered / most) * 100}%` }} /></span>
                <span className="num">{s.entered}</span>
              </span>
            </td>
            <td className={s.breaches ? 'report-bad' : 'muted'}>{s.type === 'pass' || s.breaches ? (s.breaches === 0 ? 'none' : s.breaches) : '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
