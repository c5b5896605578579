import type { Role, User } from '../api/client.ts';
import { NotificationBell } from './NotificationBell.tsx';
import type { Section } from './route.ts';

/** Which roles use which section. */
export const SECTIONS: { id: Section; label: string; roles: Role[] }[] = [
  { id: 'maps', label: 'Maps', roles: ['admin', 'manager', 'approver'] },
  { id: 'console', label: 'Console', roles: ['admin', 'manager', 'agent'] },
  { id: 'triage', label: 'Triage', roles: ['admin', 'manager', 'agent'] },
  { id: 'reports', label: 'Reports', roles: ['admin', 'manager', 'approver'] },
  { id: 'drills', label: 'Drills', roles: ['admin', 'manager', 'approver'] },
  { id: 'digest', label: 'Digest', roles: ['admin', 'manager', 'approver', 'agent'] },
  { id: 'admin', label: 'Admin', roles: ['admin'] },
  { id: 'search', label: 'Search', roles: ['admin', 'manager', 'approver', 'agent'] },
];

/** What the person works besides their roles (the session says): Triage is the hub's, the Digest the listening officers'. */
export interface Works {
  triage: boolean;
  digest: boolean;
}

/** The sections this person may open. Until `works` is known, Triage and Digest stay hidden. */
export function sectionsFor(user: User, works: Works | null = null) {
  return SECTIONS.filter((s) => s.roles.some((r) => user.roles.includes(r)))
    .filter((s) => (s.id === 'triage' ? works?.triage === true : s.id === 'digest' ? works?.digest === true : true));
}

/** Product name, sections by role, the signed-in person and sign-out. */
export function TopBar({ user, works, current, onSignOut }: { user: User; works: Works | null; current: Section | null; onSignOut: () => void }) {
  return (
    <header className="top-bar">
      <a className="brand" href="#/maps">Baton</a>
      <nav aria-label="Sections">
        {sectionsFor(user, works).map((s) => (
          <a key={s.id} href={`#/${s.id}`} aria-current={current === s.id ? 'page' : undefined} data-section={s.id}
            {...(s.id === 'search' ? { 'aria-keyshortcuts': '/', title: 'Search cases (press /)' } : {})}>
            {s.label}
          </a>
        ))}
      </nav>
      <div className="top-bar-user">
        <NotificationBell />
        <span data-testid="signed-in-user" title={user.email}>
          {user.name || user.email}
          <span className="muted"> · {user.roles.join(', ')}</span>
        </span>
        <button type="button" onClick={onSignOut} data-testid="sign-out">Sign out</button>
      </div>
    </header>
  );
}
