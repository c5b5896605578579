import { isOpen, type CaseView, type CompiledMap } from '@baton/engine';
import { and, asc, count, eq, gte, inArray, isNull, ne } from 'drizzle-orm';
import { cases, claims, teamMembers, teams, users } from '../db/schema.ts';
import type { CrisisBook } from '../crisis/CrisisBook.ts';
import { heldCounts, maxPerMember } from '../teams/capacity.ts';
import { teamHours } from '../teams/teamHours.ts';
import type { Work } from './write.ts';

/** Members who may take new work from a team's queue: regulars, plus backups during a crisis. */
export function eligibleMembers(w: Work, team: string, crisis: boolean): string[] {
  const rows = w.rt.db
    .select({ id: teamMembers.userId, backup: teamMembers.backup })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.teamId, team), isNull(users.disabledAt)))
    .orderBy(asc(teamMembers.userId))
    .all();
  return rows.filter((r) => crisis || !r.backup).map((r) => r.id);
}

/**
 * Of `candidates`, those a strategy may hand a case of `team` to: online (offline ones are left
 * out before any lookup) and, like the simulator's staff, with no open case in hand — or, where
 * the team caps cases per member (`maxPerMember`), with fewer than that. `moving`, the case being
 * handed out, does not count: whoever held it has just let it go.
 */
export function freeAndOnline(w: Work, candidates: string[], team: string | null, moving?: string): string[] {
  const online = candidates.filter((m) => w.rt.online.has(m));
  if (!online.length) return [];
  const room = maxPerMember(w, team) ?? 1;
  const held = heldCounts(w, online, moving);
  return online.filter((m) => (held.get(m) ?? 0) < room);
}

/** Whether `team` has hours and is closed at `at` (docs/semantics.md#business-hours). */
export function teamClosed(w: Work, team: string | null, at: number): boolean {
  const hours = team ? teamHours(w.rt.db)[team] : undefined;
  return hours !== undefined && !isOpen(at, hours);
}

/** Who a pass's strategy hands a case to, and how. */
export interface Pick {
  member: string;
  /** The member is a backup of the team (only in a crisis). */
  backup: boolean;
  strategy: string;
}

/**
 * Whom the pass's strategy hands a case to that has just come to wait in its queue (`view`, as
 * the engine left it): `round-robin` the next free member after the last one, `least-loaded` the
 * free member who took fewest cases today — both only among members who have Baton open
 * (`rt.online`), never someone away — and `member` the named member (by user id or e-mail), who
 * is named on purpose. `queue` (the default) leaves it for members to claim: null, as when nobody
 * is free and online; the case then waits in the queue, served by priority, then age. Only
 * chooses (round-robin remembers its turn); `moveCase` gives the case in the same write.
 */
export function pickMember(w: Work, book: CrisisBook, caseId: string, mapId: string, compiled: CompiledMap, view: CaseView, at: number): Pick | null {
  if (view.status !== 'waiting' || view.nodeType !== 'pass' || !view.team || view.holder) return null;
  const node = compiled.node(view.node);
  if (node?.type !== 'pass') return null;
  const strategy = node.to.strategy ?? 'queue';
  if (strategy === 'queue') return null;
  const team = view.team;
  // A team with hours is handed work only while open; otherwise the case waits (anyone may still claim it).
  if (teamClosed(w, team, at)) return null;
  const crisis = book.on(mapId, compiled);
  const { db } = w.rt;
  const everyone = eligibleMembers(w, team, crisis);
  const members = freeAndOnline(w, everyone, team, caseId);
  let member: string | undefined;
  if (strategy === 'member') {
    const named = node.to.member ?? '';
    member = db.select({ id: users.id }).from(users).where(inArray(users.id, [named])).get()?.id
      ?? db.select({ id: users.id }).from(users).where(eq(users.email, named.toLowerCase())).get()?.id;
    // Named on purpose, so busy or away does not matter; a full hand under the team's cap does.
    const max = maxPerMember(w, team);
    if (member && max !== null && (heldCounts(w, [member], caseId).get(member) ?? 0) >= max) member = undefined;
  } else if (strategy === 'round-robin' && members.length) {
    const last = db.select({ last: teams.roundRobinLast }).from(teams).where(eq(teams.id, team)).get()?.last;
    member = members.find((m) => last == null || m > last) ?? members[0];
    db.update(teams).set({ roundRobinLast: member }).where(eq(teams.id, team)).run();
  } else if (strategy === 'least-loaded' && members.length) {
    // Among the free, the one who handled fewest cases today (claims since midnight UTC).
    const dayStart = at - (at % 86_400_000);
    const load = new Map(
      db.select({ member: claims.member, n: count() }).from(claims)
        .where(and(inArray(claims.member, members), gte(claims.claimedAt, dayStart)))
        .groupBy(claims.member).all().map((r) => [r.member, r.n]),
    );
    member = [...members].sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0) || (a < b ? -1 : 1))[0];
  }
  if (!member) return null;
  const backup = everyone.includes(member) && !eligibleMembers(w, team, false).includes(member);
  return { member, backup, strategy };
}
