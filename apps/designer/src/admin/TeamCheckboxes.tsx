import type { DirectoryTeam } from '../api/client.ts';

/** Teams as checkboxes: the teams a person works in, or backs up during a crisis. */
export function TeamCheckboxes({ idPrefix, legend, hint, teams, selected, disabledIds = [], onChange }: {
  idPrefix: string;
  legend: string;
  hint: string;
  teams: DirectoryTeam[];
  selected: string[];
  disabledIds?: string[];
  onChange: (ids: string[]) => void;
}) {
  const toggle = (id: string, on: boolean) => onChange(on ? [...selected, id] : selected.filter((t) => t !== id));
  return (
    <fieldset className="check-group">
      <legend>{legend}</legend>
      <p className="field-hint">{hint}</p>
      {teams.length === 0 && <p className="muted small">No teams yet — create one under Teams first.</p>}
      {teams.map((t) => (
        <label key={t.id} className="check-row" htmlFor={`${idPrefix}-${t.id}`}>
          <input id={`${idPrefix}-${t.id}`} type="checkbox" name={`${idPrefix}-${t.id}`} checked={selected.includes(t.id)}
            disabled={disabledIds.includes(t.id)} onChange={(e) => toggle(t.id, e.target.checked)} />
          <span>{t.name} <code className="muted">{t.id}</code></span>
        </label>
      ))}
    </fieldset>
  );
}
