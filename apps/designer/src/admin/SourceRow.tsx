import { useState } from 'react';
import { sourcesApi, type SourceInfo } from '../api/sources.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { formatTime } from './formatTime.ts';
import { KIND_LABELS } from './sourceForm.ts';
import { SourceStateBadge } from './SourceStateBadge.tsx';

/** Where a source reads from, in a few words. */
function whereFrom(s: SourceInfo): string {
  const v = s.settings as Record<string, unknown>;
  if (s.kind === 'rss') return String(v.url ?? '');
  if (s.kind === 'mastodon') return [String(v.instance ?? ''), ...((v.hashtags as string[] | undefined) ?? []).map((t) => (t.startsWith('#') ? t : `#${t}`))].join(' ');
  return `@${String(v.handle ?? '').replace(/^@/, '')}`;
}

/** One source: name, kind, brand, state, last mention, counts; Pause/Resume and Delete (confirmed in place). */
export function SourceRow({ source, onChanged }: { source: SourceInfo; onChanged: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const act = async (what: string, call: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await call();
      showToast('success', done);
      onChanged();
    } catch (e) {
      showError(`Could not ${what} ${source.name}`, e);
    } finally {
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <>
      <tr data-source-id={source.id} data-source-name={source.name}>
        <td>
          <div className="source-name">{source.name}</div>
          <div className="muted source-where">{KIND_LABELS[source.kind]} · {whereFrom(source)}</div>
          {source.hasSecrets && <div className="muted source-secret">secret stored — not shown again</div>}
        </td>
        <td>{source.brand ?? <span className="muted">any</span>}</td>
        <td><SourceStateBadge source={source} /></td>
        <td>{source.lastMentionAt ? formatTime(source.lastMentionAt) : <span className="muted">none yet</span>}</td>
        <td className="source-counts">
          <span data-source-mentions={source.counts.mentions}>{source.counts.mentions.toLocaleString()} mentions</span>
          {source.counts.errors > 0 && <span className="muted"> · {source.counts.errors.toLocaleString()} errors</span>}
        </td>
        <td className="row-actions">
          {source.state === 'paused' ? (
            <button type="button" onClick={() => act('resume', () => sourcesApi.resume(source.id), `${source.name} reads again from where it stopped.`)} disabled={busy} aria-label={`Resume ${source.name}`}>Resume</button>
          ) : (
            <button type="button" onClick={() => act('pause', () => sourcesApi.pause(source.id), `${source.name} paused; it keeps its place.`)} disabled={busy} aria-label={`Pause ${source.name}`}>Pause</button>
          )}
          <button type="button" className="danger" onClick={() => setConfirming(true)} disabled={busy || confirming} aria-label={`Delete ${source.name}`}>Delete</button>
        </td>
      </tr>
      {confirming && (
        <tr className="confirm-row">
          <td colSpan={6}>
            <span className="confirm" role="group" aria-label={`Confirm deleting ${source.name}`}>
              <span>Delete “{source.name}”? It stops reading and its secret is erased; the mentions it read stay.</span>
              <button type="button" className="danger" onClick={() => act('delete', () => sourcesApi.remove(source.id), `${source.name} deleted.`)} disabled={busy}>Yes, delete</button>
              <button type="button" onClick={() => setConfirming(false)} disabled={busy}>Cancel</button>
            </span>
          </td>
        </tr>
      )}
    </>
  );
}
