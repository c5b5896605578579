import { useEffect, useRef } from 'react';
import { api } from '../api/client.ts';
import { navigate } from '../shell/route.ts';
import { EXAMPLE_MAPS } from './examples.ts';
import { blankMap } from './blankMap.ts';
import { setPendingMap } from './pendingMap.ts';

/** "New map": blank, or a copy of a shipped example. */
export function NewMapDialog({ onClose }: { onClose: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function startBlank() {
    const teams = await api.teams().then((r) => r.teams, () => []);
    setPendingMap(blankMap(teams, Math.random().toString(36).slice(2, 8)));
    navigate('#/maps/new');
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
