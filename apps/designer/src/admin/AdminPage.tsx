import type { User } from '../api/client.ts';
import { useHash } from '../shell/route.ts';
import { ADMIN_TABS, adminTabFromHash, adminTabHash } from './adminTab.ts';
import { AuditPanel } from './AuditPanel.tsx';
import { DeliveriesPanel } from './DeliveriesPanel.tsx';
import { PeoplePanel } from './PeoplePanel.tsx';
import { SourcesPanel } from './SourcesPanel.tsx';
import { TeamsPanel } from './TeamsPanel.tsx';
import { TokensPanel } from './TokensPanel.tsx';
import './admin.css';

/** The Admin section (admins only): teams, people, ingest tokens, sources, deliveries and the audit log, one tab each. */
export function AdminPage({ user }: { user: User }) {
  const tab = adminTabFromHash(useHash());
  return (
    <main className="page admin-page">
      <div className="page-head">
        <h1>Admin</h1>
      </div>
      <nav className="admin-tabs" aria-label="Admin">
        {ADMIN_TABS.map((t) => (
          <a key={t.id} href={adminTabHash(t.id)} aria-current={tab === t.id ? 'page' : undefined} data-admin-tab={t.id}>
            {t.label}
          </a>
        ))}
      </nav>
      <section className="admin-panel" aria-label={ADMIN_TABS.find((t) => t.id === tab)!.label}>
        {tab === 'teams' ? <TeamsPanel /> : tab === 'people' ? <PeoplePanel me={user} /> : tab === 'tokens' ? <TokensPanel /> : tab === 'sources' ? <SourcesPanel /> : tab === 'deliveries' ? <DeliveriesPanel /> : <AuditPanel />}
      </section>
    </main>
  );
}
