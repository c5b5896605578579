import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { careApi, type SavedSearch } from '../api/care.ts';
import { showError, showToast } from '../shell/toasts.ts';

/** The person's saved searches (kept on the server), and a form to save the one on screen. */
export function SavedSearches({ current }: { current: string }) {
  const [saved, setSaved] = useState<SavedSearch[] | null>(null);
  const [name, setName] = useState('');
  const load = useCallback(() => careApi.saved().then(({ searches }) => setSaved(searches), (e) => showError('Could not load your saved searches', e)), []);
  useEffect(() => void load(), [load]);
  const save = (e: FormEvent) => {
    e.preventDefault();
    careApi.save(name.trim(), current).then(() => {
      setName('');
      showToast('success', `Saved “${name.trim()}”.`);
      void load();
    }, (err) => showError('Could not save the search', err));
  };
  const remove = (s: SavedSearch) => careApi.unsave(s.id).then(() => void load(), (err) => showError('Could not delete the saved search', err));
  return (
    <section className="case-box" aria-labelledby="saved-title" data-testid="saved-searches">
      <h2 id="saved-title">Saved searches</h2>
      {saved && saved.length === 0 && <p className="muted small">None yet. Search, then save it here to come back to it.</p>}
      <ul className="saved-list">
        {saved?.map((s) => (
          <li key={s.id}>
            <a href={`#/search?${s.query}`}>{s.name}</a>
            <button type="button" className="link-button small" onClick={() => void remove(s)} aria-label={`Delete the saved search ${s.name}`}>Delete</button>
          </li>
        ))}
      </ul>
      <form onSubmit={save} className="stack-form">
        <label htmlFor="saved-name" className="small">Save this search as</label>
        <input id="saved-name" type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={100} placeholder="e.g. Open refunds" />
        <button type="submit" disabled={!name.trim()} data-testid="save-search">Save search</button>
      </form>
    </section>
  );
}
