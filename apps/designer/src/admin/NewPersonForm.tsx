import { useState, type FormEvent } from 'react';
import type { DirectoryTeam, Role } from '../api/client.ts';
import { adminApi } from '../api/admin.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { OneTimeSecret } from './OneTimeSecret.tsx';
import { PasswordField } from './PasswordField.tsx';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { TeamCheckboxes } from './TeamCheckboxes.tsx';

/** Creates a person: name, e-mail, password (typed or generated, shown once), roles and teams. */
export function NewPersonForm({ teams, onCreated }: { teams: DirectoryTeam[]; onCreated: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [generated, setGenerated] = useState<{ password: string; forName?: string } | null>(null);
  const [roles, setRoles] = useState<Role[]>(['agent']);
  const [memberOf, setMemberOf] = useState<string[]>([]);
  const [backupOf, setBackupOf] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const ready = name.trim() !== '' && email.trim() !== '' && password.length >= 8 && roles.length > 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready) return;
    setBusy(true);
    try {
      const { user } = await adminApi.createUser({
        name: name.trim(), email: email.trim(), password, roles,
        teams: memberOf, backupTeams: backupOf.filter((t) => !memberOf.includes(t)),
      });
      showToast('success', `${user.name} can now sign in as ${user.email}.`);
      setGenerated(generated?.password === password ? { password, forName: user.name } : null);
      setName('');
      setEmail('');
      setPassword('');
      setRoles(['agent']);
      setMemberOf([]);
      setBackupOf([]);
      onCreated();
    } catch (err) {
      showError('Could not create the person', err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-card admin-form" onSubmit={submit} aria-labelledby="new-person-title">
      <h2 id="new-person-title">New person</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="person-name">Name</label>
          <input id="person-name" name="person-name" type="text" value={name} maxLength={200} required autoComplete="off" onChange={(e) => setName(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="person-email">E-mail</label>
          <input id="person-email" name="person-email" type="email" value={email} maxLength={254} required autoComplete="off" onChange={(e) => setEmail(e.target.value)} />
        </div>
        <PasswordField value={password} onChange={(v) => { setPassword(v); setGenerated(null); }}
          onGenerated={(v) => { setPassword(v); setGenerated({ password: v }); }} />
      </div>
      {generated && (
        <OneTimeSecret testId="generated-password" value={generated.password}
          label={generated.forName ? `Password for ${generated.forName}` : 'Generated password'}
          note={generated.forName ? 'Copy it now and hand it over: Baton keeps only a hash and will not show it again.' : 'Copy it now: Baton keeps only a hash, and this box goes away when you leave the page.'} />
      )}
      <div className="form-grid">
        <RoleCheckboxes idPrefix="new" roles={roles} onChange={setRoles} />
        <TeamCheckboxes idPrefix="new-team" legend="Teams" hint="Works these teams' queues." teams={teams} selected={memberOf} onChange={setMemberOf} />
        <TeamCheckboxes idPrefix="new-backup" legend="Backup teams" hint="Helps these teams only while their map is in crisis." teams={teams}
          selected={backupOf} disabledIds={memberOf} onChange={setBackupOf} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !ready}>Create person</button>
      </div>
    </form>
  );
}
