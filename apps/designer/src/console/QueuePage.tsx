import { useCallback, useEffect, useMemo, useState } from 'react';
import type { User } from '../api/client.ts';
import { casesApi, type CaseSummary } from '../api/cases.ts';
import { navigate } from '../shell/route.ts';
import { showError, showToast } from '../shell/toasts.ts';
import { caseHash } from './consoleRoute.ts';
import { LiveIndicator } from './LiveIndicator.tsx';
import { NotifyToggle } from './NotifyToggle.tsx';
import { presenceNow, seedViewers } from './presence.ts';
import { QueueRow } from './QueueRow.tsx';
import type { Directory } from './useDirectory.ts';
import { useAtTheConsole } from './useAtTheConsole.ts';
import { useLiveRefresh } from './useLiveRefresh.ts';
import { useNodeLabels } from './useMapDocument.ts';
import { useNow } from './useNow.ts';

const seesAllTeams = (user: User) => user.roles.some((r) => r === 'admin' || r === 'manager' || r === 'approver');

/** The open cases of each team the user works for (admins and managers: every team, filterable), live. */
export function QueuePage({ user, directory }: { user: User; directory: Directory }) {
  const [cases, setCases] = useState<CaseSummary[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [team, setTeam] = useState('');
  const now = useNow();
  const all = seesAllTeams(user);

  const load = useCallback(() => {
    const startedAt = presenceNow();
    casesApi.list({ status: 'open' }).then(
      ({ cases }) => {
        seedViewers(cases, startedAt);
        setCases(cases);
        setFailed(false);
      },
      (e) => {
        setFailed(true);
        showError('Could not load the queue', e);
      },
    );
  }, []);
  useEffect(load, [load]);
  useLiveRefresh(load, (type) => type === 'case' || type === 'claim' || type === 'queue' || type === 'mention');
  const label = useNodeLabels(cases ?? []);
  const atTheConsole = useAtTheConsole();

  const teamIds = all ? directory.teams.map((t) => t.id) : user.teams;
  const groups = useMemo(() => {
    const byTeam = new Map<string, CaseSummary[]>();
    for (const c of cases ?? []) {
      const key = c.team ?? '';
      byTeam.set(key, [...(byTeam.get(key) ?? []), c]);
    }
    const order = [...new Set([...(all ? [] : user.teams), ...byTeam.keys()])];
    return order.filter((t) => !team || t === team).map((t) => ({ team: t, cases: byTeam.get(t) ?? [] }));
  }, [cases, all, user.teams, team]);
  const total = groups.reduce((n, g) => n + g.cases.length, 0);
  // Who may ask for the next case of a team (the runtime says 403 otherwise): its members, backups, admins and managers.
  const canTake = (t: string) => user.teams.includes(t) || user.backupTeams.includes(t) || user.roles.some((r) => r === 'admin' || r === 'manager');

  return (
    <main className="page console-page" aria-labelledby="console-title">
      <div className="page-head">
        <div>
          <h1 id="console-title">Team console</h1>
          <p className="muted">{all ? 'Every team’s open cases' : `Open cases for ${user.teams.map((t) => directory.teamName(t)).join(', ') || 'your teams'}`}, in queue order.</p>
          <AtTheConsole teams={team ? [team] : teamIds} atTheConsole={atTheConsole} directory={directory} />
        </div>
        <div className="actions console-tools">
          <NotifyToggle />
          {teamIds.length > 1 && (
            <label className="team-filter">
              Team{' '}
              <select value={team} onChange={(e) => setTeam(e.target.value)} data-testid="team-filter">
                <option value="">All teams</option>
                {teamIds.map((t) => <option key={t} value={t}>{directory.teamName(t)}</option>)}
              </select>
            </label>
          )}
          <LiveIndicator />
        </div>
      </div>
      {cases === null ? (
        failed ? <EmptyQueue text="The queue could not be loaded. Check the connection, then reload the page." /> : <p className="muted" aria-busy="true">Loading the queue…</p>
      ) : total === 0 ? (
        <EmptyQueue text="No cases waiting for your teams — new mentions will appear here as they arrive." />
      ) : (
        groups.filter((g) => g.cases.length || !all).map((g) => (
          <section key={g.team} className="queue" aria-labelledby={`queue-${g.team}`} data-team={g.team}>
            <div className="queue-head">
              <h2 id={`queue-${g.team}`} className="queue-title">
                {g.team ? directory.teamName(g.team) : 'Closing (no team)'} <span className="muted">· {g.cases.length} open</span>
              </h2>
              {g.team && canTake(g.team) && g.cases.some((c) => c.status === 'waiting' && !c.holder) && (
                <TakeNext team={g.team} teamName={directory.teamName(g.team)} />
              )}
            </div>
            {g.cases.length === 0 ? (
              <p className="muted queue-empty">Nothing in this queue right now.</p>
            ) : (
              <ul className="queue-rows" aria-label={`${directory.teamName(g.team)} queue`}>
                {g.cases.map((c) => (
                  <QueueRow
                    key={c.id}
                    c={c}
                    now={now}
                    me={user.id}
                    mapName={directory.mapName(c.mapId)}
                    nodeLabel={label(c.mapId, c.mapVersion, c.node) ?? c.node}
                    holderName={directory.personName(c.holder)}
                  />
                ))}
              </ul>
            )}
          </section>
        ))
      )}
    </main>
  );
}

/** How many of each team have the console open (so passes that hand work out may give them cases), names on hover. */
function AtTheConsole({ teams, atTheConsole, directory }: { teams: string[]; atTheConsole: Map<string, string[]>; directory: Directory }) {
  if (!teams.length) return null;
  return (
    <p className="muted small at-console" data-testid="at-console">
      At the console:{' '}
      {teams.map((t, i) => {
        const names = atTheConsole.get(t) ?? [];
        return (
          <span key={t} data-at-console={t} data-count={names.length} title={names.length ? names.join(', ') : 'Nobody in this team has the console open'}>
            {i > 0 && ' · '}{directory.teamName(t)}: {names.length}
          </span>
        );
      })}
    </p>
  );
}

/** "Take next": claims the most urgent waiting case of the team this person may work, and opens it. */
function TakeNext({ team, teamName }: { team: string; teamName: string }) {
  const [busy, setBusy] = useState(false);
  const take = async () => {
    setBusy(true);
    try {
      const { case: next } = await casesApi.takeNext(team);
      if (next) navigate(caseHash(next.id));
      else showToast('info', `Nothing is waiting in ${teamName} any more.`);
    } catch (e) {
      showError(`Could not take the next case of ${teamName}`, e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" className="primary small" data-take-next={team} disabled={busy} onClick={take}>
      Take next
    </button>
  );
}

function EmptyQueue({ text }: { text: string }) {
  return (
    <div className="empty-state" data-testid="console-empty">
      <p>{text}</p>
    </div>
  );
}
