import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, type CaseRow } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { seesAllTeams, supervises } from '../auth/guards.ts';
import type { SessionUser } from '../http/AppEnv.ts';

/**
 * Whether a user may see a case: admins, managers and approvers see all; an agent sees the cases
 * in their teams' queues and hands (backup teams included) and any case they hold or last held.
 */
export function canSee(user: SessionUser, row: CaseRow): boolean {
  if (seesAllTeams(user)) return true;
  if (row.team && (user.teams.includes(row.team) || user.backupTeams.includes(row.team))) return true;
  const lastHolder = row.view.lastHolder;
  return row.holder === user.id || lastHolder === user.id;
}

/**
 * Loads a case the user may see. Another team's case answers exactly as a missing one does — 404
 * `Case not found` — so an agent cannot learn that it exists (an agent sees and works its own
 * teams' cases only).
 */
export function visibleCase(db: Db, user: SessionUser, id: string): CaseRow {
  const row = db.select().from(cases).where(eq(cases.id, id)).get();
  if (!row || !canSee(user, row)) throw notFound('Case');
  return row;
}

/**
 * Whether a user may work (claim, tick, report) a case in `team`'s hands: regular members may;
 * backup members only while the map is in crisis, or to finish a case they already hold; admins and
 * managers may step in anywhere. `backup` says the work is done as a backup.
 */
export function mayWork(user: SessionUser, row: CaseRow, crisis: boolean): { ok: boolean; backup: boolean } {
  const team = row.team;
  if (team && user.teams.includes(team)) return { ok: true, backup: false };
  if (supervises(user)) return { ok: true, backup: false };
  if (team && user.backupTeams.includes(team)) {
    if (crisis) return { ok: true, backup: true };
    if (row.holder === user.id) return { ok: true, backup: true };
  }
  return { ok: false, backup: false };
}
