import { useState } from 'react';
import type { DirectoryTeam } from '../api/client.ts';
import type { AdminUser } from '../api/admin.ts';
import { adminApi } from '../api/admin.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { PersonEditor } from './PersonEditor.tsx';

/** One person in the table, with Edit and Disable / Enable; the editor opens on a row of its own. */
export function PersonRow({ person, isMe, teams, teamName, editing, onEdit, onDone }: {
  person: AdminUser;
  isMe: boolean;
  teams: DirectoryTeam[];
  teamName: (id: string) => string;
  editing: boolean;
  onEdit: () => void;
  onDone: (changed: boolean) => void;
}) {
  const [busy, setBusy] = useState(false);
  const setDisabled = async (disabled: boolean) => {
    setBusy(true);
    try {
      await adminApi.updateUser(person.id, { disabled });
      showToast('success', disabled ? `${person.name} is disabled and signed out everywhere.` : `${person.name} can sign in again.`);
      onDone(true);
    } catch (e) {
      showError(`Could not ${disabled ? 'disable' : 'enable'} ${person.name}`, e);
    } finally {
      setBusy(false);
    }
  };
  const teamsText = [...person.teams.map(teamName), ...person.backupTeams.map((t) => `${teamName(t)} (backup)`)].join(', ');

  return (
    <>
      <tr data-user-email={person.email} className={person.disabled ? 'person-disabled' : undefined}>
        <td>{person.name}{isMe && <span className="muted"> (you)</span>}</td>
        <td>{person.email}</td>
        <td>{person.roles.join(', ')}</td>
        <td>{teamsText || <span className="muted">none</span>}</td>
        <td>{person.disabled ? <span className="state-badge state-rejected">disabled</span> : <span className="muted">active</span>}</td>
        <td className="row-actions">
          <button type="button" onClick={onEdit} disabled={editing} aria-label={`Edit roles and teams of ${person.name}`}>Edit</button>
          {!isMe && (
            person.disabled
              ? <button type="button" onClick={() => setDisabled(false)} disabled={busy}>Enable</button>
              : <button type="button" className="danger" onClick={() => setDisabled(true)} disabled={busy} aria-label={`Disable ${person.name}`}>Disable</button>
          )}
        </td>
      </tr>
      {editing && (
        <tr className="editor-row">
          <td colSpan={6}>
            <PersonEditor person={person} teams={teams} onDone={onDone} />
          </td>
        </tr>
      )}
    </>
  );
}
