import type { CaseDetail } from '../api/cases.ts';
import { NETWORK_BADGES } from './network.ts';
import { safeUrl } from './safeUrl.ts';

type Reply = CaseDetail['replies'][number];

const time = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Where the reply stands, in words, as a badge. */
function badge(r: Reply): { text: string; className: string } {
  if (r.status === 'sent') return { text: r.sentElsewhere ? 'Replied elsewhere' : 'Sent', className: 'reply-sent' };
  if (r.status === 'failed') return { text: 'Failed', className: 'reply-failed' };
  return { text: r.error ? 'Queued — will try again' : 'Queued', className: 'reply-queued' };
}

/**
 * One of our replies in the thread: who wrote it, its text, and its state — queued, sent (with a
 * link to it on the network), or failed with the reason and a Retry button for those who may.
 */
export function OurReply({ r, personName, onRetry, busy }: { r: Reply; personName: (id: string) => string; onRetry?: (id: string) => void; busy: boolean }) {
  const b = badge(r);
  const network = r.network && r.network in NETWORK_BADGES ? NETWORK_BADGES[r.network as keyof typeof NETWORK_BADGES].name : 'the network';
  return (
    <li className="thread-item thread-ours" data-thread="our-reply" data-reply-status={r.status} data-testid="our-reply">
      <header>
        <strong>{r.authorName ?? personName(r.author)}</strong>
        <span className="muted small">replied · {time(r.createdAt)}</span>
        <span className={`status-chip ${b.className}`} data-testid="reply-status">{b.text}</span>
      </header>
      <p className="plain-text">{r.text}</p>
      {r.status === 'sent' && r.url && (
        <a className="small" href={safeUrl(r.url)} target="_blank" rel="noreferrer noopener">
          {r.sentElsewhere ? 'Open the reply' : `View on ${network}`}
        </a>
      )}
      {r.status === 'queued' && r.error && <p className="small muted">Last try failed: {r.error}</p>}
      {r.status === 'failed' && (
        <div className="reply-failure" role="status">
          <p className="small"><strong>Not posted:</strong> {r.error ?? 'the network refused it'}</p>
          {onRetry && <button type="button" onClick={() => onRetry(r.id)} disabled={busy} data-testid="retry-reply">Retry</button>}
        </div>
      )}
    </li>
  );
}
