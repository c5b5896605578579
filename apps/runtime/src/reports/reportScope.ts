import { seesAllTeams } from '../auth/guards.ts';
import { ApiError, forbidden } from '../errors.ts';
import type { SessionUser } from '../http/AppEnv.ts';

/** What one report covers: a time range (epoch ms, both ends included) and optional map and team. */
export interface ReportScope {
  from: number;
  to: number;
  map?: string | undefined;
  team?: string | undefined;
}

/** The period a report covers when the caller names none. */
export const DEFAULT_PERIOD_MS = 7 * 24 * 3_600_000;

/**
 * The scope of a report request, or 400/403. Admins, managers and approvers read every team's
 * numbers; an agent reads only a team they work in (or back up), so they must name it with `team`.
 */
export function reportScope(user: SessionUser, now: number, q: { from?: number | undefined; to?: number | undefined; map?: string | undefined; team?: string | undefined }): ReportScope {
  const to = q.to ?? now;
  const from = q.from ?? to - DEFAULT_PERIOD_MS;
  if (from > to) throw new ApiError(400, 'INVALID', '`from` is after `to`');
  if (!seesAllTeams(user)) {
    if (!q.team) throw forbidden('Agents read reports of their own team: name it with `team`');
    if (!user.teams.includes(q.team) && !user.backupTeams.includes(q.team)) throw forbidden(`Only members of ${q.team} may read its reports`);
  }
  return { from, to, map: q.map, team: q.team };
}
