import { adminApi } from '../api/admin.ts';
import { EmptyList } from './EmptyList.tsx';
import { NewTeamForm } from './NewTeamForm.tsx';
import { TeamCard } from './TeamCard.tsx';
import { useLoaded } from './useLoaded.ts';

/** Teams with their members; create a team, add and remove members. */
export function TeamsPanel() {
  const teams = useLoaded(adminApi.teams, 'Could not load the teams');
  const people = useLoaded(adminApi.users, 'Could not load the people');
  return (
    <div className="admin-stack">
      <NewTeamForm onCreated={teams.reload} />
      {teams.data === null ? (
        <p className="muted" aria-busy="true">Loading teams…</p>
      ) : teams.data.teams.length === 0 ? (
        <EmptyList testId="teams-empty">No teams yet — create the hub team first, e.g. social. Maps pass cases between teams by their id.</EmptyList>
      ) : (
        <ul className="team-list">
          {teams.data.teams.map((t) => (
            <li key={t.id}>
              <TeamCard team={t} people={people.data?.users ?? []} onChanged={teams.reload} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
