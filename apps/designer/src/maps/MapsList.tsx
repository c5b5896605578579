import { useRef, useState } from 'react';
import type { ChangeEvent } from 'react';
import type { MapSummary, User } from '../api/client.ts';
import { navigate } from '../shell/route.ts';
import { useUserNames } from '../shell/useUserNames.ts';
import { showError } from '../shell/toasts.ts';
import { NewMapDialog } from './NewMapDialog.tsx';
import { setPendingMap } from './pendingMap.ts';
import { readMapFile } from './readMapFile.ts';

const STATE_WORDS: Record<string, string> = {
  draft: 'Draft', submitted: 'Waiting for approval', approved: 'Approved', rejected: 'Rejected', retired: 'Retired',
};

function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** Every map with its active version, draft state, last editor, open cases and crisis state. */
export function MapsList({ maps, user }: { maps: MapSummary[] | null; user: User }) {
  const [creating, setCreating] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const canEdit = user.roles.includes('manager') || user.roles.includes('admin');
  const nameOf = useUserNames(user);

  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      setPendingMap(await readMapFile(file));
      navigate('#/maps/new');
    } catch (e) {
      showError('Could not import the file', e);
    }
  }

  return (
    <main className="page">
      <div className="page-head">
        <h1>Maps</h1>
        {canEdit && (
          <div className="actions">
            <button type="button" className="primary" onClick={() => setCreating(true)} data-testid="new-map">New map</button>
            <button type="button" onClick={() => fileInput.current?.click()} data-testid="import-map">Import</button>
            <input ref={fileInput} type="file" accept="application/json,.json" hidden onChange={importFile} data-testid="import-file" />
          </div>
        )}
      </div>
      {maps === null ? (
        <p className="muted" aria-busy="true">Loading maps…</p>
      ) : maps.length === 0 ? (
        <div className="empty-state" data-testid="maps-empty">
          <p><strong>No maps yet — start from an example.</strong></p>
          <p>A map says who gets the ball when the public talks about you: what starts a case, whom it is passed to, what they must do by when, and who must know when it is over.</p>
          {canEdit && <button type="button" className="primary" onClick={() => setCreating(true)}>Start a map</button>}
        </div>
      ) : (
        <table className="maps-table">
          <thead>
            <tr>
              <th scope="col">Map</th>
              <th scope="col">Active version</th>
              <th scope="col">Latest</th>
              <th scope="col">Last edit</th>
              <th scope="col">Open cases</th>
              <th scope="col">Crisis</th>
            </tr>
          </thead>
          <tbody>
            {maps.map((m) => (
              <tr key={m.id} data-map-id={m.id}>
                <td><a href={`#/maps/${encodeURIComponent(m.id)}`}>{m.name}</a><div className="muted small">{m.id}</div></td>
                <td>{m.activeVersion ? `v${m.activeVersion}` : <span className="muted">none yet</span>}</td>
                <td><span className={`state-badge state-${m.state}`}>v{m.latestVersion} · {STATE_WORDS[m.state] ?? m.state}</span></td>
                <td data-last-editor>{nameOf(m.updatedBy, m.updatedByName)}<div className="muted small">{when(m.updatedAt)}</div></td>
                <td>{m.openCases}</td>
                <td>{m.crisis ? <span className="crisis-badge">In crisis</span> : <span className="muted">calm</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {creating && <NewMapDialog onClose={() => setCreating(false)} />}
    </main>
  );
}
