import { and, count, eq, inArray, ne } from 'drizzle-orm';
import { cases, teams } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import type { Work } from '../cases/write.ts';

/** The team's cap on cases one member holds at once, or null (no cap). */
export function maxPerMember(w: Work, team: string | null): number | null {
  if (!team) return null;
  return w.rt.db.select({ max: teams.maxPerMember }).from(teams).where(eq(teams.id, team)).get()?.max ?? null;
}

/** How many open cases each of `members` holds now (any team); `except`, a case being handed on, does not count. */
export function heldCounts(w: Work, members: string[], except?: string): Map<string, number> {
  if (!members.length) return new Map();
  const rows = w.rt.db.select({ holder: cases.holder, n: count() }).from(cases)
    .where(and(inArray(cases.holder, members), ne(cases.status, 'ended'), except ? ne(cases.id, except) : undefined)).groupBy(cases.holder).all();
  return new Map(rows.map((r) => [r.holder!, r.n]));
}

/**
 * Refuses a claim that would give `member` more cases at once than the case's team allows:
 * 409 `AT_CAPACITY`, saying how many they hold and what the cap is.
 */
export function checkCapacity(w: Work, team: string | null, member: string): void {
  const max = maxPerMember(w, team);
  if (max === null) return;
  const held = heldCounts(w, [member]).get(member) ?? 0;
  if (held < max) return;
  throw new ApiError(409, 'AT_CAPACITY',
    `You already hold ${held} case${held === 1 ? '' : 's'}; team ${team} lets one person hold at most ${max} at once. Finish or release one first.`,
    { held, maxPerMember: max, team });
}
