import { validateMap } from '@baton/engine';
import { eq } from 'drizzle-orm';
import { audit } from '../audit.ts';
import type { Db } from '../db/client.ts';
import { maps, teams } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { isMapDocument } from './mapDocument.ts';
import { createMapWithDraft, findVersion, saveDraft, setState } from './mapVersions.ts';

/**
 * Loads a map document into the database as a new draft (creating the map if needed). With
 * `approve`, it also goes through submit and approval at once — for `baton import --approve` and
 * the demo, run by whoever controls the server, not through the API's review. Teams the map
 * names are added to the directory when `createTeams` is set.
 */
export function importMap(db: Db, doc: Record<string, unknown>, opts: { approve: boolean; createTeams: boolean; actor: string; now: number }): { id: string; version: number } {
  const result = validateMap(doc);
  if (!result.valid) {
    throw new ApiError(422, 'INVALID_MAP', `The map has errors: ${result.problems.filter((p) => p.severity === 'error').map((p) => p.message).join('; ')}`, { problems: result.problems });
  }
  if (!isMapDocument(doc)) throw new ApiError(422, 'INVALID_MAP', 'The map has errors: it is not a baton.map/v1 document');
  const map = doc;
  return db.transaction((tx) => {
    if (opts.createTeams) {
      for (const t of map.teams ?? []) tx.insert(teams).values({ id: t.id, name: t.name, createdAt: opts.now }).onConflictDoNothing().run();
    }
    const exists = tx.select({ id: maps.id }).from(maps).where(eq(maps.id, map.id)).get();
    const version = exists ? saveDraft(tx, map.id, doc, opts.actor, opts.now) : createMapWithDraft(tx, doc, opts.actor, opts.now);
    if (opts.approve) {
      setState(tx, findVersion(tx, map.id, String(version)), 'submitted', opts.actor, opts.now);
      setState(tx, findVersion(tx, map.id, String(version)), 'approved', opts.actor, opts.now, 'approved on import');
    }
    audit(tx, opts.now, { actor: opts.actor, action: opts.approve ? 'map.import.approved' : 'map.import', target: `${map.id}@${version}` });
    return { id: map.id, version };
  });
}
