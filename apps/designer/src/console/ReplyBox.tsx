import { fillReplyTemplate } from '@baton/engine';
import { useEffect, useState, type FormEvent } from 'react';
import type { User } from '../api/client.ts';
import { casesApi, type CaseDetail } from '../api/cases.ts';
import { repliesApi, type CannedReply } from '../api/replies.ts';
import { showToast } from '../shell/toasts.ts';
import { NETWORK_BADGES } from './network.ts';
import type { CaseState } from './useCase.ts';

/** Why someone who is not the holder cannot reply, in plain words. */
function whyNot(c: CaseDetail, holderName: string): string {
  if (c.status === 'ended') return 'The case has ended.';
  if (!c.holder) return 'Claim the case to reply: only the person who holds it answers the customer.';
  return `${holderName} holds this case; only they reply to the customer.`;
}

/** The team's canned replies, for the picker (none when the team has none or cannot be read). */
function useCanned(team: string | null): CannedReply[] {
  const [canned, setCanned] = useState<CannedReply[]>([]);
  useEffect(() => {
    let live = true;
    if (!team) return setCanned([]);
    repliesApi.canned(team).then((r) => live && setCanned(r.replies), () => live && setCanned([]));
    return () => {
      live = false;
    };
  }, [team]);
  return canned;
}

/**
 * The holder's reply to the customer: starts from the map's drafted reply, offers the team's canned
 * replies, and either sends it through Baton (Mastodon, Bluesky) or records a reply written
 * elsewhere, with its link. Everyone else sees why they cannot reply.
 */
export function ReplyBox({ c, user, state, personName }: { c: CaseDetail; user: User; state: CaseState; personName: (id: string) => string }) {
  const holder = c.holder === user.id;
  const [text, setText] = useState(c.replyDraft?.text ?? '');
  const [elsewhere, setElsewhere] = useState(c.replyChannel === null);
  const [url, setUrl] = useState('');
  const canned = useCanned(holder ? c.team : null);
  const target = [c.mention, ...c.thread].find((m) => m?.id === c.replyTo) ?? c.mention;
  const network = target ? NETWORK_BADGES[target.network].name : 'its network';
  useEffect(() => setElsewhere(c.replyChannel === null), [c.replyChannel]);
  // A draft made while the view is open (the case walked through another reply effect) fills an empty box.
  const draft = c.replyDraft?.text;
  useEffect(() => {
    if (draft) setText((t) => t || draft);
  }, [draft]);

  if (!holder) {
    return (
      <section className="case-box reply-box" aria-labelledby="reply-title" data-testid="reply-box">
        <h2 id="reply-title">Reply to the customer</h2>
        <p className="muted" data-testid="reply-not-holder">{whyNot(c, c.holder ? personName(c.holder) : '')}</p>
      </section>
    );
  }

  const pick = (id: string) => {
    const chosen = canned.find((r) => String(r.id) === id);
    if (!chosen) return;
    const author = c.mention?.author;
    setText(fillReplyTemplate(chosen.text, { authorName: author?.name ?? null, authorHandle: author?.handle ?? '', caseId: c.id }));
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = text.trim();
    if (!body) return;
    const send = elsewhere
      ? { text: body, sentElsewhere: true, ...(url.trim() ? { url: url.trim() } : {}), ...(c.replyTo ? { inReplyTo: c.replyTo } : {}) }
      : { text: body, ...(c.replyTo ? { inReplyTo: c.replyTo } : {}) };
    state.act('Could not record the reply', () => repliesApi.send(c.id, send).then(() => casesApi.get(c.id))).then(() => {
      setText('');
      setUrl('');
      showToast('success', elsewhere ? 'Reply recorded in the thread.' : `Reply queued — Baton is posting it on ${network}.`);
    }, () => undefined);
  };
  const author = target ? target.author.name ?? target.author.handle : 'the customer';

  return (
    <section className="case-box reply-box" aria-labelledby="reply-title" data-testid="reply-box">
      <h2 id="reply-title">Reply to {author} <span className="small muted">on {network}</span></h2>
      <form onSubmit={submit} className="stack-form reply-form">
        {canned.length > 0 && (
          <label className="reply-canned">
            <span>Canned replies</span>
            <select value="" onChange={(e) => pick(e.target.value)} data-testid="canned-replies">
              <option value="">Insert a canned reply…</option>
              {canned.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
            </select>
          </label>
        )}
        <label className="visually-hidden" htmlFor="reply-text">Reply text</label>
        <textarea id="reply-text" rows={4} value={text} onChange={(e) => setText(e.target.value)} maxLength={5000} data-testid="reply-text"
          placeholder={`Write to ${author}…`} />
        {c.replyDraft && text !== c.replyDraft.text && (
          <button type="button" className="link-button" onClick={() => setText(c.replyDraft!.text)}>Start again from the map’s draft</button>
        )}
        {c.replyChannel ? (
          <label className="reply-elsewhere">
            <input type="checkbox" checked={elsewhere} onChange={(e) => setElsewhere(e.target.checked)} /> I replied elsewhere; just record it
          </label>
        ) : (
          <p className="small muted" data-testid="reply-elsewhere-note">Baton cannot post on {network} for this mention. Reply there, then record what you wrote here.</p>
        )}
        {elsewhere && (
          <label className="reply-url">
            <span>Link to your reply (optional)</span>
            <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…" data-testid="reply-url" />
          </label>
        )}
        <div className="reply-actions">
          <button type="submit" className="primary" disabled={state.busy || !text.trim()} data-testid={elsewhere ? 'record-reply' : 'send-reply'}>
            {elsewhere ? 'Record reply sent elsewhere' : `Send on ${network}`}
          </button>
          <span className="small muted">{text.length} / 5000</span>
        </div>
      </form>
    </section>
  );
}
