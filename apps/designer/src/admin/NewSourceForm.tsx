import { SOURCE_KINDS, type SourceKind } from '@baton/engine';
import { useState, type FormEvent } from 'react';
import { sourcesApi } from '../api/sources.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { emptyDraft, KIND_LABELS, sourceRequest, type SourceDraft } from './sourceForm.ts';

const EVERY = [['PT1M', '1 minute'], ['PT5M', '5 minutes'], ['PT15M', '15 minutes'], ['PT1H', '1 hour']] as const;

/** A text field of the form. */
function Field({ id, label, hint, value, onChange, type = 'text', placeholder, required }: {
  id: string; label: string; hint?: string; value: string; onChange: (v: string) => void; type?: string; placeholder?: string; required?: boolean;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} name={id} type={type} value={value} placeholder={placeholder} required={required} autoComplete={type === 'password' ? 'new-password' : 'off'} onChange={(e) => onChange(e.target.value)} aria-describedby={hint ? `${id}-hint` : undefined} />
      {hint && <p className="field-hint" id={`${id}-hint`}>{hint}</p>}
    </div>
  );
}

/** Adds a source: a feed, a Mastodon account or a Bluesky account, with plain labels per kind. */
export function NewSourceForm({ onCreated }: { onCreated: () => void }) {
  const [d, setD] = useState<SourceDraft>(emptyDraft());
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof SourceDraft>(key: K) => (value: SourceDraft[K]) => setD((x) => ({ ...x, [key]: value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const req = sourceRequest(d);
    if (!req.ok) return setProblems(req.problems);
    setProblems([]);
    setBusy(true);
    try {
      await sourcesApi.create(req.source);
      showToast('success', d.kind === 'rss' ? `${req.source.name} added; it reads the feed now.` : `${req.source.name} added. Its ${d.kind === 'mastodon' ? 'access token' : 'app password'} is stored encrypted — not shown again.`);
      setD(emptyDraft(d.kind));
      onCreated();
    } catch (err) {
      showError('Could not add the source', err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-card admin-form" onSubmit={submit} aria-labelledby="new-source-title" noValidate>
      <h2 id="new-source-title">Add a source</h2>
      <p className="muted">Baton reads new posts from the network itself and routes them like any mention; nothing is lost or read twice across restarts.</p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="source-kind">Kind</label>
          <select id="source-kind" name="source-kind" value={d.kind} onChange={(e) => setD({ ...emptyDraft(e.target.value as SourceKind), name: d.name, brand: d.brand })}>
            {SOURCE_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
          </select>
        </div>
        <Field id="source-name" label="Name" value={d.name} onChange={set('name')} placeholder={d.kind === 'rss' ? 'Product reviews' : `Acme on ${KIND_LABELS[d.kind]}`} required />
        <Field id="source-brand" label="Brand (optional)" value={d.brand} onChange={set('brand')} placeholder="acme" hint="Mentions from this source carry this brand." />
        {d.kind === 'rss' && (
          <>
            <Field id="source-url" label="Feed URL" value={d.url} onChange={set('url')} placeholder="https://example.org/feed.xml" required />
            <div className="field">
              <label htmlFor="source-every">Check every</label>
              <select id="source-every" name="source-every" value={d.every} onChange={(e) => set('every')(e.target.value)}>
                {EVERY.map(([v, label]) => <option key={v} value={v}>{label}</option>)}
              </select>
            </div>
            <div className="field">
              <label htmlFor="source-network">Posts are</label>
              <select id="source-network" name="source-network" value={d.network} onChange={(e) => set('network')(e.target.value as SourceDraft['network'])}>
                <option value="blog">blog posts</option>
                <option value="review">reviews</option>
                <option value="forum">forum posts</option>
                <option value="other">other</option>
              </select>
            </div>
          </>
        )}
        {d.kind === 'mastodon' && (
          <>
            <Field id="source-instance" label="Instance URL" value={d.instance} onChange={set('instance')} placeholder="https://mastodon.social" required />
            <Field id="source-hashtags" label="Hashtags (optional)" value={d.hashtags} onChange={set('hashtags')} placeholder="#acme, #acmehelp" hint="Separate with commas. Mentions of the account are always read." />
            <Field id="source-keywords" label="Keywords (optional)" value={d.keywords} onChange={set('keywords')} placeholder="acme outage" />
            <Field id="source-secret" label="Access token" type="password" value={d.secret} onChange={set('secret')} required hint="Stored encrypted, never shown again." />
          </>
        )}
        {d.kind === 'bluesky' && (
          <>
            <Field id="source-handle" label="Handle" value={d.handle} onChange={set('handle')} placeholder="acme.bsky.social" required />
            <Field id="source-secret" label="App password" type="password" value={d.secret} onChange={set('secret')} required hint="Make one under Settings → App passwords. Stored encrypted, never shown again." />
            <Field id="source-keywords" label="Keywords (optional)" value={d.keywords} onChange={set('keywords')} placeholder="acme, outage" hint="Posts that mention the handle are always read." />
            <Field id="source-service" label="Service URL (optional)" value={d.service} onChange={set('service')} placeholder="https://bsky.social" />
            <Field id="source-jetstream" label="Jetstream URL (optional)" value={d.jetstream} onChange={set('jetstream')} placeholder="wss://jetstream2.us-east.bsky.network" />
          </>
        )}
      </div>
      {problems.length > 0 && (
        <ul className="field-error source-problems" role="alert">
          {problems.map((p) => <li key={p}>{p}</li>)}
        </ul>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy} data-testid="add-source">Add source</button>
      </div>
    </form>
  );
}
