import { useCallback, useEffect, useState } from 'react';
import { casesApi, type UnroutedMention } from '../api/cases.ts';
import { LiveIndicator } from '../console/LiveIndicator.tsx';
import { NetworkIcon } from '../console/NetworkIcon.tsx';
import { followersText } from '../console/network.ts';
import { useLiveRefresh } from '../console/useLiveRefresh.ts';
import { showError, showToast } from '../shell/toasts.ts';
import '../console/console.css';

/** What the hub will do with an unrouted mention once the runtime offers it. */
const COMING = [
  { id: 'start', label: 'Start on map…', why: 'Starting a case by hand is coming: the runtime has no endpoint for it yet.' },
  { id: 'tag', label: 'Tag', why: 'Tagging an unrouted mention is coming: the runtime has no endpoint for it yet.' },
  { id: 'dismiss', label: 'Dismiss (reason)', why: 'Dismissing with a reason is coming: the runtime has no endpoint for it yet.' },
] as const;

const time = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The hub's triage inbox: mentions no trigger matched, newest first, live. */
export function TriagePage() {
  const [mentions, setMentions] = useState<UnroutedMention[] | null>(null);
  const [failed, setFailed] = useState(false);
  const load = useCallback(() => {
    casesApi.unrouted().then(
      ({ mentions }) => {
        setMentions(mentions);
        setFailed(false);
      },
      (e) => {
        setFailed(true);
        showError('Could not load the triage inbox', e);
      },
    );
  }, []);
  useEffect(load, [load]);
  useLiveRefresh(load, (type, data) => type === 'mention' && data.status === 'unrouted');

  return (
    <main className="page triage-page" aria-labelledby="triage-title">
      <div className="page-head">
        <div>
          <h1 id="triage-title">Triage inbox</h1>
          <p className="muted">Mentions no map routed, newest first.</p>
        </div>
        <LiveIndicator />
      </div>
      <p className="notice triage-note" id="triage-coming">
        Starting a case from here, tagging and dismissing are coming — the runtime does not offer them yet.
      </p>
      {mentions === null ? (
        failed ? (
          <div className="empty-state"><p>The inbox could not be loaded. Check the connection, then reload the page.</p></div>
        ) : (
          <p className="muted" aria-busy="true">Loading the inbox…</p>
        )
      ) : mentions.length === 0 ? (
        <div className="empty-state" data-testid="triage-empty">
          <p>No unrouted mentions — everything that came in matched a map. Mentions no trigger matches will wait here.</p>
        </div>
      ) : (
        <ul className="triage-list" aria-label="Unrouted mentions">
          {mentions.map((m) => (
            <li key={m.id} className="triage-item" data-mention-id={m.id}>
              <NetworkIcon network={m.network} />
              <div>
                <header>
                  <strong>{m.author.name ?? m.author.handle}</strong>
                  {m.author.name && <span className="muted">{m.author.handle}</span>}
                  <span className="muted small">{followersText(m.author.followers)} · {time(m.createdAt)}</span>
                </header>
                <p className="plain-text" data-testid="triage-text">{m.text}</p>
              </div>
              <div className="triage-actions">
                {COMING.map((a) => (
                  <button key={a.id} type="button" aria-disabled="true" aria-describedby="triage-coming" title={a.why} data-triage-action={a.id}
                    onClick={() => showToast('info', a.why)}>
                    {a.label}
                  </button>
                ))}
              </div>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
