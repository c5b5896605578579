import { handleKey, type Network } from '@baton/engine';
import { and, eq, inArray } from 'drizzle-orm';
import { timeOrderedId } from '../auth/secrets.ts';
import type { Db } from '../db/client.ts';
import { carePersonHandles } from '../db/schema.ts';

/** One handle of a person, as compared: network plus the handle's key (no `@`, lower-cased). */
export interface HandleRef { network: string; key: string }

/** Every handle joined with this one (itself first), or just itself when it was never linked. */
export function handlesOf(db: Db, network: string, handle: string): HandleRef[] {
  const key = handleKey(handle);
  const row = db.select().from(carePersonHandles).where(and(eq(carePersonHandles.network, network), eq(carePersonHandles.handleKey, key))).get();
  if (!row) return [{ network, key }];
  const all = db.select().from(carePersonHandles).where(eq(carePersonHandles.personId, row.personId)).all()
    .map((r) => ({ network: r.network, key: r.handleKey }));
  return [{ network, key }, ...all.filter((h) => h.network !== network || h.key !== key)];
}

/**
 * Joins handles as one person: every handle given, and every handle already joined with any of
 * them, end up under one person id (the oldest of theirs, else a new one). Inside the caller's transaction.
 */
export function linkHandles(db: Db, handles: { network: Network; handle: string }[], by: string, now: number): { personId: string; handles: HandleRef[] } {
  const refs = handles.map((h) => ({ network: h.network, key: handleKey(h.handle) }));
  const existing = refs.flatMap((r) => db.select().from(carePersonHandles)
    .where(and(eq(carePersonHandles.network, r.network), eq(carePersonHandles.handleKey, r.key))).all());
  const personIds = [...new Set(existing.map((e) => e.personId))].sort();
  const personId = personIds[0] ?? timeOrderedId('person', now);
  if (personIds.length > 1) db.update(carePersonHandles).set({ personId }).where(inArray(carePersonHandles.personId, personIds)).run();
  for (const r of refs) {
    db.insert(carePersonHandles).values({ network: r.network, handleKey: r.key, personId, linkedBy: by, linkedAt: now })
      .onConflictDoUpdate({ target: [carePersonHandles.network, carePersonHandles.handleKey], set: { personId } }).run();
  }
  const all = db.select().from(carePersonHandles).where(eq(carePersonHandles.personId, personId)).all().map((r) => ({ network: r.network, key: r.handleKey }));
  return { personId, handles: all };
}
