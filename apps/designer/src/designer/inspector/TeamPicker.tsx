import type { Team } from '@baton/engine';
import { useMapStore, useMapStoreApi } from '../useMapStore.ts';
import { useDirectory } from './directory.ts';
import { Field } from './fields.tsx';

/**
 * Picks a team from the runtime's directory (and the map's own list). Picking a directory team
 * the map does not list yet adds it to the map's teams.
 */
export function TeamPicker({ label, value, onChange, name }: { label: string; value: string; onChange: (teamId: string) => void; name?: string }) {
  const store = useMapStoreApi();
  const mapTeams = useMapStore((s) => s.settings.teams);
  const directory = useDirectory();
  const options = new Map<string, { team: Team; inDirectory: boolean; inMap: boolean }>();
  for (const t of mapTeams) options.set(t.id, { team: t, inDirectory: false, inMap: true });
  for (const t of directory) options.set(t.id, { team: { id: t.id, name: t.name }, inDirectory: true, inMap: options.has(t.id) });
  const known = options.get(value);
  const pick = (id: string) => {
    const option = options.get(id);
    if (option && !option.inMap) store.updateSettings({ teams: [...store.getState().settings.teams, option.team] });
    onChange(id);
  };
  return (
    <Field
      label={label}
      hint={
        !known ? <span className="field-error">“{value}” is not a team of this map or the directory.</span>
          : directory.length > 0 && !known.inDirectory ? <span className="field-warning">Not in the runtime’s directory: submitting will be refused until an admin adds it.</span>
          : undefined
      }
    >
      {(id) => (
        <select id={id} name={name} value={value} onChange={(e) => pick(e.target.value)}>
          {!known && <option value={value}>{value} (unknown)</option>}
          {[...options.values()].map(({ team }) => (
            <option key={team.id} value={team.id}>{team.name} ({team.id})</option>
          ))}
        </select>
      )}
    </Field>
  );
}
