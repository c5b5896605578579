import { percentiles, type Percentiles } from '@baton/engine';
import { and, asc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import { caseEvents, cases, claims, teamMembers, users } from '../db/schema.ts';
import type { Runtime } from '../Runtime.ts';
import { caseFilter } from './caseFilter.ts';
import type { ReportScope } from './reportScope.ts';

/** One person's line: what they handled, how fast they picked cases up, deadlines missed in their hands. */
export interface AgentLine {
  user: string;
  name: string;
  email: string;
  /** Cases they reported an outcome on in the period. */
  handled: number;
  /** Cases they were first to pick up in the period. */
  pickups: number;
  /** Case opened → their first claim, for those pick-ups (nearest rank, seconds). */
  pickupSec: Percentiles;
  /** Deadlines missed in the period while they held the case. */
  breaches: number;
}

/**
 * Per-person figures for a scope: everyone who reported an outcome, picked a case up first or held
 * one that missed its deadline in the period (and, with a team, that team's members, even idle).
 */
export function agentsReport(rt: Runtime, scope: ReportScope): AgentLine[] {
  const { db } = rt;
  const { from, to } = scope;
  const inCases = caseFilter(scope);
  const handled = db.select({ user: caseEvents.actor, n: sql<number>`count(distinct ${caseEvents.caseId})` }).from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(eq(caseEvents.type, 'outcome'), isNotNull(caseEvents.actor), gte(caseEvents.at, from), lte(caseEvents.at, to), inCases))
    .groupBy(caseEvents.actor).all();
  const pickups = db.select({ user: claims.member, openedAt: cases.openedAt, at: claims.claimedAt }).from(claims)
    .innerJoin(cases, and(eq(cases.id, claims.caseId), eq(cases.firstClaimAt, claims.claimedAt)))
    .where(and(gte(claims.claimedAt, from), lte(claims.claimedAt, to), inCases)).all();
  // A breach belongs to whoever held the case at that instant (an outcome reported late ends the claim then).
  const breaches = db.select({ user: claims.member, n: sql<number>`count(*)` }).from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .innerJoin(claims, and(eq(claims.caseId, caseEvents.caseId), lte(claims.claimedAt, caseEvents.at),
      sql`(${claims.endedAt} is null or ${claims.endedAt} >= ${caseEvents.at})`))
    .where(and(eq(caseEvents.type, 'breach'), gte(caseEvents.at, from), lte(caseEvents.at, to), inCases))
    .groupBy(claims.member).all();

  const ids = new Set<string>([...handled.map((r) => r.user!), ...pickups.map((r) => r.user), ...breaches.map((r) => r.user)]);
  if (scope.team) for (const m of db.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, scope.team)).all()) ids.add(m.id);
  if (!ids.size) return [];
  const people = db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, [...ids])).orderBy(asc(users.name)).all();
  return people.map((p) => {
    const mine = pickups.filter((r) => r.user === p.id).map((r) => Math.round((r.at - r.openedAt) / 1000));
    return {
      user: p.id, name: p.name, email: p.email,
      handled: handled.find((r) => r.user === p.id)?.n ?? 0,
      pickups: mine.length,
      pickupSec: percentiles(mine),
      breaches: breaches.find((r) => r.user === p.id)?.n ?? 0,
    };
  });
}
