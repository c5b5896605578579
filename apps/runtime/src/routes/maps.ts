import { createRoute, z } from '@hono/zod-openapi';
import { mapVersionStateSchema, validateMap, validationResultSchema, type BatonMap } from '@baton/engine';
import { and, asc, count, eq, isNull, ne } from 'drizzle-orm';
import { audit } from '../audit.ts';
import { requireRole, requireUser } from '../auth/guards.ts';
import { iso } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { cases, mapCrisis, maps, mapVersions, type MapVersionRow } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { conflict, errors, idParam, json, jsonBody, newRouter, signedIn, unprocessable } from '../http/openapi.ts';
import { anyObject } from '../http/schemas.ts';
import { mapDocumentSchema } from '../maps/mapDocument.ts';
import { createMapWithDraft, findVersion, saveDraft, userNames, versionInfo, versionUserIds, versionsOf } from '../maps/mapVersions.ts';
import { unsafePatterns } from '../maps/unsafePatterns.ts';

/** 422 UNSAFE_REGEX before a draft with a pattern RE2 refuses is saved (docs/maps.md#conditions: unsafe patterns are refused). */
function refuseUnsafePatterns(doc: Record<string, unknown>): void {
  const bad = unsafePatterns(doc);
  if (bad.length) throw new ApiError(422, 'UNSAFE_REGEX', `The map has ${bad.length} regular expression${bad.length > 1 ? 's' : ''} that cannot be run safely: ${bad[0]!.message}`, { patterns: bad });
}

/** The state of a map version. */
const versionState = mapVersionStateSchema;
const mapSummary = z.object({
  id: z.string(), name: z.string(), activeVersion: z.number().nullable(), draftVersion: z.number().nullable(),
  latestVersion: z.number(), state: versionState, updatedAt: z.string(), updatedBy: z.string().nullable(),
  updatedByName: z.string().nullable().openapi({ description: 'The name of the person who last changed the map; null when unknown' }),
  openCases: z.number(), crisis: z.boolean(),
}).openapi('MapSummary');
const personName = (what: string) => z.string().nullable().openapi({ description: `The name of the person who ${what}; null when unknown` });
const versionMeta = z.object({
  version: z.number(), state: versionState, createdBy: z.string().nullable(), createdByName: personName('created the version'), createdAt: z.string(),
  updatedBy: z.string().nullable(), updatedByName: personName('last edited the version'), updatedAt: z.string(),
  submittedBy: z.string().optional(), submittedByName: personName('submitted it').optional(), submittedAt: z.string().optional(),
  decidedBy: z.string().optional(), decidedByName: personName('approved, rejected or retired it').optional(), decidedAt: z.string().optional(),
  comment: z.string().optional(),
}).openapi('MapVersionInfo');
const created = z.object({ id: z.string(), version: z.number() });

const list = createRoute({
  operationId: 'listMaps',
  method: 'get', path: '/', tags: ['maps'], summary: 'Every map with its active, draft and latest versions', security: signedIn,
  responses: { 200: json(z.object({ maps: z.array(mapSummary) }), 'Maps'), 401: errors[401] },
});
const create = createRoute({
  operationId: 'createMap',
  method: 'post', path: '/', tags: ['maps'], summary: 'Create a map and its first draft (manager)', security: signedIn,
  request: { body: jsonBody(mapDocumentSchema) },
  responses: { 201: json(created, 'Created'), 400: errors[400], 401: errors[401], 403: errors[403], 409: conflict, 422: unprocessable },
});
const validate = createRoute({
  operationId: 'validateMap',
  method: 'post', path: '/validate', tags: ['maps'], summary: "Validate a map document (the engine's validateMap)", security: signedIn,
  request: { body: jsonBody(anyObject) },
  responses: { 200: json(validationResultSchema, 'Validation result'), 400: errors[400], 401: errors[401] },
});
const get = createRoute({
  operationId: 'getMap',
  method: 'get', path: '/{id}', tags: ['maps'], summary: 'A map and its versions', security: signedIn,
  request: { params: idParam },
  responses: { 200: json(z.object({ id: z.string(), name: z.string(), activeVersion: z.number().nullable(), versions: z.array(versionMeta) }), 'The map'), 401: errors[401], 404: errors[404] },
});
const listVersions = createRoute({
  operationId: 'listMapVersions',
  method: 'get', path: '/{id}/versions', tags: ['maps'], summary: 'The versions of a map, newest first (as `GET /api/maps/{id}` lists them)', security: signedIn,
  request: { params: idParam },
  responses: { 200: json(z.object({ versions: z.array(versionMeta) }), 'The versions'), 401: errors[401], 404: errors[404] },
});
const getVersion = createRoute({
  operationId: 'getMapVersion',
  method: 'get', path: '/{id}/versions/{version}', tags: ['maps'], summary: 'One version with its document (`version` may be a number, active, draft or latest)', security: signedIn,
  request: { params: z.object({ id: z.string().max(128), version: z.string().max(16) }) },
  responses: { 200: json(versionMeta.extend({ document: mapDocumentSchema }), 'The version'), 401: errors[401], 404: errors[404] },
});
const put = createRoute({
  operationId: 'saveMapDraft',
  method: 'put', path: '/{id}', tags: ['maps'], summary: 'Replace the draft (or open a new draft when the latest version is not one)', security: signedIn,
  request: { params: idParam, body: jsonBody(mapDocumentSchema) },
  responses: { 200: json(created, 'Saved'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 422: unprocessable },
});

/** Version rows as the API lists them, each with the names of the people it names. */
function versionList(db: Db, versions: MapVersionRow[]) {
  const names = userNames(db, versions.flatMap(versionUserIds));
  return versions.map((v) => versionInfo(v, names));
}

/** `/api/maps`: map documents and their drafts (review and approval live in mapReview). */
export function mapRoutes() {
  return newRouter()
    .openapi(list, (c) => {
      requireUser(c);
      const db = c.get('rt').db;
      const versions = db.select().from(mapVersions).orderBy(asc(mapVersions.version)).all();
      const open = db.select({ mapId: cases.mapId, n: count() }).from(cases).where(and(ne(cases.status, 'ended'), isNull(cases.drillId))).groupBy(cases.mapId).all();
      const crisis = db.select().from(mapCrisis).all();
      const rows = db.select().from(maps).orderBy(asc(maps.id)).all();
      const names = userNames(db, rows.map((m) => m.updatedBy));
      return c.json({
        maps: rows.map((m) => {
          const mine = versions.filter((v) => v.mapId === m.id);
          const latest = mine[mine.length - 1]!;
          return {
            id: m.id, name: m.name,
            activeVersion: mine.find((v) => v.state === 'approved')?.version ?? null,
            draftVersion: mine.find((v) => v.state === 'draft')?.version ?? null,
            latestVersion: latest.version, state: latest.state,
            updatedAt: iso(m.updatedAt)!, updatedBy: m.updatedBy, updatedByName: m.updatedBy ? names.get(m.updatedBy) ?? null : null,
            openCases: open.find((o) => o.mapId === m.id)?.n ?? 0,
            crisis: crisis.find((x) => x.mapId === m.id)?.on ?? false,
          };
        }),
      }, 200);
    })
    .openapi(create, (c) => {
      const user = requireRole(c, 'manager', 'admin');
      const rt = c.get('rt');
      const doc = c.req.valid('json');
      refuseUnsafePatterns(doc);
      const now = rt.clock.now();
      const version = rt.db.transaction((tx) => {
        const v = createMapWithDraft(tx, doc, user.id, now);
        audit(tx, now, { actor: user.id, action: 'map.create', target: doc.id, from: c.get('from') });
        return v;
      });
      rt.bus.publish({ type: 'map', data: { id: doc.id, version, state: 'draft', change: 'created' } });
      return c.json({ id: doc.id, version }, 201);
    })
    .openapi(validate, (c) => {
      requireUser(c);
      const result = validateMap(c.req.valid('json'));
      return c.json({ valid: result.valid, problems: result.problems }, 200);
    })
    .openapi(get, (c) => {
      requireUser(c);
      const { id } = c.req.valid('param');
      const db = c.get('rt').db;
      const versions = versionsOf(db, id);
      const map = db.select().from(maps).where(eq(maps.id, id)).get()!;
      return c.json({ id, name: map.name, activeVersion: versions.find((v) => v.state === 'approved')?.version ?? null, versions: versionList(db, versions) }, 200);
    })
    .openapi(listVersions, (c) => {
      requireUser(c);
      const db = c.get('rt').db;
      return c.json({ versions: versionList(db, versionsOf(db, c.req.valid('param').id)) }, 200);
    })
    .openapi(getVersion, (c) => {
      requireUser(c);
      const { id, version } = c.req.valid('param');
      const db = c.get('rt').db;
      const row = findVersion(db, id, version);
      return c.json({ ...versionInfo(row, userNames(db, versionUserIds(row))), document: row.document }, 200);
    })
    .openapi(put, (c) => {
      const user = requireRole(c, 'manager', 'admin');
      const rt = c.get('rt');
      const { id } = c.req.valid('param');
      const doc = c.req.valid('json');
      refuseUnsafePatterns(doc);
      if (doc.id !== id) throw new ApiError(400, 'ID_MISMATCH', `The document's id (${doc.id}) is not the map's (${id})`);
      const now = rt.clock.now();
      const version = rt.db.transaction((tx) => {
        const v = saveDraft(tx, id, doc, user.id, now);
        audit(tx, now, { actor: user.id, action: 'map.draft', target: `${id}@${v}`, from: c.get('from') });
        return v;
      });
      rt.bus.publish({ type: 'map', data: { id, version, state: 'draft', change: 'draft' } });
      return c.json({ id, version }, 200);
    });
}

