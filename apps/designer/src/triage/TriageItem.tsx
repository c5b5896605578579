import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { casesApi, type UnroutedMention } from '../api/cases.ts';
import { NetworkIcon } from '../console/NetworkIcon.tsx';
import { followersText } from '../console/network.ts';
import { showError } from '../shell/toasts.ts';

const time = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Which inline form of a row is open. */
type Panel = 'tag' | 'dismiss' | null;

/**
 * One unrouted mention: who wrote what (as text), its triage tags as chips, and the hub's three
 * actions. "Tag" and "Dismiss (reason)" open small forms in the row; "Start on map…" asks the page
 * for the dialog.
 */
export function TriageItem({ mention, onChanged, onDismissed, onStart }: {
  mention: UnroutedMention;
  onChanged: (m: UnroutedMention) => void;
  onDismissed: (id: string) => void;
  onStart: (m: UnroutedMention) => void;
}) {
  const [panel, setPanel] = useState<Panel>(null);
  const [tag, setTag] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const opener = useRef<Record<'tag' | 'dismiss', HTMLButtonElement | null>>({ tag: null, dismiss: null });
  const key = mention.id.replace(/[^A-Za-z0-9_-]/g, '_');

  useEffect(() => {
    if (panel) field.current?.focus();
  }, [panel]);

  const close = (which: 'tag' | 'dismiss') => {
    setPanel(null);
    opener.current[which]?.focus();
  };
  const run = <T,>(what: string, call: () => Promise<T>, then: (result: T) => void) => {
    setBusy(true);
    call().then(
      (result) => {
        setBusy(false);
        then(result);
      },
      (e) => {
        setBusy(false);
        showError(what, e);
      },
    );
  };
  const addTag = (e: FormEvent) => {
    e.preventDefault();
    const name = tag.trim().replace(/^#/, '');
    if (!name) return;
    run('Could not add the tag', () => casesApi.retagMention(mention.id, { add: [name] }), (m) => {
      setTag('');
      onChanged(m);
    });
  };
  const dismiss = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) return;
    run('Could not dismiss the mention', () => casesApi.dismissMention(mention.id, reason.trim()), () => onDismissed(mention.id));
  };
  const toggle = (which: 'tag' | 'dismiss') => (panel === which ? close(which) : setPanel(which));
  const onKey = (which: 'tag' | 'dismiss') => (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close(which);
    }
  };

  return (
    <li className="triage-item" data-mention-id={mention.id}>
      <NetworkIcon network={mention.network} />
      <div className="triage-body">
        <header>
          <strong>{mention.author.name ?? mention.author.handle}</strong>
          {mention.author.name && <span className="muted">{mention.author.handle}</span>}
          <span className="muted small">{followersText(mention.author.followers)} · {time(mention.createdAt)}</span>
        </header>
        <p className="plain-text" data-testid="triage-text">{mention.text}</p>
        {mention.tags.length > 0 && (
          <ul className="tag-list triage-tags" aria-label="Tags on this mention">
            {mention.tags.map((t) => (
              <li key={t} className="chip" data-tag={t}>
                #{t}
                <button type="button" className="chip-remove" aria-label={`Remove tag ${t}`} disabled={busy}
                  onClick={() => run('Could not remove the tag', () => casesApi.retagMention(mention.id, { remove: [t] }), onChanged)}>
                  ×
                </button>
              </li>
            ))}
          </ul>
        )}
        {panel === 'tag' && (
          <form className="inline-form triage-form" onSubmit={addTag} onKeyDown={onKey('tag')} data-testid="triage-tag-form">
            <label className="visually-hidden" htmlFor={`tag-${key}`}>New tag for this mention</label>
            <input id={`tag-${key}`} ref={field} type="text" placeholder="Tag, e.g. press" value={tag} onChange={(e) => setTag(e.target.value)} maxLength={64} />
            <button type="submit" disabled={busy || !tag.trim()}>Add tag</button>
            <button type="button" onClick={() => close('tag')}>Done</button>
          </form>
        )}
        {panel === 'dismiss' && (
          <form className="inline-form triage-form" onSubmit={dismiss} onKeyDown={onKey('dismiss')} data-testid="triage-dismiss-form">
            <label className="visually-hidden" htmlFor={`reason-${key}`}>Why dismiss this mention? (required)</label>
            <input id={`reason-${key}`} ref={field} type="text" placeholder="Why? e.g. not about us, spam" value={reason} required
              onChange={(e) => setReason(e.target.value)} maxLength={500} />
            <button type="submit" className="danger" disabled={busy || !reason.trim()}>Dismiss</button>
            <button type="button" onClick={() => close('dismiss')}>Cancel</button>
          </form>
        )}
      </div>
      <div className="triage-actions">
        <button type="button" className="primary" data-triage-action="start" disabled={busy} onClick={() => onStart(mention)}>Start on map…</button>
        <button type="button" data-triage-action="tag" aria-expanded={panel === 'tag'} ref={(b) => { opener.current.tag = b; }} onClick={() => toggle('tag')}>Tag</button>
        <button type="button" data-triage-action="dismiss" aria-expanded={panel === 'dismiss'} ref={(b) => { opener.current.dismiss = b; }} onClick={() => toggle('dismiss')}>
          Dismiss (reason)
        </button>
      </div>
    </li>
  );
}
