import { useState, type FormEvent } from 'react';
import type { AuditFilters } from '../api/admin.ts';

/** A `datetime-local` value (the browser's local time) as an ISO time, or undefined when blank. */
function isoFromLocal(value: string): string | undefined {
  if (!value) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** The filters the audit log supports: who, action (may end in *), target, and a time window. */
export function AuditFilterForm({ onApply }: { onApply: (filters: AuditFilters) => void }) {
  const [actor, setActor] = useState('');
  const [action, setAction] = useState('');
  const [target, setTarget] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ actor: actor.trim(), action: action.trim(), target: target.trim(), from: isoFromLocal(from), to: isoFromLocal(to) });
  };
  const clear = () => {
    setActor(''); setAction(''); setTarget(''); setFrom(''); setTo('');
    onApply({});
  };

  return (
    <form className="admin-card audit-filters" onSubmit={submit} aria-label="Filter the audit log">
      <div className="field">
        <label htmlFor="audit-actor">Who</label>
        <input id="audit-actor" type="text" value={actor} maxLength={254} placeholder="e-mail or user id" onChange={(e) => setActor(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="audit-action">Action</label>
        <input id="audit-action" type="text" value={action} maxLength={64} placeholder="session.login or map.*" list="audit-actions" onChange={(e) => setAction(e.target.value)} />
        <datalist id="audit-actions">
          {['session.*', 'user.*', 'team.*', 'token.*', 'map.*', 'case.*', 'mention.*', 'session.login.failed'].map((a) => <option key={a} value={a} />)}
        </datalist>
      </div>
      <div className="field">
        <label htmlFor="audit-target">Target</label>
        <input id="audit-target" type="text" value={target} maxLength={300} placeholder="a map, case, team or user id" onChange={(e) => setTarget(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="audit-from">From</label>
        <input id="audit-from" type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="audit-to">To</label>
        <input id="audit-to" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} />
      </div>
      <div className="actions audit-filter-actions">
        <button type="submit" className="primary">Filter</button>
        <button type="button" onClick={clear}>Clear</button>
      </div>
    </form>
  );
}
