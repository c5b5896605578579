import { useState, type FormEvent } from 'react';
import { adminApi } from '../api/admin.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { suggestTeamId, teamIdProblem } from './teamId.ts';

/** Creates a team from a name and an id (suggested from the name, checked like every id: docs/maps.md). */
export function NewTeamForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const problem = teamIdProblem(id);
  const showProblem = idTouched && id !== '' && problem !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (problem || !name.trim()) return;
    setBusy(true);
    try {
      await adminApi.createTeam(id, name.trim());
      showToast('success', `Team ${name.trim()} (${id}) created.`);
      setName('');
      setId('');
      setIdTouched(false);
      onCreated();
    } catch (err) {
      showError('Could not create the team', err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="admin-card admin-form" onSubmit={submit} aria-labelledby="new-team-title">
      <h2 id="new-team-title">New team</h2>
      <div className="form-row">
        <div className="field">
          <label htmlFor="team-name">Name</label>
          <input id="team-name" name="team-name" type="text" value={name} maxLength={200} required placeholder="Customer Care"
            onChange={(e) => {
              setName(e.target.value);
              if (!idTouched) setId(suggestTeamId(e.target.value));
            }} />
        </div>
        <div className="field">
          <label htmlFor="team-id">Id</label>
          <input id="team-id" name="team-id" type="text" value={id} maxLength={128} required placeholder="care"
            aria-invalid={showProblem} aria-describedby="team-id-hint"
            onChange={(e) => {
              setId(e.target.value);
              setIdTouched(true);
            }} />
          <p id="team-id-hint" className={showProblem ? 'field-hint field-error' : 'field-hint'}>
            {showProblem ? problem : 'Maps name the team by this id; letters, digits and _ . : -'}
          </p>
        </div>
        <button type="submit" className="primary" disabled={busy || problem !== null || !name.trim()}>Create team</button>
      </div>
    </form>
  );
}
