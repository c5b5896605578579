import { useState } from 'react';
import { WEEK_DAYS } from '@baton/engine';
import type { DirectoryTeam } from '../api/client.ts';
import { adminApi } from '../api/admin.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { hoursFields, readHours, type HoursFields } from './teamHoursForm.ts';

const DAY_NAMES: Record<string, string> = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' };
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** A team's business hours (for passes that count deadlines in open hours) and its cap on cases per member. */
export function TeamSettingsForm({ team, onChanged }: { team: DirectoryTeam; onChanged: () => void }) {
  const [useHours, setUseHours] = useState(team.hours !== null);
  const [fields, setFields] = useState<HoursFields>(() => hoursFields(team.hours, browserZone()));
  const [cap, setCap] = useState(team.maxPerMember === null ? '' : String(team.maxPerMember));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const save = async () => {
    const read = useHours ? readHours(fields) : { hours: null };
    if ('error' in read) return setError(read.error);
    const max = cap.trim() === '' ? null : Number(cap);
    if (max !== null && (!Number.isInteger(max) || max < 1 || max > 1000)) return setError('Cases at once: a whole number from 1 to 1000, or empty for no cap');
    setError(null);
    setBusy(true);
    try {
      await adminApi.updateTeam(team.id, { hours: read.hours, maxPerMember: max });
      showToast('success', `${team.name}: hours and cap saved.`);
      onChanged();
    } catch (e) {
      showError(`Could not save ${team.name}'s settings`, e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="team-settings" data-testid="team-settings">
      <summary>
        Hours and capacity <span className="muted small">
          · {team.hours ? `open hours in ${team.hours.timeZone}` : 'always open'} · {team.maxPerMember ? `at most ${team.maxPerMember} case${team.maxPerMember === 1 ? '' : 's'} each` : 'no cap'}
        </span>
      </summary>
      <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
        <label className="check"><input type="checkbox" checked={useHours} onChange={(e) => setUseHours(e.target.checked)} data-testid="team-has-hours" /> This team keeps business hours</label>
        {useHours && (
          <fieldset className="hours-grid">
            <legend className="muted small">Passes marked “count in business hours” pause their deadline outside these hours.</legend>
            <label>Time zone <input value={fields.timeZone} onChange={(e) => setFields({ ...fields, timeZone: e.target.value })} data-testid="team-time-zone" placeholder="Europe/London" /></label>
            {WEEK_DAYS.map((d) => (
              <label key={d}>{DAY_NAMES[d]} <input value={fields.days[d]} placeholder="closed" data-day={d}
                onChange={(e) => setFields({ ...fields, days: { ...fields.days, [d]: e.target.value } })} /></label>
            ))}
            <label className="wide">Days off (YYYY-MM-DD) <input value={fields.holidays} onChange={(e) => setFields({ ...fields, holidays: e.target.value })} placeholder="2026-12-25, 2026-12-26" data-testid="team-holidays" /></label>
          </fieldset>
        )}
        <label>Cases one person may hold at once <input type="number" min={1} max={1000} value={cap} onChange={(e) => setCap(e.target.value)} placeholder="no cap" data-testid="team-max-per-member" /></label>
        {error && <p className="form-error" role="alert">{error}</p>}
        <button type="submit" className="primary" disabled={busy} data-testid="team-settings-save">Save</button>
      </form>
    </details>
  );
}
