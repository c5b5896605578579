import type { MapVersionState } from '@baton/engine';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { maps, mapVersions, users, type MapVersionRow } from '../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';
import type { MapDocument } from './mapDocument.ts';

/** The states a map version goes through (the engine's `MAP_VERSION_STATES`). */
export type VersionState = MapVersionState;

type Tx = Pick<Db, 'select' | 'insert' | 'update'>;

/** Every version of a map, newest first; 404 when the map does not exist. */
export function versionsOf(db: Tx, mapId: string): MapVersionRow[] {
  if (!db.select({ id: maps.id }).from(maps).where(eq(maps.id, mapId)).get()) throw notFound('Map');
  return db.select().from(mapVersions).where(eq(mapVersions.mapId, mapId)).orderBy(desc(mapVersions.version)).all();
}

/**
 * Resolves `:version` — a number, `active` (the approved one), `draft` or `latest` — to a row;
 * 404 when there is none.
 */
export function findVersion(db: Tx, mapId: string, which: string): MapVersionRow {
  const all = versionsOf(db, mapId);
  let row: MapVersionRow | undefined;
  if (which === 'latest') row = all[0];
  else if (which === 'active') row = all.find((v) => v.state === 'approved');
  else if (which === 'draft') row = all.find((v) => v.state === 'draft');
  else if (/^\d{1,9}$/.test(which)) row = all.find((v) => v.version === Number(which));
  if (!row) throw notFound(`Version ${which} of map ${mapId}`);
  return row;
}

/** The names of the users with these ids; an id with no user (or a blank name) is left out. */
export function userNames(db: Tx, ids: (string | null | undefined)[]): Map<string, string> {
  const wanted = [...new Set(ids.filter((id): id is string => !!id))];
  if (!wanted.length) return new Map();
  const rows = db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted)).all();
  return new Map(rows.filter((u) => u.name.trim()).map((u) => [u.id, u.name]));
}

/** The user ids a version names (author, last editor, submitter, decider), for `userNames`. */
export function versionUserIds(v: MapVersionRow): (string | null)[] {
  return [v.createdBy, v.updatedBy, v.submittedBy, v.decidedBy];
}

/**
 * Version metadata as the API shows it (times as ISO strings); each user id comes with the
 * person's name from `names` (null when unknown), so every role can read who did what.
 */
export function versionInfo(v: MapVersionRow, names: Map<string, string> = new Map()) {
  const t = (ms: number | null) => (ms == null ? undefined : new Date(ms).toISOString());
  const name = (id: string | null) => (id ? names.get(id) ?? null : null);
  return {
    version: v.version,
    state: v.state,
    createdBy: v.createdBy,
    createdByName: name(v.createdBy),
    createdAt: t(v.createdAt)!,
    updatedBy: v.updatedBy,
    updatedByName: name(v.updatedBy),
    updatedAt: t(v.updatedAt)!,
    ...(v.submittedBy ? { submittedBy: v.submittedBy, submittedByName: name(v.submittedBy), submittedAt: t(v.submittedAt) } : {}),
    ...(v.decidedBy ? { decidedBy: v.decidedBy, decidedByName: name(v.decidedBy), decidedAt: t(v.decidedAt) } : {}),
    ...(v.comment ? { comment: v.comment } : {}),
  };
}

/**
 * Replaces the draft of `mapId` with `document`, or — when the latest version is not a draft —
 * opens a new draft version from it. Returns the draft's version number.
 */
export function saveDraft(db: Tx, mapId: string, document: MapDocument, userId: string, now: number): number {
  const latest = versionsOf(db, mapId)[0];
  const name = typeof document.name === 'string' ? document.name : mapId;
  db.update(maps).set({ name, updatedBy: userId, updatedAt: now }).where(eq(maps.id, mapId)).run();
  if (latest?.state === 'draft') {
    db.update(mapVersions)
      .set({ document, updatedBy: userId, updatedAt: now })
      .where(and(eq(mapVersions.mapId, mapId), eq(mapVersions.version, latest.version)))
      .run();
    return latest.version;
  }
  const version = (latest?.version ?? 0) + 1;
  db.insert(mapVersions).values({ mapId, version, state: 'draft', document, createdBy: userId, createdAt: now, updatedBy: userId, updatedAt: now }).run();
  return version;
}

/** Creates a map and its first draft; 409 when the id is taken. */
export function createMapWithDraft(db: Tx, document: MapDocument, userId: string, now: number): number {
  if (db.select({ id: maps.id }).from(maps).where(eq(maps.id, document.id)).get()) {
    throw new ApiError(409, 'MAP_EXISTS', `Map ${document.id} already exists; PUT /api/maps/${document.id} replaces its draft`);
  }
  db.insert(maps).values({ id: document.id, name: document.name, createdBy: userId, createdAt: now, updatedBy: userId, updatedAt: now }).run();
  return saveDraft(db, document.id, document, userId, now);
}

/**
 * Moves a version to `to`, checking the transition is allowed. Approving retires the previously
 * approved version of the same map.
 */
export function setState(db: Tx, row: MapVersionRow, to: VersionState, userId: string, now: number, comment?: string): void {
  const allowed: Record<VersionState, VersionState[]> = {
    draft: ['submitted'],
    submitted: ['approved', 'rejected'],
    approved: ['retired'],
    rejected: [],
    retired: [],
  };
  if (!allowed[row.state].includes(to)) {
    throw new ApiError(409, 'BAD_STATE', `Version ${row.version} is ${row.state}; it cannot become ${to}`, { state: row.state });
  }
  if (to === 'approved') {
    db.update(mapVersions)
      .set({ state: 'retired', decidedBy: userId, decidedAt: now })
      .where(and(eq(mapVersions.mapId, row.mapId), inArray(mapVersions.state, ['approved'])))
      .run();
  }
  const set: Partial<MapVersionRow> = to === 'submitted'
    ? { state: to, submittedBy: userId, submittedAt: now }
    : { state: to, decidedBy: userId, decidedAt: now, ...(comment !== undefined ? { comment } : {}) };
  db.update(mapVersions).set(set).where(and(eq(mapVersions.mapId, row.mapId), eq(mapVersions.version, row.version))).run();
  // The map's updatedBy/updatedAt say who last *edited* it (the Maps list's "Last edit"): submitting,
  // approving, rejecting or retiring a version is a decision about it, recorded on the version.
}

/** Whether `userId` authored a version (created it, edited the draft or submitted it). */
export function authored(row: MapVersionRow, userId: string): boolean {
  return row.createdBy === userId || row.updatedBy === userId || row.submittedBy === userId;
}
