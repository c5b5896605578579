import { memo, useState } from 'react';
import type { FormEvent } from 'react';
import type { RouteSummary, Team } from '@baton/engine';
import { rehearsalApi, type Replay } from '../api/rehearsal.ts';
import { showError } from '../shell/toasts.ts';
import './rehearsal.css';

/** A route in words: "Customer Care → Supervisors, ends at Resolved", or "unrouted (to triage)". */
function routeWords(r: RouteSummary, teamName: (id: string) => string, nodeLabel: (id: string) => string): string {
  if (!r.trigger) return 'unrouted (to triage)';
  const teams = r.teams.length ? r.teams.map(teamName).join(' → ') : 'no team';
  return `${teams}${r.end ? `, ends at “${nodeLabel(r.end)}”` : ', no end reached'}`;
}

/**
 * Replays the real mentions of the last days on a version and on the active one (`POST
 * /api/maps/:id/replay`): how many would route differently, each with its text, before → after,
 * and the cases each team would gain or lose.
 */
export const ReplayPanel = memo(function ReplayPanel({ mapId, version, versionLabel, teams, nodeLabel, note, titled = true }: {
  mapId: string;
  version: number | 'draft' | 'latest';
  /** "v3", "the saved draft". */
  versionLabel: string;
  teams: Team[];
  nodeLabel: (id: string) => string;
  /** A word of warning to show (unsaved edits are not replayed). */
  note?: string | null;
  /** False where a heading around it already says what it is (the heading stays for screen readers). */
  titled?: boolean;
}) {
  const [days, setDays] = useState(7);
  const [busy, setBusy] = useState(false);
  const [replay, setReplay] = useState<Replay | null>(null);
  const teamName = (id: string) => teams.find((t) => t.id === id)?.name ?? id;

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      setReplay(await rehearsalApi.replay(mapId, version, days));
    } catch (e) {
      showError('Could not replay the mentions', e);
    } finally {
      setBusy(false);
    }
  };

  const active = replay?.activeVersion ? `active v${replay.activeVersion}` : 'nothing active';
  const teamsMoved = replay ? Object.entries(replay.byTeam).filter(([, l]) => l.gain !== 0 || l.before || l.after) : [];
  return (
    <section className="replay" aria-labelledby="replay-title" data-testid="replay-panel" data-replay-state={busy ? 'running' : replay ? 'done' : 'idle'}>
      <h3 id="replay-title" className={titled ? 'field-label' : 'visually-hidden'}>Replay real mentions</h3>
      <p className="muted small">Runs the mentions that really came in on {versionLabel} and on the active version; nothing is sent and no case starts.</p>
      {note && <p className="field-hint small">{note}</p>}
      <form className="replay-form" onSubmit={run}>
        <label className="small">Last <input type="number" min={1} max={90} name="replay-days" value={days} onChange={(e) => setDays(Math.max(1, Math.min(90, e.target.valueAsNumber || 1)))} /> days</label>
        <button type="submit" className="small-button" data-testid="run-replay" disabled={busy}>{busy ? 'Replaying…' : 'Replay'}</button>
      </form>
      {replay && (
        <div className="replay-result" data-testid="replay-result" data-changed={replay.changedCount}>
          <p className="small">
            <strong>{replay.changedCount.toLocaleString('en')}</strong> of {replay.mentions.toLocaleString('en')} mentions would route differently on v{replay.version} than on {active}.
          </p>
          {teamsMoved.length > 0 && (
            <table className="replay-teams" data-testid="replay-teams">
              <caption className="visually-hidden">Cases per team</caption>
              <thead><tr><th scope="col">Team</th><th scope="col">{replay.activeVersion ? `v${replay.activeVersion}` : 'now'}</th><th scope="col">v{replay.version}</th><th scope="col">Change</th></tr></thead>
              <tbody>
                {teamsMoved.map(([team, l]) => (
                  <tr key={team} data-replay-team={team} data-gain={l.gain}>
                    <th scope="row">{teamName(team)}</th><td>{l.before.toLocaleString('en')}</td><td>{l.after.toLocaleString('en')}</td>
                    <td className={l.gain > 0 ? 'gain-up' : l.gain < 0 ? 'gain-down' : undefined}>{l.gain > 0 ? `+${l.gain}` : l.gain === 0 ? 'same' : l.gain} cases</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {replay.changed.length > 0 && (
            <ul className="replay-changes">
              {replay.changed.map((c) => (
                <li key={c.mention} className="replay-change" data-replay-mention={c.mention}>
                  <span className="replay-text">“{c.text}”</span>
                  <span className="muted">{c.author} · {c.network} · {new Date(c.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' })}</span>
                  <span className="replay-route" data-testid="replay-route"><br />{routeWords(c.before, teamName, nodeLabel)} <strong>→</strong> {routeWords(c.after, teamName, nodeLabel)}</span>
                </li>
              ))}
            </ul>
          )}
          {replay.changedCount > replay.changed.length && <p className="muted small">The first {replay.changed.length} are listed.</p>}
        </div>
      )}
    </section>
  );
});
