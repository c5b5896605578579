import { useEffect, useRef, useState } from 'react';
import { api, type DirectoryTeam } from '../api/client.ts';
import { navigate } from '../shell/route.ts';
import { EXAMPLE_MAPS } from './examples.ts';
import { blankMap, defaultHub } from './blankMap.ts';
import { setPendingMap } from './pendingMap.ts';

/** "New map": blank, or a copy of a shipped example. */
export function NewMapDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  // When no team is the hub by convention, the manager says which team listens first.
  const [askHub, setAskHub] = useState<{ teams: DirectoryTeam[]; hub: string } | null>(null);

  function openBlank(teams: DirectoryTeam[], hub?: string) {
    setPendingMap(blankMap(teams, Math.random().toString(36).slice(2, 8), hub));
    navigate('#/maps/new');
  }

  async function startBlank() {
    const teams = await api.teams().then((r) => r.teams, () => []);
    if (teams.length > 1 && !defaultHub(teams)) setAskHub({ teams, hub: teams[0]!.id });
    else openBlank(teams);
  }

  if (askHub) {
    return (
      <dialog ref={dialog} className="dialog" onClose={onClose} aria-labelledby="new-map-title">
        <h2 id="new-map-title">New blank map</h2>
        <form method="dialog" onSubmit={(e) => { e.preventDefault(); openBlank(askHub.teams, askHub.hub); }}>
          <div className="field">
            <label htmlFor="new-map-hub">Which team listens first and triages (the hub)?</label>
            <select id="new-map-hub" data-testid="new-map-hub" value={askHub.hub} onChange={(e) => setAskHub({ ...askHub, hub: e.target.value })}>
              {askHub.teams.map((t) => <option key={t.id} value={t.id}>{t.name} ({t.id})</option>)}
            </select>
            <p className="field-hint">Every case starts with this team. You can change it later in the map’s settings.</p>
          </div>
          <div className="dialog-actions">
            <button type="button" onClick={() => dialog.current?.close()}>Cancel</button>
            <button type="submit" className="primary" data-testid="new-map-hub-start">Start the map</button>
          </div>
        </form>
      </dialog>
    );
  }

  return (
    <dialog ref={dialog} className="dialog" onClose={onClose} aria-labelledby="new-map-title">
      <h2 id="new-map-title">New map</h2>
      <div className="choice-list">
        <button type="button" className="choice" onClick={startBlank} data-new-map="blank">
          <strong>Blank map</strong>
          <span className="muted">Start with an empty canvas and drag a trigger onto it.</span>
        </button>
        {EXAMPLE_MAPS.map(({ name, map }) => (
          <button
            key={name}
            type="button"
            className="choice"
            data-new-map={name}
            onClick={() => {
              setPendingMap(structuredClone(map));
              navigate('#/maps/new');
            }}
          >
            <strong>{map.name}</strong>
            <span className="muted">{map.description ?? `${map.nodes.length} steps, ${map.teams.length} teams`}</span>
          </button>
        ))}
        {EXAMPLE_MAPS.length === 0 && <p className="muted">No examples are bundled with this build.</p>}
      </div>
      <div className="dialog-actions">
        <button type="button" onClick={() => dialog.current?.close()}>Cancel</button>
      </div>
    </dialog>
  );
}
