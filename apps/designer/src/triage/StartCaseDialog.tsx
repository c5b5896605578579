import { useEffect, useRef, useState, type FormEvent } from 'react';
import { casesApi, type UnroutedMention } from '../api/cases.ts';
import { showError } from '../shell/toasts.ts';
import { loadStartableMaps, type StartableMap } from './approvedMaps.ts';

/**
 * "Start on map…": pick an approved map and one of its triggers (the highest-priority one is
 * preselected); starting answers the new case's id. Esc or Cancel closes without a change.
 */
export function StartCaseDialog({ mention, teamName, onStarted, onClose }: {
  mention: UnroutedMention;
  teamName: (id: string) => string;
  onStarted: (caseId: string, map: StartableMap) => void;
  onClose: () => void;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [maps, setMaps] = useState<StartableMap[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [mapId, setMapId] = useState('');
  const [trigger, setTrigger] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    dialog.current?.showModal();
    let live = true;
    loadStartableMaps().then(
      (found) => {
        if (!live) return;
        setMaps(found);
        setMapId(found[0]?.id ?? '');
        setTrigger(found[0]?.triggers[0]?.id ?? '');
      },
      (e) => {
        if (!live) return;
        setFailed(true);
        showError('Could not load the approved maps', e);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  const chosen = maps?.find((m) => m.id === mapId);
  const pickMap = (id: string) => {
    setMapId(id);
    setTrigger(maps?.find((m) => m.id === id)?.triggers[0]?.id ?? '');
  };
  const start = (e: FormEvent) => {
    e.preventDefault();
    if (!chosen || busy) return;
    setBusy(true);
    casesApi.startFromTriage(mention.id, chosen.id, trigger || undefined).then(
      ({ caseId }) => {
        dialog.current?.close();
        onStarted(caseId, chosen);
      },
      (err) => {
        setBusy(false);
        showError('Could not start the case', err);
      },
    );
  };
  const firstLine = mention.text.split('\n')[0] ?? '';

  return (
    <dialog ref={dialog} className="dialog start-dialog" onClose={onClose} aria-labelledby="start-title" data-testid="start-dialog">
      <h2 id="start-title">Start a case on a map</h2>
      <p className="muted plain-text">
        {mention.author.name ?? mention.author.handle}: “{firstLine.length > 140 ? `${firstLine.slice(0, 140)}…` : firstLine}”
      </p>
      <form onSubmit={start} className="start-form">
        {maps === null ? (
          failed ? <p className="form-error">The maps could not be loaded. Close this and try again.</p> : <p className="muted" aria-busy="true">Loading approved maps…</p>
        ) : maps.length === 0 ? (
          <p className="empty-state">No approved maps yet — a map must be approved before cases can start on it.</p>
        ) : (
          <>
            <fieldset className="start-maps">
              <legend className="field-label">Map</legend>
              {maps.map((m) => (
                <label key={m.id} className="start-map" data-start-map={m.id}>
                  <input type="radio" name="start-map" value={m.id} checked={m.id === mapId} onChange={() => pickMap(m.id)} />
                  <span>
                    <strong>{m.name}</strong>
                    <span className="muted small"> · version {m.version} · the hub is {teamName(m.hub)}</span>
                  </span>
                </label>
              ))}
            </fieldset>
            {chosen && (
              <div className="stack-form">
                <label htmlFor="start-trigger" className="field-label">Start as if this trigger matched</label>
                <select id="start-trigger" value={trigger} onChange={(e) => setTrigger(e.target.value)}>
                  {chosen.triggers.map((t) => (
                    <option key={t.id} value={t.id}>{t.label} (priority {t.priority}) — {t.when}</option>
                  ))}
                </select>
                <p className="muted small">The case walks the map from that trigger exactly as if it had matched.</p>
              </div>
            )}
          </>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>Cancel</button>
          <button type="submit" className="primary" data-testid="start-case" disabled={!chosen || busy}>{busy ? 'Starting…' : 'Start case'}</button>
        </div>
      </form>
    </dialog>
  );
}
