import type { AuditEntry } from '../api/admin.ts';
import { formatTime } from './formatTime.ts';

/** One audit entry: when, who, what (action, target, details as plain text), from which address. */
export function AuditRow({ entry }: { entry: AuditEntry }) {
  const details = entry.data && Object.keys(entry.data).length ? JSON.stringify(entry.data) : '';
  return (
    <tr data-audit-action={entry.action}>
      <td><time dateTime={entry.at}>{formatTime(entry.at)}</time></td>
      <td>{entry.actorEmail ?? entry.actor ?? <span className="muted">Baton</span>}</td>
      <td>
        <code>{entry.action}</code>
        {entry.target && <span> {entry.target}</span>}
        {details && <div className="audit-data muted small">{details}</div>}
      </td>
      <td>
        {entry.ip ?? <span className="muted">—</span>}
        {entry.requestId && <div className="muted small">request {entry.requestId}</div>}
      </td>
    </tr>
  );
}
