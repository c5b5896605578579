import { useState } from 'react';
import type { AuditEntry, AuditFilters } from '../api/admin.ts';
import { adminApi, auditExportUrl } from '../api/admin.ts';
import { showError } from '../shell/toasts.ts';
import { AuditFilterForm } from './AuditFilterForm.tsx';
import { AuditRow } from './AuditRow.tsx';
import { EmptyList } from './EmptyList.tsx';
import { useLoaded } from './useLoaded.ts';

/** The latest audit entries (who, what, when, from where), filtered, with older pages and exports. */
export function AuditPanel() {
  const [filters, setFilters] = useState<AuditFilters>({});
  const [older, setOlder] = useState<{ entries: AuditEntry[]; next: number | null } | null>(null);
  const page = useLoaded(() => adminApi.audit(filters), 'Could not load the audit log');
  const filtered = Object.values(filters).some((v) => v);
  const entries = [...(page.data?.entries ?? []), ...(older?.entries ?? [])];
  const next = older ? older.next : page.data?.next ?? null;

  const apply = (f: AuditFilters) => {
    setFilters(f);
    setOlder(null);
    page.reload(); // batched with setFilters, so the loader runs with the new filters
  };
  const loadOlder = async () => {
    if (next === null) return;
    try {
      const more = await adminApi.audit(filters, next);
      setOlder({ entries: [...(older?.entries ?? []), ...more.entries], next: more.next });
    } catch (e) {
      showError('Could not load older entries', e);
    }
  };

  return (
    <div className="admin-stack">
      <AuditFilterForm onApply={apply} />
      <p className="audit-export">
        Download {filtered ? 'these entries' : 'the whole log'}, oldest first:{' '}
        <a href={auditExportUrl(filters, 'csv')} download data-testid="audit-csv">CSV</a> ·{' '}
        <a href={auditExportUrl(filters, 'ndjson')} download data-testid="audit-ndjson">NDJSON</a>
      </p>
      {page.data === null ? (
        <p className="muted" aria-busy="true">Loading the audit log…</p>
      ) : entries.length === 0 ? (
        <EmptyList testId="audit-empty">
          {filtered ? 'No entries match these filters — widen the times or clear a filter.' : 'No entries yet — sign-ins and every change to people, teams, tokens and maps will appear here.'}
        </EmptyList>
      ) : (
        <table className="maps-table admin-table audit-table" aria-label="Audit log">
          <thead>
            <tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">From where</th></tr>
          </thead>
          <tbody>
            {entries.map((e) => <AuditRow key={e.id} entry={e} />)}
          </tbody>
        </table>
      )}
      {next !== null && entries.length > 0 && (
        <div className="actions"><button type="button" onClick={loadOlder}>Show older entries</button></div>
      )}
    </div>
  );
}
