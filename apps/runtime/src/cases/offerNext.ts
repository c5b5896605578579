import { and, eq, inArray, isNull } from 'drizzle-orm';
import { QUEUE_ORDER } from './caseViews.ts';
import { cases, teamMembers, users, type CaseRow } from '../db/schema.ts';
import { CrisisBook } from '../crisis/CrisisBook.ts';
import type { Runtime } from '../Runtime.ts';
import { claimCase } from './claimCase.ts';
import { freeAndOnline, teamClosed } from './pickMember.ts';
import { write, type Work } from './write.ts';

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
    if (!free.has(c.team!)) free.set(c.team!, !teamClosed(w, c.team, at) && freeAndOnline(w, [member], c.team).length > 0);
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
