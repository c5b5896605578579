import { useState, type FormEvent } from 'react';
import type { DirectoryTeam } from '../api/client.ts';
import type { AdminUser } from '../api/admin.ts';
import { adminApi } from '../api/admin.ts';
import { showError, showToast } from '../shell/toasts.ts';

/** Adds a person to a team, as a regular member or as a backup. */
export function AddMemberForm({ team, people, onAdded }: { team: DirectoryTeam; people: AdminUser[]; onAdded: () => void }) {
  const [userId, setUserId] = useState('');
  const [backup, setBackup] = useState(false);
  const [busy, setBusy] = useState(false);
  if (people.length === 0) return <p className="muted small">Everyone is already in this team — create more people under People.</p>;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const person = people.find((p) => p.id === userId);
    if (!person) return;
    setBusy(true);
    try {
      await adminApi.addMember(team.id, person.id, backup);
      showToast('success', `${person.name} joined ${team.name}${backup ? ' as a backup' : ''}.`);
      setUserId('');
      setBackup(false);
      onAdded();
    } catch (err) {
      showError(`Could not add ${person.name} to ${team.name}`, err);
    } finally {
      setBusy(false);
    }
  };

  const selectId = `add-member-${team.id}`;
  return (
    <form className="add-member" onSubmit={submit}>
      <label htmlFor={selectId}>Add a person</label>
      <select id={selectId} value={userId} onChange={(e) => setUserId(e.target.value)}>
        <option value="">Pick a person…</option>
        {people.map((p) => (
          <option key={p.id} value={p.id}>{p.name} ({p.email})</option>
        ))}
      </select>
      <label className="inline-check">
        <input type="checkbox" checked={backup} onChange={(e) => setBackup(e.target.checked)} />
        as a backup
      </label>
      <button type="submit" disabled={busy || !userId}>Add</button>
    </form>
  );
}
