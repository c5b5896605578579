import { eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { idSchema } from '@baton/engine';
import type { Db } from '../db/client.ts';
import { teamMembers, teams, users } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { ROLES, type SessionUser } from '../http/AppEnv.ts';
import { hashPassword } from './password.ts';
import { randomId } from './secrets.ts';
import { toSessionUser } from './sessionUser.ts';

/** Passwords: at least 8 characters (no upper bound worth guessing; 256 keeps scrypt input sane). */
export const passwordSchema = z.string().min(8, 'must be at least 8 characters').max(256);

/** What it takes to create a user (POST /api/users). */
export const newUserSchema = z.object({
  email: z.email().max(254),
  name: z.string().min(1).max(200),
  password: passwordSchema,
  roles: z.array(z.enum(ROLES)).min(1).max(4),
  teams: z.array(idSchema).max(200).default([]),
  backupTeams: z.array(idSchema).max(200).optional(),
});
export type NewUser = z.input<typeof newUserSchema>;

/** Normalises an e-mail for lookup: trimmed, lower case. */
export function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Creates a user with a scrypt password hash and their team memberships.
 * 409 when the e-mail is taken, 422 when a team does not exist.
 */
export async function createUser(db: Db, input: NewUser, now: number): Promise<SessionUser> {
  const data = newUserSchema.parse(input);
  const passwordHash = await hashPassword(data.password);
  const email = normalEmail(data.email);
  return db.transaction((tx) => {
    if (tx.select({ id: users.id }).from(users).where(eq(users.email, email)).get()) {
      throw new ApiError(409, 'EMAIL_TAKEN', `A user with e-mail ${email} already exists`);
    }
    const wanted = [...new Set([...data.teams, ...(data.backupTeams ?? [])])];
    const known = wanted.length ? tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, wanted)).all().map((t) => t.id) : [];
    const missing = wanted.filter((t) => !known.includes(t));
    if (missing.length) throw new ApiError(422, 'UNKNOWN_TEAM', `No such team: ${missing.join(', ')}`, { teams: missing });
    const id = randomId('u');
    tx.insert(users).values({ id, email, name: data.name, passwordHash, roles: [...new Set(data.roles)], createdAt: now }).run();
    for (const teamId of new Set(data.teams)) tx.insert(teamMembers).values({ teamId, userId: id, backup: false }).run();
    for (const teamId of new Set(data.backupTeams ?? [])) {
      if (!data.teams.includes(teamId)) tx.insert(teamMembers).values({ teamId, userId: id, backup: true }).run();
    }
    const row = tx.select().from(users).where(eq(users.id, id)).get();
    return toSessionUser(tx, row!);
  });
}
