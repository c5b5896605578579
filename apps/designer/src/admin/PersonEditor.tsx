import { useState, type FormEvent } from 'react';
import type { DirectoryTeam, Role } from '../api/client.ts';
import type { AdminUser } from '../api/admin.ts';
import { adminApi } from '../api/admin.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { RoleCheckboxes } from './RoleCheckboxes.tsx';
import { TeamCheckboxes } from './TeamCheckboxes.tsx';

/** Changes one person's roles and teams (PATCH /api/users/:id); changes apply to their open sessions at once. */
export function PersonEditor({ person, teams, onDone }: { person: AdminUser; teams: DirectoryTeam[]; onDone: (changed: boolean) => void }) {
  const [roles, setRoles] = useState<Role[]>(person.roles);
  const [memberOf, setMemberOf] = useState<string[]>(person.teams);
  const [backupOf, setBackupOf] = useState<string[]>(person.backupTeams);
  const [busy, setBusy] = useState(false);
  const prefix = `edit-${person.id}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    try {
      await adminApi.updateUser(person.id, { roles, teams: memberOf, backupTeams: backupOf.filter((t) => !memberOf.includes(t)) });
      showToast('success', `${person.name}: roles and teams saved.`);
      onDone(true);
    } catch (err) {
      showError(`Could not change ${person.name}`, err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="person-editor" onSubmit={submit} aria-label={`Edit ${person.name}`}>
      <div className="form-grid">
        <RoleCheckboxes idPrefix={prefix} roles={roles} onChange={setRoles} />
        <TeamCheckboxes idPrefix={`${prefix}-team`} legend="Teams" hint="Works these teams' queues." teams={teams} selected={memberOf} onChange={setMemberOf} />
        <TeamCheckboxes idPrefix={`${prefix}-backup`} legend="Backup teams" hint="Helps these teams only while their map is in crisis." teams={teams}
          selected={backupOf} disabledIds={memberOf} onChange={setBackupOf} />
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || roles.length === 0}>Save changes</button>
        <button type="button" onClick={() => onDone(false)}>Cancel</button>
      </div>
    </form>
  );
}
