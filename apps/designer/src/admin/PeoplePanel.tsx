import { useState } from 'react';
import type { User } from '../api/client.ts';
import { adminApi } from '../api/admin.ts';
import { EmptyList } from './EmptyList.tsx';
import { NewPersonForm } from './NewPersonForm.tsx';
import { PersonRow } from './PersonRow.tsx';
import { useLoaded } from './useLoaded.ts';

/** Everyone who signs in: create a person, change roles and teams, disable an account. */
export function PeoplePanel({ me }: { me: User }) {
  const people = useLoaded(adminApi.users, 'Could not load the people');
  const teams = useLoaded(adminApi.teams, 'Could not load the teams');
  const [editing, setEditing] = useState<string | null>(null);
  const teamList = teams.data?.teams ?? [];
  const teamName = (id: string) => teamList.find((t) => t.id === id)?.name ?? id;

  return (
    <div className="admin-stack">
      <NewPersonForm teams={teamList} onCreated={() => { people.reload(); teams.reload(); }} />
      {people.data === null ? (
        <p className="muted" aria-busy="true">Loading people…</p>
      ) : people.data.users.length === 0 ? (
        <EmptyList testId="people-empty">No people yet — create the first agent above and give them a team.</EmptyList>
      ) : (
        <table className="maps-table admin-table" aria-label="People">
          <thead>
            <tr><th scope="col">Name</th><th scope="col">E-mail</th><th scope="col">Roles</th><th scope="col">Teams</th><th scope="col">Account</th><th scope="col"><span className="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {people.data.users.map((p) => (
              <PersonRow key={p.id} person={p} isMe={p.id === me.id} teams={teamList} teamName={teamName}
                editing={editing === p.id} onEdit={() => setEditing(p.id)}
                onDone={(changed) => { setEditing(null); if (changed) { people.reload(); teams.reload(); } }} />
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
