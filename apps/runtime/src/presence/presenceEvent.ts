import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { cases, teamMembers } from '../db/schema.ts';
import type { LiveEvent } from '../events/EventBus.ts';
import type { Viewer } from './Presence.ts';

/**
 * The `presence` live event for a case whose viewers changed, scoped like the case's other events:
 * to the team whose hands it is in now (and to those who see every team). A case in no team's
 * hands (closing) is announced to those who see every team only.
 */
export function presenceEvent(db: Db, caseId: string, viewers: Viewer[]): LiveEvent {
  const team = db.select({ team: cases.team }).from(cases).where(eq(cases.id, caseId)).get()?.team ?? null;
  return { type: 'presence', data: { caseId, viewers }, teams: team ? [team] : [] };
}

/**
 * The `online` live event: someone opened the console (or closed its last tab). Told to their
 * teams (backup teams included), whose consoles show who is at work, and to those who see every team.
 */
export function onlineEvent(db: Db, userId: string, online: boolean): LiveEvent {
  const teams = db.select({ team: teamMembers.teamId }).from(teamMembers).where(eq(teamMembers.userId, userId)).all().map((r) => r.team);
  return { type: 'online', data: { user: userId, online }, teams };
}
