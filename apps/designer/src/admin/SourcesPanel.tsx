import { useEffect } from 'react';
import { sourcesApi } from '../api/sources.ts';
import { EmptyList } from './EmptyList.tsx';
import { NewSourceForm } from './NewSourceForm.tsx';
import { SourceRow } from './SourceRow.tsx';
import { useLoaded } from './useLoaded.ts';

/** How often the list asks again, so states and counts stay current. */
const REFRESH_MS = 3000;

/** Sources: add one per kind, see each one's state, last mention and counts, pause, resume or delete. */
export function SourcesPanel() {
  const sources = useLoaded(sourcesApi.list, 'Could not load the sources');
  useEffect(() => {
    const timer = setInterval(sources.reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [sources.reload]);
  return (
    <div className="admin-stack">
      <NewSourceForm onCreated={sources.reload} />
      {sources.data === null ? (
        <p className="muted" aria-busy="true">Loading sources…</p>
      ) : sources.data.length === 0 ? (
        <EmptyList testId="sources-empty">No sources yet — add a feed, a Mastodon account or a Bluesky account above, and its posts arrive as mentions.</EmptyList>
      ) : (
        <table className="maps-table admin-table sources-table" aria-label="Sources">
          <thead>
            <tr><th scope="col">Source</th><th scope="col">Brand</th><th scope="col">State</th><th scope="col">Last mention</th><th scope="col">Read</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {sources.data.map((s) => <SourceRow key={s.id} source={s} onChanged={sources.reload} />)}
          </tbody>
        </table>
      )}
    </div>
  );
}
