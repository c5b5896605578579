import { compileMap, mapSchema, type BatonMap, type CompiledMap } from '@baton/engine';
import { and, eq } from 'drizzle-orm';
import { prepared } from '../db/prepared.ts';
import type { Db } from '../db/client.ts';
import { mapVersions } from '../db/schema.ts';

/**
 * Compiled map versions, compiled once and kept. Approved documents never change, so a cache entry
 * never goes stale; cases keep running on their own version after a newer one is approved.
 */
export class MapCache {
  private readonly compiled = new Map<string, CompiledMap>();

  constructor(private readonly db: Db) {}

  /** The compiled version `version` of map `mapId`; throws if it does not exist. */
  get(mapId: string, version: number): CompiledMap {
    const key = `${mapId}@${version}`;
    let hit = this.compiled.get(key);
    if (!hit) {
      const row = this.db
        .select({ document: mapVersions.document })
        .from(mapVersions)
        .where(and(eq(mapVersions.mapId, mapId), eq(mapVersions.version, version)))
        .get();
      if (!row) throw new Error(`map ${key} does not exist`);
      hit = compileMap(mapSchema.parse(row.document) as BatonMap);
      this.compiled.set(key, hit);
    }
    return hit;
  }

  /** Every approved (active) map version, compiled: what routes mentions now. */
  active(): { mapId: string; version: number; compiled: CompiledMap }[] {
    const db = this.db;
    return prepared(db, 'mapVersions.approved', () =>
      db.select({ mapId: mapVersions.mapId, version: mapVersions.version }).from(mapVersions).where(eq(mapVersions.state, 'approved')).prepare(),
    )
      .all()
      .map((r) => ({ ...r, compiled: this.get(r.mapId, r.version) }));
  }
}
