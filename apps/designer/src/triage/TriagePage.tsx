import { useCallback, useEffect, useRef, useState } from 'react';
import { casesApi, type UnroutedMention } from '../api/cases.ts';
import { caseHash } from '../console/consoleRoute.ts';
import { LiveIndicator } from '../console/LiveIndicator.tsx';
import { useDirectory } from '../console/useDirectory.ts';
import { useLiveRefresh } from '../console/useLiveRefresh.ts';
import { navigate } from '../shell/route.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { StartCaseDialog } from './StartCaseDialog.tsx';
import { TriageItem } from './TriageItem.tsx';
import '../console/console.css';

/**
 * The hub's triage inbox: mentions no trigger matched, newest first, live. Each can be started on
 * an approved map (then the new case opens), tagged, or dismissed with a reason (then it leaves).
 */
export function TriagePage() {
  const [mentions, setMentions] = useState<UnroutedMention[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [starting, setStarting] = useState<UnroutedMention | null>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const directory = useDirectory();
  const listed = useRef(new Set<string>());
  listed.current = new Set(mentions?.map((m) => m.id));

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
  // New unrouted mentions, and colleagues' tags, dismissals and starts on the ones listed here.
  useLiveRefresh(load, (type, data) => type === 'mention' && (data.status === 'unrouted' || listed.current.has(String(data.id))));

  const replace = (m: UnroutedMention) => setMentions((all) => all?.map((x) => (x.id === m.id ? m : x)) ?? all);
  const dismissed = (id: string) => {
    // Keyboard users keep their place: focus moves to the next mention's first action, else the title.
    const ids = mentions?.map((m) => m.id) ?? [];
    const next = ids[ids.indexOf(id) + 1] ?? ids[ids.indexOf(id) - 1];
    setMentions((all) => all?.filter((m) => m.id !== id) ?? all);
    showToast('success', 'Dismissed — the mention left the inbox.');
    requestAnimationFrame(() => {
      const target = next ? document.querySelector<HTMLElement>(`.triage-item[data-mention-id="${CSS.escape(next)}"] [data-triage-action="start"]`) : null;
      (target ?? title.current)?.focus();
    });
  };

  return (
    <main className="page triage-page" aria-labelledby="triage-title">
      <div className="page-head">
        <div>
          <h1 id="triage-title" ref={title} tabIndex={-1}>Triage inbox</h1>
          <p className="muted">Mentions no map routed, newest first. Start a case on a map, tag them for later, or dismiss them with a reason.</p>
        </div>
        <LiveIndicator />
      </div>
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
            <TriageItem key={m.id} mention={m} onChanged={replace} onDismissed={dismissed} onStart={setStarting} />
          ))}
        </ul>
      )}
      {starting && (
        <StartCaseDialog
          mention={starting}
          teamName={(id) => directory.teamName(id)}
          onClose={() => setStarting(null)}
          onStarted={(caseId, map) => {
            showToast('success', `Case started on ${map.name}.`);
            navigate(caseHash(caseId));
          }}
        />
      )}
    </main>
  );
}
