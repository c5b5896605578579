import { createRoute, z } from '@hono/zod-openapi';
import { diffMaps, evidenceSchema, mapDiffSchema, mapSchema, validateMap, type BatonMap } from '@baton/engine';
import { inArray } from 'drizzle-orm';
import type { Context } from 'hono';
import { audit } from '../audit.ts';
import { requireRole } from '../auth/guards.ts';
import { evidenceOverrides, teams } from '../db/schema.ts';
import { ApiError, forbidden } from '../errors.ts';
import type { AppEnv } from '../http/AppEnv.ts';
import { conflict, errors, idParam, json, jsonBody, newRouter, signedIn, unprocessable } from '../http/openapi.ts';
import { authored, findVersion, setState, type VersionState } from '../maps/mapVersions.ts';
import { evidenceOf } from '../rehearsal/evidenceView.ts';
import { prepareEvidence, runEvidence } from '../rehearsal/runEvidence.ts';
import type { EvidenceJob } from '../rehearsal/evidenceJob.ts';

const versionParams = z.object({ id: z.string().max(128), version: z.string().max(16) });
const decision = z.object({ version: z.number(), state: z.string() });

const submit = createRoute({
  operationId: 'submitMap',
  method: 'post', path: '/{id}/submit', tags: ['maps'], summary: 'Submit the draft for approval (manager)', security: signedIn,
  description: 'Rehearses the version on every scenario kept with the map (evidence: `GET …/versions/{version}/evidence`). 422 when the draft has validation errors (`details.problems`) or names a team the directory lacks (`details.teams`).',
  request: { params: idParam },
  responses: { 200: json(z.object({ version: z.number(), evidence: z.enum(['none', 'running', 'done']) }), 'Submitted; `evidence` says whether its rehearsal is done'), 401: errors[401], 403: errors[403], 404: errors[404], 409: conflict, 422: unprocessable },
});
const decide = <V extends 'approve' | 'reject' | 'retire', B extends z.ZodType>(verb: V, summary: string, body: B) =>
  createRoute({
    operationId: `${verb}MapVersion`,
    method: 'post', path: `/{id}/versions/{version}/${verb}` as const, tags: ['maps'], summary, security: signedIn,
    request: { params: versionParams, body: { content: { 'application/json': { schema: body } }, required: false } },
    responses: { 200: json(decision, 'Decided'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: conflict },
  });
/** Why the approver decided so; optional for every decision (docs/api.md: the decision routes need no body). */
const comment = z.object({ comment: z.string().max(2000).optional() });
/** Approving may carry an admin's reason to approve despite failed evidence. */
const approveBody = comment.extend({ override: z.string().trim().min(3).max(2000).optional() });
const approve = decide('approve', 'Approve a submitted version (approver, not its author); it becomes the active one. 409 `EVIDENCE_FAILED` while a must-pass bar of its evidence fails (an admin may send `override` with a reason), 409 `EVIDENCE_PENDING` while it is being rehearsed', approveBody);
const evidence = createRoute({
  operationId: 'getVersionEvidence',
  method: 'get', path: '/{id}/versions/{version}/evidence', tags: ['maps'], summary: 'The rehearsal evidence stored with a submitted version: each kept scenario on it and on the active version, its bars passed or failed', security: signedIn,
  request: { params: versionParams },
  responses: { 200: json(evidenceSchema, 'The evidence'), 401: errors[401], 403: errors[403], 404: errors[404] },
});
const reject = decide('reject', 'Reject a submitted version, with a comment saying why if you like (approver)', comment);
const retire = decide('retire', 'Retire the approved version: the map stops routing (approver or admin)', comment);
const diff = createRoute({
  operationId: 'diffMapVersions',
  method: 'get', path: '/{id}/diff', tags: ['maps'], summary: 'Diff two versions (defaults: active → latest)', security: signedIn,
  request: { params: idParam, query: z.object({ from: z.string().max(16).optional(), to: z.string().max(16).optional() }) },
  responses: {
    200: json(z.object({ from: z.number().nullable(), to: z.number() }).extend(mapDiffSchema.shape).openapi('MapDiff'), 'The diff'),
    401: errors[401], 404: errors[404],
  },
});

/** Teams a map names that the directory lacks. */
function missingTeams(tx: Parameters<typeof findVersion>[0], map: BatonMap): string[] {
  const named = [...new Set([map.hub, ...map.teams.map((t) => t.id)])];
  const known = new Set(tx.select({ id: teams.id }).from(teams).where(inArray(teams.id, named)).all().map((t) => t.id));
  return named.filter((t) => !known.has(t));
}

/** Approve, reject or retire a version: it moves to `to`, audited and announced. A blank comment is none. */
function decideVersion(c: Context<AppEnv>, to: VersionState, which: { id: string; version: string }, said: string | undefined, override?: string) {
  const comment = said?.trim() ? said : undefined;
  const user = to === 'retired' ? requireRole(c, 'approver', 'admin') : requireRole(c, 'approver');
  if (override !== undefined && !user.roles.includes('admin')) throw forbidden('Only an admin may approve despite failed evidence');
  const rt = c.get('rt');
  const { id } = which;
  const now = rt.clock.now();
  const row = rt.db.transaction((tx) => {
    const row = findVersion(tx, id, which.version);
    // Four eyes guard what goes live: approving or rejecting your own version is refused. Retiring
    // takes a live map out of service (its mentions go to triage), which may be urgent when the
    // map misroutes; its author may do it, and the audit entry says it was their own.
    const own = authored(row, user.id);
    if (to !== 'retired' && own) throw forbidden('You may not decide on a version you authored');
    if (to === 'approved') {
      // Compile before the version goes live: a map that passed validation must also compile.
      rt.maps.get(id, row.version);
      gateOnEvidence(tx, id, row.version, user.id, now, override, c);
    }
    setState(tx, row, to, user.id, now, comment);
    const data = { ...(comment ? { comment } : {}), ...(own ? { ownVersion: true } : {}) };
    audit(tx, now, { actor: user.id, action: `map.${to}`, target: `${id}@${row.version}`, from: c.get('from'), ...(Object.keys(data).length ? { data } : {}) });
    return row;
  });
  rt.bus.publish({ type: 'map', data: { id, version: row.version, state: to, change: to } });
  return { version: row.version, state: to };
}

/**
 * Approval waits for the version's rehearsal and refuses it while a must-pass bar fails, unless an
 * admin gave a reason (kept, and audited as `map.evidence_override`).
 */
function gateOnEvidence(tx: Parameters<typeof findVersion>[0], id: string, version: number, userId: string, now: number, override: string | undefined, c: Context<AppEnv>) {
  const ev = evidenceOf(tx, id, version);
  if (ev.state === 'running') throw new ApiError(409, 'EVIDENCE_PENDING', `Version ${version} is still being rehearsed on its kept scenarios; approve once its evidence is in`);
  if (!ev.failedBars.length) return;
  if (override === undefined) {
    throw new ApiError(409, 'EVIDENCE_FAILED', `Version ${version} failed ${ev.failedBars.length} must-pass bar${ev.failedBars.length === 1 ? '' : 's'}: ${ev.failedBars.map((b) => b.sentence).join('; ')}`, { bars: ev.failedBars });
  }
  tx.insert(evidenceOverrides).values({ mapId: id, version, by: userId, reason: override, at: now }).run();
  audit(tx, now, { actor: userId, action: 'map.evidence_override', target: `${id}@${version}`, from: c.get('from'), data: { reason: override, bars: ev.failedBars.map((b) => b.sentence) } });
}

/** `/api/maps/:id/…`: submit, approve, reject, retire, diff, evidence. */
export function mapReviewRoutes() {
  return newRouter()
    .openapi(submit, (c) => {
      const user = requireRole(c, 'manager', 'admin');
      const rt = c.get('rt');
      const { id } = c.req.valid('param');
      const now = rt.clock.now();
      let job: EvidenceJob | null = null;
      const version = rt.db.transaction((tx) => {
        const row = findVersion(tx, id, 'latest');
        if (row.state !== 'draft') throw new ApiError(409, 'NO_DRAFT', `Map ${id} has no draft to submit (latest version ${row.version} is ${row.state})`);
        const result = validateMap(row.document);
        if (!result.valid) throw new ApiError(422, 'INVALID_MAP', 'The draft has validation errors', { problems: result.problems });
        const submitted = mapSchema.parse(row.document);
        const missing = missingTeams(tx, submitted);
        if (missing.length) throw new ApiError(422, 'UNKNOWN_TEAM', `The map names teams the directory lacks: ${missing.join(', ')}. An admin adds them under Admin → Teams; then submit again`, { teams: missing });
        setState(tx, row, 'submitted', user.id, now);
        job = prepareEvidence(tx, id, row.version, submitted, now);
        audit(tx, now, { actor: user.id, action: 'map.submit', target: `${id}@${row.version}`, from: c.get('from') });
        return row.version;
      });
      rt.bus.publish({ type: 'map', data: { id, version, state: 'submitted', change: 'submitted' } });
      if (job) void runEvidence(rt, id, job);
      return c.json({ version, evidence: evidenceOf(rt.db, id, version).state }, 200);
    })
    .openapi(approve, (c) => {
      const body = c.req.valid('json');
      return c.json(decideVersion(c, 'approved', c.req.valid('param'), body?.comment, body?.override), 200);
    })
    .openapi(reject, (c) => c.json(decideVersion(c, 'rejected', c.req.valid('param'), c.req.valid('json')?.comment), 200))
    .openapi(retire, (c) => c.json(decideVersion(c, 'retired', c.req.valid('param'), c.req.valid('json')?.comment), 200))
    .openapi(evidence, (c) => {
      requireRole(c, 'admin', 'approver', 'manager');
      const { id, version } = c.req.valid('param');
      const row = findVersion(c.get('rt').db, id, version);
      return c.json(evidenceOf(c.get('rt').db, id, row.version), 200);
    })
    .openapi(diff, (c) => {
      requireRole(c, 'admin', 'approver', 'manager', 'agent');
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      const db = c.get('rt').db;
      const to = findVersion(db, id, q.to ?? 'latest');
      let from = null;
      if (q.from !== undefined) from = findVersion(db, id, q.from);
      else {
        try {
          from = findVersion(db, id, 'active');
        } catch {
          from = null; // nothing approved yet: everything counts as added
        }
      }
      return c.json({ from: from?.version ?? null, to: to.version, ...diffMaps(from?.document ?? null, to.document) }, 200);
    });
}
