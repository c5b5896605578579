import type { TeamHours } from '@baton/engine';
import { isNotNull } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { teams } from '../db/schema.ts';

/** Each team's hours as the directory holds them, read once per database until they change. */
const cache = new WeakMap<Db, TeamHours>();

/**
 * The teams' open hours, carried by every case event so that passes counting their deadline in
 * business hours (`expected.businessHours`) count the receiving team's (docs/semantics.md).
 */
export function teamHours(db: Db): TeamHours {
  let hours = cache.get(db);
  if (!hours) {
    const rows = db.select({ id: teams.id, hours: teams.hours }).from(teams).where(isNotNull(teams.hours)).all();
    hours = Object.freeze(Object.fromEntries(rows.map((r) => [r.id, r.hours!])));
    cache.set(db, hours);
  }
  return hours;
}

/** Forgets the cached hours after a team's hours changed. */
export function forgetTeamHours(db: Db): void {
  cache.delete(db);
}
