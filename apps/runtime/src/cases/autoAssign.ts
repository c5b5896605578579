import { and, asc, count, eq, gte, inArray, isNull, ne } from 'drizzle-orm';
import { QUEUE_ORDER } from './caseViews.ts';
import { cases, claims, teamMembers, teams, users, type CaseRow } from '../db/schema.ts';
import { CrisisBook } from '../crisis/CrisisBook.ts';
import type { Runtime } from '../Runtime.ts';
import { isOpen } from '@baton/engine';
import { claimCase } from './claimCase.ts';
import { teamHours } from '../teams/teamHours.ts';
import { heldCounts, maxPerMember } from '../teams/capacity.ts';
import { write, type Work } from './write.ts';

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
 * the team caps cases per member (`maxPerMember`), with fewer than that.
 */
function freeAndOnline(w: Work, candidates: string[], team: string | null): string[] {
  const online = candidates.filter((m) => w.rt.online.has(m));
  if (!online.length) return [];
  const room = maxPerMember(w, team) ?? 1;
  const held = heldCounts(w, online);
  return online.filter((m) => (held.get(m) ?? 0) < room);
}

/**
 * Applies the pass's strategy to a case that just entered a queue: `round-robin` hands it to the
 * next free member after the last one, `least-loaded` to the free member who took fewest cases
 * today — both only among members who have Baton open (`rt.online`), never to someone away —
 * and `member` to the named member (by user id or e-mail), who is named on purpose. `queue` (the
 * default) leaves it for members to claim. Nobody free and online: it waits in the queue, where
 * anyone in the team may claim it, served by priority, then age.
 */
export function autoAssign(w: Work, book: CrisisBook, row: CaseRow, at: number): CaseRow {
  if (row.status !== 'waiting' || row.nodeType !== 'pass' || !row.team || row.holder) return row;
  const compiled = w.rt.maps.get(row.mapId, row.mapVersion);
  const node = compiled.node(row.node);
  if (node?.type !== 'pass') return row;
  const strategy = node.to.strategy ?? 'queue';
  if (strategy === 'queue') return row;
  // A team with hours is handed work only while open; otherwise the case waits (anyone may still claim it).
  if (closed(w, row.team, at)) return row;
  const crisis = book.on(row.mapId, compiled);
  const { db } = w.rt;
  const everyone = eligibleMembers(w, row.team, crisis);
  const members = freeAndOnline(w, everyone, row.team);
  let member: string | undefined;
  if (strategy === 'member') {
    const named = node.to.member ?? '';
    member = db.select({ id: users.id }).from(users).where(inArray(users.id, [named])).get()?.id
      ?? db.select({ id: users.id }).from(users).where(eq(users.email, named.toLowerCase())).get()?.id;
    // Named on purpose, so busy or away does not matter; a full hand under the team's cap does.
    const max = maxPerMember(w, row.team);
    if (member && max !== null && (heldCounts(w, [member]).get(member) ?? 0) >= max) member = undefined;
  } else if (strategy === 'round-robin' && members.length) {
    const last = db.select({ last: teams.roundRobinLast }).from(teams).where(eq(teams.id, row.team)).get()?.last;
    member = members.find((m) => last == null || m > last) ?? members[0];
    db.update(teams).set({ roundRobinLast: member }).where(eq(teams.id, row.team)).run();
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
  if (!member) return row;
  const backup = everyone.includes(member) && !eligibleMembers(w, row.team, false).includes(member);
  return claimCase(w, book, row, member, { actor: null, leaseMs: w.rt.config.leaseMs, backup, strategy });
}

/** Whether `team` has hours and is closed at `at` (docs/semantics.md#business-hours). */
function closed(w: Work, team: string | null, at: number): boolean {
  const hours = team ? teamHours(w.rt.db)[team] : undefined;
  return hours !== undefined && !isOpen(at, hours);
}

/** Strategies that hand cases out rather than leave them to be claimed. */
const PUSHED = new Set(['round-robin', 'least-loaded']);

/**
 * A member who has just become free — reported an outcome, lost a case to its deadline, or opened
 * Baton — takes the most urgent case waiting at a pass that hands cases out (round-robin,
 * least-loaded) in their teams at once, as the simulator's staff do; backups only while that map
 * is in crisis. Nothing happens for someone offline, busy, or with no such case waiting.
 */
export function offerNext(w: Work, book: CrisisBook, member: string, at: number): CaseRow | null {
  const { db } = w.rt;
  if (!w.rt.online.has(member)) return null;
  const memberships = db.select({ team: teamMembers.teamId, backup: teamMembers.backup }).from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(eq(teamMembers.userId, member), isNull(users.disabledAt))).all();
  if (!memberships.length) return null;
  const backupIn = new Map(memberships.map((m) => [m.team, m.backup]));
  // Only what the choice needs: a queue in a spike holds thousands of cases.
  const waiting = db.select({ id: cases.id, mapId: cases.mapId, mapVersion: cases.mapVersion, node: cases.node, team: cases.team }).from(cases)
    .where(and(inArray(cases.team, [...backupIn.keys()]), eq(cases.status, 'waiting'), isNull(cases.holder)))
    .orderBy(...QUEUE_ORDER).all();
  const free = new Map<string, boolean>();
  for (const c of waiting) {
    if (!free.has(c.team!)) free.set(c.team!, !closed(w, c.team, at) && freeAndOnline(w, [member], c.team).length > 0);
    if (!free.get(c.team!)) continue;
    const compiled = w.rt.maps.get(c.mapId, c.mapVersion);
    const node = compiled.node(c.node);
    if (node?.type !== 'pass' || !PUSHED.has(node.to.strategy ?? 'queue')) continue;
    const backup = backupIn.get(c.team!) === true;
    if (backup) {
      book.advance(c.mapId, compiled, at);
      if (!book.on(c.mapId, compiled)) continue;
    }
    const row = db.select().from(cases).where(eq(cases.id, c.id)).get()!;
    return claimCase(w, book, row, member, { actor: null, leaseMs: w.rt.config.leaseMs, backup, strategy: node.to.strategy! });
  }
  return null;
}

/** Someone just opened Baton: if they are free, the waiting work their strategies hand out comes to them. */
export function offerOnArrival(rt: Runtime, member: string): void {
  write(rt, (w) => {
    const book = new CrisisBook(w);
    offerNext(w, book, member, w.now);
    book.save();
  });
}
