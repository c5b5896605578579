import { CONTACT_KINDS, type BatonMap, type ContactKind } from '@baton/engine';
import { useEffect, useState, type FormEvent } from 'react';
import { careApi, type OfflineContact } from '../api/care.ts';
import { casesApi, type CaseDetail } from '../api/cases.ts';
import type { CaseState } from '../console/useCase.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { offlineStep } from './offlineStep.ts';
import './care.css';

const KIND_WORDS: Record<ContactKind, string> = { phone: 'Phone call', email: 'E-mail', meeting: 'Meeting', dm: 'Direct message' };
const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/**
 * Conversations moved off the public network: on an offline pass the box leads with what to do
 * ("Call the customer") and its form is open; on any other step it is one click away. A contact
 * may carry the pass's outcome, which moves the case on.
 */
export function OfflineContactBox({ c, doc, state, canWork, personName }: { c: CaseDetail; doc: BatonMap | null; state: CaseState; canWork: boolean; personName: (id: string) => string }) {
  const node = doc?.nodes.find((n) => n.id === c.node);
  const offline = node?.type === 'pass' && node.channel === 'offline' ? offlineStep(node.expected.action) : null;
  const [contacts, setContacts] = useState<OfflineContact[]>([]);
  const [kind, setKind] = useState<ContactKind>(offline?.kind ?? 'phone');
  const [summary, setSummary] = useState('');
  const [outcome, setOutcome] = useState('');
  const [open, setOpen] = useState(false);
  useEffect(() => {
    careApi.contacts(c.id).then(({ contacts }) => setContacts(contacts), () => undefined);
  }, [c.id, c.updatedAt]);
  useEffect(() => { if (offline) setKind(offline.kind); }, [offline?.kind]);
  const working = (c.status === 'waiting' || c.status === 'held') && canWork;
  // Until the map is loaded, whether this step is offline is unknown: show nothing rather than the wrong heading.
  if (!doc || (!offline && !contacts.length && !working)) return null;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = { kind, summary: summary.trim(), ...(outcome ? { outcome } : {}) };
    state.act('Could not log the contact', () => careApi.logContact(c.id, body).then(({ contacts }) => { setContacts(contacts); return casesApi.get(c.id); }))
      .then((next) => {
        setSummary('');
        setOutcome('');
        setOpen(false);
        showToast('success', outcome ? `Contact logged with “${outcome}” — ${next.status === 'ended' ? 'the case has ended' : `the case moved on to ${next.nodeLabel}`}.` : 'Contact logged on the case.');
      }, () => undefined);
  };
  const form = (
    <form className="stack-form contact-form" onSubmit={submit} data-testid="contact-form">
      <label htmlFor="contact-kind" className="small">How</label>
      <select id="contact-kind" value={kind} onChange={(e) => setKind(e.target.value as ContactKind)} data-testid="contact-kind">
        {CONTACT_KINDS.map((k) => <option key={k} value={k}>{KIND_WORDS[k]}</option>)}
      </select>
      <label htmlFor="contact-summary" className="small">What was said and agreed</label>
      <textarea id="contact-summary" rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} maxLength={5000} data-testid="contact-summary" />
      {c.outcomes.length > 0 && (
        <>
          <label htmlFor="contact-outcome" className="small">Outcome of this step</label>
          <select id="contact-outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)} data-testid="contact-outcome">
            <option value="">None yet — the case stays here</option>
            {c.outcomes.map((o) => <option key={o} value={o}>{o}</option>)}
          </select>
        </>
      )}
      <button type="submit" className="primary" disabled={state.busy || !summary.trim()} data-testid="log-contact">Log the contact</button>
      {!c.holder && <p className="muted small">Logging an outcome claims the case for you.</p>}
    </form>
  );
  return (
    <section className={`case-box${offline ? ' offline-step' : ''}`} aria-labelledby="offline-title" data-testid="offline-box" data-offline={offline ? 'true' : 'false'}>
      <h2 id="offline-title" data-testid="offline-step">{offline ? offline.title : 'Offline contacts'}</h2>
      {offline && <p className="small">This step happens off the public network. Log the conversation here; its outcome moves the case on. The customer’s later public posts still join this case.</p>}
      {contacts.length > 0 && (
        <ul className="contact-list" data-testid="contact-list">
          {contacts.map((k) => (
            <li key={k.id}>
              <strong>{KIND_WORDS[k.kind]}</strong> <span className="muted small">· {personName(k.author)} · {when(k.at)}{k.outcome ? ` · ${k.outcome}` : ''}</span>
              <p className="plain-text">{k.summary}</p>
            </li>
          ))}
        </ul>
      )}
      {working && (offline || open ? form : <button type="button" onClick={() => setOpen(true)} data-testid="open-contact-form">Log an offline contact…</button>)}
    </section>
  );
}
