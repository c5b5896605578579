import { seesAllTeams } from '../auth/guards.ts';
import { maysTriage } from '../cases/triage.ts';
import type { SessionUser } from '../http/AppEnv.ts';
import type { Runtime } from '../Runtime.ts';
import type { LiveEvent } from './EventBus.ts';

/** Events about one case: told to those who may see the case. */
const CASE_EVENTS = new Set<LiveEvent['type']>(['case', 'claim', 'queue', 'presence']);

/**
 * Whether a live event may go to `user`, by the same rules as the routes that show its subject:
 * - `mention` events (the triage inbox) to those who work triage: admins, managers and agents of
 *   the hub team of an approved map;
 * - case, claim, queue and presence events to those who may see the case: admins, managers and
 *   approvers, members and backups of the teams named on the event, and its holder;
 * - events addressed to `users` (notifications) to those users only;
 * - other events scoped by `teams` to those teams (and to those who see every team);
 * - crisis and map events, which name no team, to everyone signed in.
 */
export function mayReceive(rt: Runtime, user: SessionUser, e: LiveEvent): boolean {
  if (e.users && !e.users.includes(user.id)) return false;
  if (e.type === 'mention') return maysTriage(rt, user);
  if (seesAllTeams(user)) return true;
  const inTeams = (e.teams ?? []).some((t) => user.teams.includes(t) || user.backupTeams.includes(t));
  if (CASE_EVENTS.has(e.type)) return inTeams || ('holder' in e.data && e.data.holder === user.id);
  return !e.teams || inTeams;
}
