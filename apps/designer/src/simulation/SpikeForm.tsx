import { memo, useState } from 'react';
import type { FormEvent } from 'react';
import type { Team } from '@baton/engine';
import { buildSpikeScenario, spikeStart } from './spikeScenario.ts';
import type { SpikeStaff } from './spikeScenario.ts';
import type { ScenarioChoice } from './simulationStore.ts';

const DEFAULT_TEXT = 'Is anyone there? Nothing works and nobody answers.\nStill waiting for a reply, this is unacceptable.';

/**
 * The quick spike: how many mentions, over how long, what they say, and staff per team of the map;
 * "Use this spike" builds a `baton.scenario/v1` document and picks it.
 */
export const SpikeForm = memo(function SpikeForm({ teams, onPick }: { teams: Team[]; onPick: (choice: ScenarioChoice) => void }) {
  const [count, setCount] = useState(300);
  const [over, setOver] = useState('30 min');
  const [texts, setTexts] = useState(DEFAULT_TEXT);
  const [staff, setStaff] = useState<Record<string, SpikeStaff>>(() =>
    Object.fromEntries(teams.map((t) => [t.id, { members: 2, backup: 0, responseTime: '10 min' }])),
  );
  const [problems, setProblems] = useState<string[]>([]);
  const staffOf = (id: string): SpikeStaff => staff[id] ?? { members: 2, backup: 0, responseTime: '10 min' };
  const setTeam = (id: string, patch: Partial<SpikeStaff>) => setStaff((s) => ({ ...s, [id]: { ...staffOf(id), ...patch } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const built = buildSpikeScenario({
      count, over, texts, start: spikeStart(),
      staff: Object.fromEntries(teams.map((t) => [t.id, staffOf(t.id)])),
    });
    if (!built.ok) {
      setProblems(built.problems);
      return;
    }
    setProblems([]);
    onPick({ key: 'spike', label: built.scenario.name, source: 'spike', document: built.scenario });
  };

  return (
    <form className="spike-form" onSubmit={submit} data-testid="spike-form">
      <div className="spike-row">
        <label className="field">
          <span className="field-label">Mentions</span>
          <input type="number" name="spike-count" min={1} max={100000} value={count} onChange={(e) => setCount(e.target.valueAsNumber)} />
        </label>
        <label className="field">
          <span className="field-label">Over</span>
          <input type="text" name="spike-over" value={over} onChange={(e) => setOver(e.target.value)} />
        </label>
      </div>
      <label className="field">
        <span className="field-label">What they say</span>
        <textarea name="spike-texts" rows={3} value={texts} onChange={(e) => setTexts(e.target.value)} />
        <span className="field-hint">One text per line; each mention says one of them. Use words your triggers listen for.</span>
      </label>
      <table className="spike-staff">
        <caption className="field-label">Staff on shift</caption>
        <thead>
          <tr><th scope="col">Team</th><th scope="col">People</th><th scope="col">Backup</th><th scope="col">Takes</th></tr>
        </thead>
        <tbody>
          {teams.map((t) => {
            const s = staffOf(t.id);
            return (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                <td><input type="number" min={0} aria-label={`${t.name}: people`} value={s.members} onChange={(e) => setTeam(t.id, { members: e.target.valueAsNumber })} /></td>
                <td><input type="number" min={0} aria-label={`${t.name}: backup`} value={s.backup} onChange={(e) => setTeam(t.id, { backup: e.target.valueAsNumber })} /></td>
                <td><input type="text" aria-label={`${t.name}: time per case`} value={s.responseTime} onChange={(e) => setTeam(t.id, { responseTime: e.target.value })} /></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {problems.length > 0 && (
        <ul className="scenario-problems" role="alert">{problems.map((p) => <li key={p}>{p}</li>)}</ul>
      )}
      <button type="submit">Use this spike</button>
    </form>
  );
});
