import { createRoute, z } from '@hono/zod-openapi';
import { parseDuration } from '@baton/engine';
import type { Context } from 'hono';
import { requireUser } from '../auth/guards.ts';
import { caseAfterAction, caseFor } from '../cases/caseAnswer.ts';
import { claim, learn, note, release, reportOutcome, retag, takeNext, takeOver, tick } from '../cases/caseActions.ts';
import { listCases } from '../cases/caseViews.ts';
import { MAX_LEASE_MS } from '../config.ts';
import type { AppEnv } from '../http/AppEnv.ts';
import { conflict, errors, idParam, json, jsonBody, newRouter, signedIn, unprocessable } from '../http/openapi.ts';
import { caseDetailSchema, caseSummarySchema, type CaseSummary } from './caseSchemas.ts';
import { answerCaseList, caseListQuery, caseListResponse } from './search.ts';

const lease = z.string().max(32).refine((s) => { const ms = parseDuration(s); return ms !== undefined && ms > 0 && ms <= MAX_LEASE_MS; }, 'must be an ISO 8601 duration up to PT8H');

const tagName = z.string().min(1).max(64);
/** Strict, so that a misspelt field is refused rather than silently changing nothing. */
const tagChange = z.object({
  add: z.array(tagName).max(50).optional(),
  remove: z.array(tagName).max(50).optional(),
  tags: z.array(tagName).max(50).optional().openapi({ description: 'Tags to add, as `add`' }),
  tag: tagName.optional().openapi({ description: 'One tag to add' }),
}).strict();
const checklistTick = z.object({
  item: z.union([z.string().max(500), z.number().int().min(0)]).optional().openapi({ description: "The item's exact text, or its 0-based index" }),
  all: z.literal(true).optional().openapi({ description: 'Tick every item' }),
  done: z.boolean().default(true),
}).refine((b) => (b.item === undefined) !== (b.all === undefined), 'send either item or all: true');

const caseResponses = { 200: json(caseDetailSchema, 'The case after the change'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: conflict, 422: unprocessable };
/** A case action; generic in the path so each route keeps its own literal path in the app's type. */
const post = <P extends string>(path: P, summary: string) => ({ method: 'post' as const, path, tags: ['cases'], summary, security: signedIn, responses: caseResponses });

const routes = {
  list: createRoute({ operationId: 'listCases',
    method: 'get', path: '/', tags: ['cases'], summary: 'Search open and closed cases, newest first (`items`, `next`); without a search-only filter also the queue view in `cases`', security: signedIn,
    request: { query: caseListQuery },
    responses: { 200: json(caseListResponse, 'Cases'), 400: errors[400], 401: errors[401] },
  }),
  next: createRoute({ operationId: 'claimNextCase',
    method: 'post', path: '/next', tags: ['cases'], summary: "Claim the next waiting case of a team's queue", security: signedIn,
    request: { body: jsonBody(z.object({ team: z.string().max(128), lease: lease.optional() })) },
    responses: { 200: json(z.object({ case: caseDetailSchema.nullable() }), 'The claimed case, or null when the queue is empty'), 400: errors[400], 401: errors[401], 403: errors[403] },
  }),
  get: createRoute({ operationId: 'getCase',
    method: 'get', path: '/{id}', tags: ['cases'], summary: 'One case with its checklist, notes, tags, lessons, thread and full history', security: signedIn,
    request: { params: idParam },
    responses: { 200: json(caseDetailSchema, 'The case'), 401: errors[401], 403: errors[403], 404: errors[404] },
  }),
  claim: createRoute({ operationId: 'claimCase',
    ...post('/{id}/claim', 'Claim the case with a lease (default PT10M); claiming again renews it. 409 CLAIMED names the holder'),
    request: { params: idParam, body: { content: { 'application/json': { schema: z.object({ lease: lease.optional() }) } }, required: false } },
  }),
  release: createRoute({ operationId: 'releaseCase', ...post('/{id}/release', 'Hand the case back to the queue'), request: { params: idParam } }),
  takeover: createRoute({ operationId: 'takeOverCase',
    ...post('/{id}/takeover', 'Take over a case someone else holds (manager or admin), with a reason: ends their claim and claims it for you, audited'),
    request: { params: idParam, body: jsonBody(z.object({ reason: z.string().trim().min(1).max(1000), lease: lease.optional() })) },
  }),
  checklist: createRoute({ operationId: 'tickChecklist',
    ...post('/{id}/checklist', 'Tick a pre-action checklist item (by its text or 0-based index), or every item with `all: true`; the last tick passes the case on. 422 UNKNOWN_ITEM for an item not on the checklist'),
    request: { params: idParam, body: jsonBody(checklistTick) },
  }),
  outcome: createRoute({ operationId: 'reportOutcome',
    ...post('/{id}/outcome', 'Report the outcome (refused until the checklist is done; 422 for an outcome the pass does not declare)'),
    request: { params: idParam, body: jsonBody(z.object({ outcome: z.string().max(64), note: z.string().max(10_000).optional() })) },
  }),
  notes: createRoute({ operationId: 'addCaseNote', ...post('/{id}/notes', 'Add a note'), request: { params: idParam, body: jsonBody(z.object({ text: z.string().min(1).max(10_000) })) } }),
  tags: createRoute({ operationId: 'changeCaseTags',
    ...post('/{id}/tags', 'Add and remove tags (`tags` and `tag` add too); a field it does not know is 400'),
    request: { params: idParam, body: jsonBody(tagChange) },
  }),
  lessons: createRoute({ operationId: 'writeLesson', ...post('/{id}/lessons', 'Write a lesson; a case closing for want of one ends'), request: { params: idParam, body: jsonBody(z.object({ text: z.string().min(1).max(10_000) })) } }),
};

function leaseMs(c: Context<AppEnv>, text?: string): number {
  return text ? parseDuration(text)! : c.get('rt').config.leaseMs;
}

/** `/api/cases`: queues, case detail, and the work done on a case. */
export function caseRoutes() {
  return newRouter()
    .openapi(routes.list, (c) => c.json(answerCaseList(c, c.req.valid('query')), 200))
    .openapi(routes.next, (c) => {
      const { team, lease: l } = c.req.valid('json');
      const taken = takeNext(c.get('rt'), requireUser(c), team, leaseMs(c, l), c.get('from'));
      return c.json({ case: taken ? caseAfterAction(c.get('rt'), taken) : null }, 200);
    })
    .openapi(routes.get, (c) => c.json(caseFor(c.get('rt'), requireUser(c), c.req.valid('param').id), 200))
    .openapi(routes.claim, (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json') ?? {};
      claim(c.get('rt'), requireUser(c), id, leaseMs(c, body.lease), c.get('from'));
      return c.json(caseAfterAction(c.get('rt'), id), 200);
    })
    .openapi(routes.release, (c) => {
      const { id } = c.req.valid('param');
      release(c.get('rt'), requireUser(c), id, c.get('from'));
      return c.json(caseAfterAction(c.get('rt'), id), 200);
    })
    .openapi(routes.takeover, (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      takeOver(c.get('rt'), requireUser(c), id, body.reason, leaseMs(c, body.lease), c.get('from'));
      return c.json(caseAfterAction(c.get('rt'), id), 200);
    })
    .openapi(routes.checklist, (c) => {
      const { id } = c.req.valid('param');
      const { item, done } = c.req.valid('json');
      tick(c.get('rt'), requireUser(c), id, item === undefined ? { all: true } : { item }, done);
      return c.json(caseAfterAction(c.get('rt'), id), 200);
    })
    .openapi(routes.outcome, (c) => {
      const { id } = c.req.valid('param');
      const { outcome, note: text } = c.req.valid('json');
      reportOutcome(c.get('rt'), requireUser(c), id, outcome, text, c.get('from'));
      return c.json(caseAfterAction(c.get('rt'), id), 200);
    })
    .openapi(routes.notes, (c) => {
      const { id } = c.req.valid('param');
      note(c.get('rt'), requireUser(c), id, c.req.valid('json').text);
      return c.json(caseAfterAction(c.get('rt'), id), 200);
    })
    .openapi(routes.tags, (c) => {
      const { id } = c.req.valid('param');
      const { add = [], remove = [], tags = [], tag } = c.req.valid('json');
      retag(c.get('rt'), requireUser(c), id, [...add, ...tags, ...(tag ? [tag] : [])], remove);
      return c.json(caseAfterAction(c.get('rt'), id), 200);
    })
    .openapi(routes.lessons, (c) => {
      const { id } = c.req.valid('param');
      learn(c.get('rt'), requireUser(c), id, c.req.valid('json').text);
      return c.json(caseAfterAction(c.get('rt'), id), 200);
    });
}
