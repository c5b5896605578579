import type { Mention } from '@baton/engine';
import type { CaseDetail } from '../api/cases.ts';
import { NetworkIcon } from './NetworkIcon.tsx';
import { followersText } from './network.ts';
import { OurReply } from './OurReply.tsx';
import { safeUrl } from './safeUrl.ts';
import { personHash } from '../shell/route.ts';

type Item =
  | { kind: 'mention' | 'reply'; at: string; mention: Mention }
  | { kind: 'note'; at: string; id: number; author: string; text: string }
  | { kind: 'ours'; at: string; reply: CaseDetail['replies'][number] };

/** The mention, attached replies and notes, interleaved oldest first. */
function threadItems(c: CaseDetail): Item[] {
  const items: Item[] = [
    ...(c.mention ? [{ kind: 'mention' as const, at: c.mention.createdAt, mention: c.mention }] : []),
    ...c.thread.map((m) => ({ kind: 'reply' as const, at: m.createdAt, mention: m })),
    ...c.notes.map((n) => ({ kind: 'note' as const, at: n.at, id: n.id, author: n.author, text: n.text })),
    ...c.replies.map((r) => ({ kind: 'ours' as const, at: r.createdAt, reply: r })),
  ];
  return items.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

const time = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * The conversation on the left of a case: the customer's posts, our replies with their state, and
 * notes. Every text is a React text node, never HTML. `onRetry` offers Retry on failed replies.
 */
export function CaseThread({ c, personName, onRetry, busy = false }: { c: CaseDetail; personName: (id: string) => string; onRetry?: (replyId: string) => void; busy?: boolean }) {
  return (
    <section className="case-thread" aria-label="Conversation">
      <ol className="thread">
        {threadItems(c).map((item) =>
          item.kind === 'ours' ? (
            <OurReply key={`ours-${item.reply.id}`} r={item.reply} personName={personName} busy={busy} {...(onRetry ? { onRetry } : {})} />
          ) : item.kind === 'note' ? (
            <li key={`note-${item.id}`} className="thread-item thread-note" data-thread="note">
              <header>
                <strong>{personName(item.author)}</strong> <span className="muted">added a note · {time(item.at)}</span>
              </header>
              <p className="plain-text">{item.text}</p>
            </li>
          ) : (
            <li key={`${item.kind}-${item.mention.id}`} className={`thread-item thread-${item.kind}`} data-thread={item.kind}>
              <header>
                <NetworkIcon network={item.mention.network} />{' '}
                <a href={personHash(item.mention.network, item.mention.author.handle)} className="person-link" title="The customer's record"><strong>{item.mention.author.name ?? item.mention.author.handle}</strong></a>{' '}
                {item.mention.author.name && <span className="muted">{item.mention.author.handle}</span>}{' '}
                <span className="muted small">
                  {followersText(item.mention.author.followers)}
                  {item.mention.author.verified ? ' · verified' : ''} · {time(item.at)}
                  {item.kind === 'reply' ? ' · reply' : ''}
                </span>
              </header>
              <p className="plain-text" data-testid={item.kind === 'mention' ? 'case-mention-text' : undefined}>{item.mention.text}</p>
              {item.mention.url && (
                <a className="small" href={safeUrl(item.mention.url)} target="_blank" rel="noreferrer noopener">Open the original post</a>
              )}
            </li>
          ),
        )}
      </ol>
    </section>
  );
}
