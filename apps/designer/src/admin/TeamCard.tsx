import type { DirectoryTeam } from '../api/client.ts';
import type { AdminUser } from '../api/admin.ts';
import { adminApi } from '../api/admin.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { AddMemberForm } from './AddMemberForm.tsx';
import { TeamSettingsForm } from './TeamSettingsForm.tsx';

/** One team: its members (backup ones badged), remove buttons, and a form to add someone. */
export function TeamCard({ team, people, onChanged }: { team: DirectoryTeam; people: AdminUser[]; onChanged: () => void }) {
  const remove = async (member: DirectoryTeam['members'][number]) => {
    try {
      await adminApi.removeMember(team.id, member.id);
      showToast('success', `${member.name} left ${team.name}.`);
      onChanged();
    } catch (e) {
      showError(`Could not remove ${member.name} from ${team.name}`, e);
    }
  };
  return (
    <article className="admin-card team-card" data-team-id={team.id} aria-labelledby={`team-${team.id}`}>
      <h2 id={`team-${team.id}`}>
        {team.name} <code className="muted">{team.id}</code>
      </h2>
      {team.members.length === 0 ? (
        <p className="muted" data-testid="team-members-empty">No members yet — add the people who work this team’s cases below.</p>
      ) : (
        <ul className="member-list">
          {team.members.map((m) => (
            <li key={m.id} data-member-id={m.id}>
              <span className="member-name">{m.name}</span>
              <span className="muted">{m.email}</span>
              {m.backup && <span className="state-badge backup-badge" title="Works this team's cases only while its map is in crisis">backup</span>}
              <button type="button" className="link-button" onClick={() => remove(m)} aria-label={`Remove ${m.name} from ${team.name}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <TeamSettingsForm team={team} onChanged={onChanged} />
      <AddMemberForm team={team} people={people.filter((p) => !team.members.some((m) => m.id === p.id))} onAdded={onChanged} />
    </article>
  );
}
