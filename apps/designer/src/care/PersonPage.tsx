import { NETWORKS, type Network } from '@baton/engine';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { ApiError, type User } from '../api/client.ts';
import { careApi, exportHref, type Interaction, type PersonRecord } from '../api/care.ts';
import { caseHash } from '../console/consoleRoute.ts';
import { followersText } from '../console/network.ts';
import { safeUrl } from '../console/safeUrl.ts';
import { navigate, personHash } from '../shell/route.ts';
import { showError, showToast } from '../shell/toasts.ts';
import '../console/console.css';
import './care.css';

const KIND_WORDS: Record<Interaction['kind'], string> = { mention: 'Wrote', case: 'Case opened', reply: 'We replied', note: 'Note', outcome: 'Outcome', contact: 'Offline contact' };
const CONTACT_WORDS: Record<string, string> = { phone: 'Phone call', email: 'E-mail', meeting: 'Meeting', dm: 'Direct message' };
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const isNetwork = (n: string): n is Network => (NETWORKS as readonly string[]).includes(n);

/**
 * A customer's record (`#/people/<network>/<handle>`): who they are (handles, networks, followers),
 * then everything that passed between them and the organisation, oldest first. Export as CSV or
 * JSON; join another handle of theirs; an admin may erase them.
 */
export function PersonPage({ network, handle, user }: { network: string; handle: string; user: User }) {
  const [record, setRecord] = useState<PersonRecord | null>(null);
  const [problem, setProblem] = useState<'not-found' | 'failed' | null>(null);
  const load = useCallback(() => {
    if (!isNetwork(network)) return setProblem('not-found');
    careApi.person(network, handle).then((r) => { setRecord(r); setProblem(null); }, (e) => {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) setProblem('not-found');
      else { setProblem('failed'); showError('Could not load the record', e); }
    });
  }, [network, handle]);
  useEffect(load, [load]);

  if (!record) {
    return (
      <main className="page person-page">
        <a className="back-link" href="#/search">← Search</a>
        {problem === 'not-found' ? (
          <div className="empty-state" data-testid="person-missing"><p><strong>No record of {handle} on {network} that you may see.</strong></p><p>The handle may be spelt differently, or their cases are in other teams’ hands.</p></div>
        ) : problem === 'failed' ? <div className="empty-state"><p>The record could not be loaded. Reload the page to try again.</p></div> : <p className="muted" aria-busy="true">Loading the record…</p>}
      </main>
    );
  }
  const p = record.person;
  const erase = () => {
    if (!isNetwork(network) || !window.confirm(`Erase ${p.handle} and every handle joined with it? Their words and handles are removed everywhere; counts stay. This cannot be undone.`)) return;
    careApi.erase(network, handle).then((r) => { showToast('success', `Erased: ${r.erased.mentions} mentions over ${r.erased.cases} cases.`); navigate('#/search'); }, (e) => showError('Could not erase the person', e));
  };
  return (
    <main className="page person-page" aria-labelledby="person-title" data-testid="person-page">
      <a className="back-link" href="#/search">← Search</a>
      <div className="person-head">
        <div>
          <h1 id="person-title">{p.name ?? p.handle}</h1>
          <p className="muted">
            {p.name && <>{p.handle} · </>}{followersText(p.followers ?? undefined) || 'followers unknown'} · on {p.networks.join(', ')}
          </p>
          <p className="small muted">First seen {when(p.firstSeen)} · last {when(p.lastSeen)}</p>
        </div>
        <div className="person-actions">
          <a className="button" href={exportHref(network, handle, 'csv')} download data-testid="export-csv">Export CSV</a>
          <a className="button" href={exportHref(network, handle, 'json')} download>Export JSON</a>
          {user.roles.includes('admin') && <button type="button" className="danger" onClick={erase} data-testid="erase-person">Erase person…</button>}
        </div>
      </div>
      <dl className="person-counts" data-testid="person-counts">
        {Object.entries(p.counts).map(([k, v]) => <div key={k}><dt>{k}</dt><dd>{v}</dd></div>)}
      </dl>
      <div className="person-layout">
        <section aria-labelledby="timeline-title" className="person-timeline">
          <h2 id="timeline-title">Everything, oldest first</h2>
          <ol className="thread">
            {record.interactions.map((i, n) => <InteractionItem key={n} i={i} />)}
          </ol>
        </section>
        <aside>
          <section className="case-box" aria-labelledby="handles-title">
            <h2 id="handles-title">Handles</h2>
            <ul className="saved-list">{p.handles.map((h) => <li key={`${h.network}/${h.handle}`}><a href={personHash(h.network, h.handle)}>{h.handle}</a> <span className="muted small">{h.network}</span></li>)}</ul>
            {isNetwork(network) && !user.roles.every((r) => r === 'approver') && <LinkForm network={network} handle={handle} onLinked={load} />}
          </section>
        </aside>
      </div>
    </main>
  );
}

function InteractionItem({ i }: { i: Interaction }) {
  const what = i.kind === 'contact' ? `${CONTACT_WORDS[i.contactKind ?? ''] ?? 'Offline contact'}` : KIND_WORDS[i.kind];
  return (
    <li className={`thread-item person-${i.kind}`} data-interaction={i.kind}>
      <header>
        <strong>{what}</strong>{i.by && <span> · {i.by}</span>}{i.network && <span className="muted small"> · {i.network}</span>}
        <span className="muted small"> · {when(i.at)}</span>
        {i.outcome && <span className="status-chip">{i.kind === 'case' ? `ended: ${i.outcome}` : i.outcome}</span>}
        {i.caseId && <> · <a className="small" href={caseHash(i.caseId)}>the case</a></>}
      </header>
      {i.text && <p className="plain-text">{i.text}</p>}
      {i.kind === 'mention' && i.url && <a className="small" href={safeUrl(i.url)} target="_blank" rel="noreferrer noopener">Open the original post</a>}
    </li>
  );
}

/** Joins another handle of the same person (on any network). */
function LinkForm({ network, handle, onLinked }: { network: Network; handle: string; onLinked: () => void }) {
  const [other, setOther] = useState('');
  const [otherNetwork, setOtherNetwork] = useState<Network>(network);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    careApi.link([{ network, handle }, { network: otherNetwork, handle: other.trim() }]).then(() => { setOther(''); showToast('success', 'Handles joined.'); onLinked(); }, (err) => showError('Could not join the handles', err));
  };
  return (
    <form className="stack-form" onSubmit={submit} aria-label="Join another handle">
      <label htmlFor="link-handle" className="small">Same person as…</label>
      <div className="inline-fields">
        <select aria-label="Network" value={otherNetwork} onChange={(e) => setOtherNetwork(e.target.value as Network)}>
          {NETWORKS.map((n) => <option key={n} value={n}>{n}</option>)}
        </select>
        <input id="link-handle" type="text" value={other} onChange={(e) => setOther(e.target.value)} placeholder="@handle" maxLength={256} />
      </div>
      <button type="submit" disabled={!other.trim()}>Join handles</button>
    </form>
  );
}
