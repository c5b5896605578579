import { eq, sql } from 'drizzle-orm';
import { prepared } from '../db/prepared.ts';
import type { Db } from '../db/client.ts';
import { teamMembers, users, type UserRow } from '../db/schema.ts';
import type { SessionUser } from '../http/AppEnv.ts';

/** A user row with their team memberships, as the API shows a user (never the password hash). `db` may be a transaction. */
export function toSessionUser(db: Pick<Db, 'select'>, row: UserRow): SessionUser {
  const memberships = prepared(db, 'teamMembers.byUser', () =>
    db.select().from(teamMembers).where(eq(teamMembers.userId, sql.placeholder('userId'))).prepare(),
  ).all({ userId: row.id });
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles,
    teams: memberships.filter((m) => !m.backup).map((m) => m.teamId).sort(),
    backupTeams: memberships.filter((m) => m.backup).map((m) => m.teamId).sort(),
  };
}

/** Loads a user by id, or undefined (also for a disabled account). */
export function loadSessionUser(db: Db, userId: string): SessionUser | undefined {
  const row = prepared(db, 'users.byId', () => db.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare()).get({ id: userId });
  return row && !row.disabledAt ? toSessionUser(db, row) : undefined;
}
