import { useCallback, useEffect, useRef, useState } from 'react';
import { api, onUnauthorized } from './api/client.ts';
import type { MapSummary, User } from './api/client.ts';
import { DesignerPage, designerKey } from './designer/DesignerPage.tsx';
import { MapsList } from './maps/MapsList.tsx';
import { ConsolePage } from './console/ConsolePage.tsx';
import { AdminPage } from './admin/AdminPage.tsx';
import { AdminOnly } from './shell/AdminOnly.tsx';
import { TriagePage } from './triage/TriagePage.tsx';
import { ReportsPage } from './reports/ReportsPage.tsx';
import { DrillsPage } from './drills/DrillsPage.tsx';
import { CrisisBanner } from './shell/CrisisBanner.tsx';
import { SignIn } from './shell/SignIn.tsx';
import { Toasts } from './shell/Toasts.tsx';
import { TopBar, type Works } from './shell/TopBar.tsx';
import { DigestPage } from './digest/DigestPage.tsx';
import { SearchPage } from './care/SearchPage.tsx';
import { PersonPage } from './care/PersonPage.tsx';
import { useSearchShortcut } from './shell/useSearchShortcut.ts';
import { parseRoute, useHash } from './shell/route.ts';
import { clearErrorToasts, clearToasts, showError } from './shell/toasts.ts';

type Session = { status: 'loading' } | { status: 'signed-out'; notice?: string } | { status: 'signed-in'; user: User };

/** A section this person does not work, reached by its address. */
function NotYours({ what }: { what: string }) {
  return (
    <main className="page" data-testid="not-yours">
      <h1>Not part of your work</h1>
      <p>{what}</p>
      <p><a href="#/console">Go to your console</a></p>
    </main>
  );
}

/** The app shell: session, top bar, crisis banner, and the page for the current route. */
export function App() {
  const [session, setSession] = useState<Session>({ status: 'loading' });
  const [maps, setMaps] = useState<MapSummary[] | null>(null);
  const route = parseRoute(useHash());
  const section = route.page === 'list' ? route.section : route.page === 'person' ? 'search' : 'maps';
  // An error stays until dismissed, but not into another section, where it would be about something else.
  useEffect(() => clearErrorToasts(), [section]);
  useSearchShortcut();

  useEffect(() => {
    api.currentSession().then(
      ({ user }) => setSession({ status: 'signed-in', user }),
      () => setSession({ status: 'signed-out' }),
    );
    return onUnauthorized(() => setSession({ status: 'signed-out', notice: 'Your session has expired. Sign in again to carry on.' }));
  }, []);

  const signedIn = session.status === 'signed-in';
  // What this person works besides their roles (Triage is the hub's, the Digest the listening officers').
  const [works, setWorks] = useState<Works | null>(null);
  const userId = session.status === 'signed-in' ? session.user.id : null;
  useEffect(() => {
    setWorks(null);
    if (!userId) return;
    api.currentSession().then(({ works }) => setWorks(works), () => undefined);
  }, [userId]);
  const refreshMaps = useCallback(() => {
    api.maps().then(({ maps }) => setMaps(maps), (e) => showError('Could not load the maps', e));
  }, []);
  useEffect(() => {
    if (!signedIn) return;
    refreshMaps();
    const timer = setInterval(() => api.maps().then(({ maps }) => setMaps(maps), () => undefined), 15_000);
    return () => clearInterval(timer);
  }, [signedIn, refreshMaps]);
  // Coming back to the list shows it as it is now (a colleague may have submitted or approved since).
  const onList = route.page === 'list' && route.section === 'maps';
  const wasOnList = useRef(onList);
  useEffect(() => {
    if (signedIn && onList && !wasOnList.current) api.maps().then(({ maps }) => setMaps(maps), () => undefined);
    wasOnList.current = onList;
  }, [signedIn, onList]);

  if (session.status === 'loading') return <div className="loading" aria-busy="true">Loading Baton…</div>;
  if (session.status === 'signed-out') {
    return (
      <>
        <SignIn notice={session.notice} onSignedIn={(user) => setSession({ status: 'signed-in', user })} />
        <Toasts />
      </>
    );
  }

  const signOut = async () => {
    try {
      await api.signOut();
    } catch (e) {
      showError('Sign-out failed', e);
    }
    setMaps(null);
    clearToasts();
    setSession({ status: 'signed-out', notice: 'You are signed out.' });
  };

  const { user } = session;
  return (
    <div className="app">
      <TopBar user={user} works={works} current={section} onSignOut={signOut} />
      <CrisisBanner maps={maps ?? []} />
      {route.page === 'designer' ? (
        <DesignerPage key={designerKey(route.mapId)} mapId={route.mapId} user={user} onMapsChanged={refreshMaps} />
      ) : route.page === 'person' ? (
        <PersonPage key={`${route.network}/${route.handle}`} network={route.network} handle={route.handle} user={user} />
      ) : route.section === 'search' ? (
        <SearchPage user={user} />
      ) : route.section === 'maps' ? (
        <MapsList maps={maps} user={user} />
      ) : route.section === 'console' ? (
        <ConsolePage user={user} />
      ) : route.section === 'triage' ? (
        works === null ? null : works.triage ? <TriagePage /> : <NotYours what="The triage inbox is worked by the hub team of an approved map (and by managers and admins)." />
      ) : route.section === 'digest' ? (
        works === null ? null : works.digest ? <DigestPage /> : <NotYours what="The digest is for the listening officers: the hub team, managers, approvers and admins." />
      ) : route.section === 'reports' ? (
        <ReportsPage maps={maps ?? []} />
      ) : route.section === 'drills' ? (
        <DrillsPage maps={maps ?? []} user={user} />
      ) : route.section === 'admin' && user.roles.includes('admin') ? (
        <AdminPage user={user} />
      ) : (
        <AdminOnly />
      )}
      <Toasts />
    </div>
  );
}
