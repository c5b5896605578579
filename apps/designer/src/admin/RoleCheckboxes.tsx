import type { Role } from '../api/client.ts';
import { ROLE_INFO } from './roles.ts';

/** The four roles as checkboxes, each with one line on what it allows. */
export function RoleCheckboxes({ idPrefix, roles, onChange }: { idPrefix: string; roles: Role[]; onChange: (roles: Role[]) => void }) {
  const toggle = (role: Role, on: boolean) => onChange(on ? [...roles, role] : roles.filter((r) => r !== role));
  return (
    <fieldset className="check-group">
      <legend>Roles</legend>
      {ROLE_INFO.map(({ role, label, explains }) => (
        <label key={role} className="check-row" htmlFor={`${idPrefix}-role-${role}`}>
          <input id={`${idPrefix}-role-${role}`} type="checkbox" name={`role-${role}`} checked={roles.includes(role)} onChange={(e) => toggle(role, e.target.checked)} />
          <span><strong>{label}</strong> <span className="muted">— {explains}</span></span>
        </label>
      ))}
      {roles.length === 0 && <p className="field-hint field-error">Pick at least one role.</p>}
    </fieldset>
  );
}
