import { and, asc, eq } from 'drizzle-orm';
import { iso } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { careSavedSearches } from '../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';
import type { Runtime } from '../Runtime.ts';

const MAX_PER_PERSON = 100;

/** A person's saved searches, oldest first. */
export function listSavedSearches(db: Db, userId: string) {
  return db.select().from(careSavedSearches).where(eq(careSavedSearches.userId, userId)).orderBy(asc(careSavedSearches.id)).all()
    .map((s) => ({ id: s.id, name: s.name, query: s.query, createdAt: iso(s.createdAt)! }));
}

/** Saves a search (a checked `GET /api/cases` query string) for its person; at most 100 each. */
export function saveSearch(rt: Runtime, userId: string, name: string, query: string) {
  const db = rt.db;
  if (listSavedSearches(db, userId).length >= MAX_PER_PERSON) {
    throw new ApiError(409, 'TOO_MANY_SAVED', `You have ${MAX_PER_PERSON} saved searches; delete one first`);
  }
  const now = rt.clock.now();
  const row = db.insert(careSavedSearches).values({ userId, name, query, createdAt: now }).returning().get();
  return { id: row.id, name: row.name, query: row.query, createdAt: iso(row.createdAt)! };
}

/** Deletes one of the person's saved searches (someone else's answers 404, as a missing one). */
export function deleteSavedSearch(db: Db, userId: string, id: number): void {
  const gone = db.delete(careSavedSearches).where(and(eq(careSavedSearches.id, id), eq(careSavedSearches.userId, userId))).run();
  if (!gone.changes) throw notFound('Saved search');
}
