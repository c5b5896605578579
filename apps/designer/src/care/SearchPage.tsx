import { NETWORKS } from '@baton/engine';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { User } from '../api/client.ts';
import { careApi, type SearchItem } from '../api/care.ts';
import { navigate, searchQueryOf, useHash } from '../shell/route.ts';
import { showError } from '../shell/toasts.ts';
import { DoneToday } from './DoneToday.tsx';
import { SavedSearches } from './SavedSearches.tsx';
import { SearchResult } from './SearchResult.tsx';
import { useDirectory } from '../console/useDirectory.ts';
import '../console/console.css';
import './care.css';

/** The filters the form edits, in the order a person reads them. */
const FIELDS = ['q', 'author', 'network', 'status', 'team', 'map', 'tag', 'outcome', 'breached', 'from', 'to'] as const;
type Filters = Partial<Record<(typeof FIELDS)[number], string>>;

function filtersOf(query: URLSearchParams): Filters {
  return Object.fromEntries(FIELDS.flatMap((f) => (query.get(f) ? [[f, query.get(f)!]] : [])));
}

/** The query string of a set of filters (dates as whole days: from the start of `from` to the end of `to`, local time). */
export function queryOf(filters: Filters): string {
  const q = new URLSearchParams();
  for (const f of FIELDS) {
    const v = filters[f]?.trim();
    if (v) q.set(f, v);
  }
  return q.toString();
}

function apiQuery(filters: Filters): URLSearchParams {
  const q = new URLSearchParams(queryOf(filters));
  const from = q.get('from');
  const to = q.get('to');
  if (from) q.set('from', new Date(`${from}T00:00:00`).toISOString());
  if (to) q.set('to', new Date(`${to}T23:59:59.999`).toISOString());
  return q;
}

/**
 * Search over open and closed cases (`#/search?q=…`): words of the thread, notes and tags, and
 * filters; results newest first, page after page; saved searches; and, for agents, what they
 * finished today. The filters live in the address, so a search can be bookmarked or shared.
 */
export function SearchPage({ user }: { user: User }) {
  const hash = useHash();
  const applied = filtersOf(searchQueryOf(hash));
  const appliedKey = queryOf(applied);
  const [form, setForm] = useState<Filters>(applied);
  const [items, setItems] = useState<SearchItem[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const directory = useDirectory();
  const qBox = useRef<HTMLInputElement>(null);

  useEffect(() => qBox.current?.focus(), []);
  useEffect(() => setForm(filtersOf(new URLSearchParams(appliedKey))), [appliedKey]);
  const run = useCallback((cursor: string | null) => {
    const query = apiQuery(filtersOf(new URLSearchParams(appliedKey)));
    query.set('limit', '25');
    if (cursor) query.set('cursor', cursor);
    setLoading(true);
    careApi.search(query).then(
      (page) => {
        setItems((old) => (cursor ? [...(old ?? []), ...page.items] : page.items));
        setNext(page.next);
      },
      (e) => showError('The search failed', e),
    ).finally(() => setLoading(false));
  }, [appliedKey]);
  useEffect(() => run(null), [run]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    navigate(`#/search?${queryOf(form)}`);
  };
  const set = (f: keyof Filters) => (e: { target: { value: string } }) => setForm((old) => ({ ...old, [f]: e.target.value }));
  const agent = user.roles.includes('agent');

  return (
    <main className="page search-page" aria-labelledby="search-title">
      <div className="page-head"><h1 id="search-title">Search cases</h1></div>
      <div className="search-layout">
        <div className="search-main">
          <form className="search-form" onSubmit={submit} role="search" aria-label="Search cases">
            <div className="field search-words">
              <label htmlFor="search-q">Words</label>
              <input ref={qBox} id="search-q" name="q" type="search" value={form.q ?? ''} onChange={set('q')} placeholder="What the customer or a colleague wrote, a tag…" data-testid="search-q" />
            </div>
            <div className="search-filters">
              <div className="field"><label htmlFor="search-author">Customer</label>
                <input id="search-author" type="text" value={form.author ?? ''} onChange={set('author')} placeholder="@handle" /></div>
              <div className="field"><label htmlFor="search-network">Network</label>
                <select id="search-network" value={form.network ?? ''} onChange={set('network')}>
                  <option value="">Any</option>
                  {NETWORKS.map((n) => <option key={n} value={n}>{n}</option>)}
                </select></div>
              <div className="field"><label htmlFor="search-status">State</label>
                <select id="search-status" value={form.status ?? ''} onChange={set('status')}>
                  <option value="">Open or closed</option><option value="open">Open</option><option value="closed">Closed</option>
                  <option value="waiting">Waiting</option><option value="held">In hand</option><option value="preparing">Preparing</option>
                </select></div>
              <div className="field"><label htmlFor="search-team">Team</label>
                <select id="search-team" value={form.team ?? ''} onChange={set('team')}>
                  <option value="">Any</option>
                  {directory.teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
                </select></div>
              <div className="field"><label htmlFor="search-tag">Tag</label>
                <input id="search-tag" type="text" value={form.tag ?? ''} onChange={set('tag')} /></div>
              <div className="field"><label htmlFor="search-outcome">Outcome</label>
                <input id="search-outcome" type="text" value={form.outcome ?? ''} onChange={set('outcome')} placeholder="resolved" /></div>
              <div className="field"><label htmlFor="search-breached">Deadlines</label>
                <select id="search-breached" value={form.breached ?? ''} onChange={set('breached')}>
                  <option value="">Any</option><option value="true">Missed one</option><option value="false">All kept</option>
                </select></div>
              <div className="field"><label htmlFor="search-from">Opened from</label>
                <input id="search-from" type="date" value={form.from ?? ''} onChange={set('from')} /></div>
              <div className="field"><label htmlFor="search-to">Opened until</label>
                <input id="search-to" type="date" value={form.to ?? ''} onChange={set('to')} /></div>
            </div>
            <div className="search-actions">
              <button type="submit" className="primary" data-testid="search-submit">Search</button>
              {appliedKey && <a href="#/search" className="small">Clear all</a>}
            </div>
          </form>

          <section aria-labelledby="results-title" aria-busy={loading}>
            <h2 id="results-title" className="visually-hidden">Results</h2>
            {items === null ? <p className="muted">Searching…</p> : items.length === 0 ? (
              <div className="empty-state" data-testid="search-empty">
                <p><strong>No case matches.</strong></p>
                <p>Try fewer words, the start of a word, or clear a filter. Search covers open and closed cases of the teams you work with.</p>
              </div>
            ) : (
              <ol className="search-results" data-testid="search-results">
                {items.map((c) => (
                  <SearchResult key={c.id} c={c} mapName={directory.mapName(c.mapId)} teamName={directory.teamName(c.team)} />
                ))}
              </ol>
            )}
            {next && <button type="button" onClick={() => run(next)} disabled={loading} data-testid="search-more">Show more</button>}
          </section>
        </div>
        <aside className="search-side">
          <SavedSearches current={appliedKey} />
          {agent && <DoneToday />}
        </aside>
      </div>
    </main>
  );
}
