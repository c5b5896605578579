import type { Recipient } from '@baton/engine';
import { useMapStore } from '../useMapStore.ts';

type RecipientKind = 'team' | 'member' | 'email' | 'webhook' | 'slack';

function kindOf(r: Recipient): RecipientKind {
  return 'team' in r ? 'team' : 'member' in r ? 'member' : 'email' in r ? 'email' : 'slack' in r ? 'slack' : 'webhook';
}

function valueOf(r: Recipient): string {
  return 'team' in r ? r.team : 'member' in r ? r.member : 'email' in r ? r.email : 'slack' in r ? r.slack : r.webhook;
}

function make(kind: RecipientKind, value: string): Recipient {
  switch (kind) {
    case 'team': return { team: value };
    case 'member': return { member: value };
    case 'email': return { email: value };
    case 'webhook': return { webhook: value };
    case 'slack': return { slack: value };
  }
}

/** Who must be told: teams, members, e-mail addresses, webhooks. */
export function RecipientsEditor({ label, value, onChange }: { label: string; value: Recipient[]; onChange: (next: Recipient[]) => void }) {
  const teams = useMapStore((s) => s.settings.teams);
  const set = (i: number, r: Recipient) => onChange(value.map((x, j) => (j === i ? r : x)));
  return (
    <fieldset className="list-editor" data-list="notify">
      <legend>{label}</legend>
      {value.length === 0 && <p className="field-hint">Nobody yet.</p>}
      <ol>
        {value.map((r, i) => {
          const kind = kindOf(r);
          return (
            <li key={i} className="recipient-row">
              <select aria-label="Kind of recipient" value={kind} onChange={(e) => set(i, make(e.target.value as RecipientKind, e.target.value === 'team' ? teams[0]?.id ?? '' : ''))}>
                <option value="team">team</option>
                <option value="member">member</option>
                <option value="email">email</option>
                <option value="webhook">webhook</option>
                <option value="slack">Slack</option>
              </select>
              {kind === 'team' ? (
                <select aria-label="Team" value={valueOf(r)} onChange={(e) => set(i, make('team', e.target.value))}>
                  {!teams.some((t) => t.id === valueOf(r)) && <option value={valueOf(r)}>{valueOf(r)} (unknown)</option>}
                  {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
                </select>
              ) : (
                <input type="text" aria-label={kind === 'slack' ? 'Slack incoming-webhook URL' : kind} value={valueOf(r)} placeholder={kind === 'webhook' ? 'https://…' : kind === 'slack' ? 'https://hooks.slack.com/services/…' : kind === 'email' ? 'name@example.org' : 'member id'} onChange={(e) => set(i, make(kind, e.target.value))} />
              )}
              <button type="button" className="icon-button" aria-label={`Remove recipient ${valueOf(r)}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>×</button>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={() => onChange([...value, { team: teams[0]?.id ?? 'social' }])}>+ Add recipient</button>
    </fieldset>
  );
}
