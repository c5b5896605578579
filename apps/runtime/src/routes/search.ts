import { createRoute, z } from '@hono/zod-openapi';
import { NETWORKS } from '@baton/engine';
import type { Context } from 'hono';
import { requireUser } from '../auth/guards.ts';
import { doneBy } from '../care/doneBy.ts';
import { deleteSavedSearch, listSavedSearches, saveSearch } from '../care/savedSearches.ts';
import { SEARCH_STATUSES, searchCases } from '../care/searchCases.ts';
import { listCases } from '../cases/caseViews.ts';
import { ApiError } from '../errors.ts';
import type { AppEnv } from '../http/AppEnv.ts';
import { conflict, errors, json, jsonBody, newRouter, signedIn } from '../http/openapi.ts';
import { caseSummarySchema, type CaseSummary } from './caseSchemas.ts';

const EARLIEST = Date.parse('1970-01-01T00:00:00Z');
const LATEST = Date.parse('9999-12-31T23:59:59.999Z');
const time = z.string().max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)) && Date.parse(s) >= EARLIEST && Date.parse(s) <= LATEST, 'must be an ISO 8601 time between 1970 and 9999')
  .transform((s) => Date.parse(s));
const name = z.string().min(1).max(128);
const statusList = z.string().max(100).refine((s) => s.split(',').every((x) => (SEARCH_STATUSES as readonly string[]).includes(x)), {
  message: `must be one or more of ${SEARCH_STATUSES.join(', ')}, separated by commas`,
});

/** Query of `GET /api/cases`: search filters (§ "Search" in docs/api.md) plus the queue view's `holder`. */
export const caseListQuery = z.object({
  q: z.string().min(1).max(500).optional().openapi({ description: 'Full text over the thread, notes, tags, replies and offline contacts; every word must match, the last may be the start of a word, "quoted words" are a phrase' }),
  author: z.string().min(1).max(256).optional().openapi({ description: "A customer's handle, with or without its @ (any mention of the case's thread)" }),
  network: z.enum(NETWORKS).optional().openapi({ description: 'The network of the mention that opened the case' }),
  brand: name.optional(), tag: name.optional(), team: name.optional(), map: name.optional(),
  status: statusList.optional().openapi({ description: 'preparing | waiting | held | closing | ended, `open` (not ended) or `closed` (ended); several with commas' }),
  outcome: z.string().min(1).max(64).optional().openapi({ description: "The end node's outcome" }),
  breached: z.enum(['true', 'false']).optional().openapi({ description: 'Cases that missed (true) or kept (false) every deadline' }),
  from: time.optional().openapi({ description: 'Opened at or after (ISO 8601)' }),
  to: time.optional().openapi({ description: 'Opened at or before (ISO 8601)' }),
  holder: z.string().max(128).optional().openapi({ description: 'Held by this user id (`me`: you)' }),
  limit: z.string().regex(/^\d{1,4}$/, 'must be a whole number').transform(Number).refine((n) => n >= 1, 'must be at least 1').optional()
    .openapi({ description: 'Page size: default 50, at most 200 (the queue view, without search filters, lists up to 5,000 in `cases`)' }),
  cursor: z.string().max(512).optional().openapi({ description: 'The `next` of the previous page' }),
}).refine((q) => q.from === undefined || q.to === undefined || q.from <= q.to, { message: 'from is after to', path: ['from'] });

/** Fields only a search names; without any, `GET /api/cases` also answers the queue view in `cases`. */
const SEARCH_ONLY = ['q', 'author', 'network', 'brand', 'tag', 'outcome', 'breached', 'from', 'to', 'cursor'] as const;

/** A case in search results: the queue summary plus the brand and the end outcome. */
export const searchItemSchema = caseSummarySchema.extend({
  brand: z.string().nullable(), outcome: z.string().nullable().openapi({ description: 'The outcome it ended with' }),
}).openapi('CaseSearchItem');

/** Answer of `GET /api/cases`. */
export const caseListResponse = z.object({
  items: z.array(searchItemSchema).openapi({ description: 'Open and closed cases, newest first by opening time' }),
  next: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page' }),
  cases: z.array(caseSummarySchema).optional().openapi({ description: 'The queue view (only when no search-only filter is given): open and closed cases in queue order (priority, then time in queue)' }),
});

type ListQuery = z.infer<typeof caseListQuery>;

/** Answers `GET /api/cases`: search results, and the queue view for callers that ask no search question. */
export function answerCaseList(c: Context<AppEnv>, query: ListQuery) {
  const { db, presence } = c.get('rt');
  const user = requireUser(c);
  const { breached, limit, ...rest } = query;
  const withViewers = <T extends { id: string }>(x: T) => ({ ...x, viewers: presence.viewers(x.id) });
  const found = searchCases(db, user, { ...rest, limit: Math.min(limit ?? 50, 200), ...(breached ? { breached: breached === 'true' } : {}) });
  const items = found.items.map(withViewers) as z.infer<typeof searchItemSchema>[];
  if (SEARCH_ONLY.some((k) => query[k] !== undefined)) return { items, next: found.next };
  const { team, status, map, holder } = query;
  const listed = listCases(db, user, { team, status: status?.replace(/\bclosed\b/g, 'ended'), map, holder, limit }).map(withViewers) as CaseSummary[];
  return { items, next: found.next, cases: listed };
}

const savedSchema = z.object({ id: z.number(), name: z.string(), query: z.string(), createdAt: z.string() }).openapi('SavedSearch');
const doneItemSchema = searchItemSchema.extend({ doneAt: z.string(), doneOutcome: z.string() });

const routes = {
  saved: createRoute({ operationId: 'listSavedSearches', method: 'get', path: '/saved', tags: ['search'], summary: 'Your saved searches, oldest first', security: signedIn,
    responses: { 200: json(z.object({ searches: z.array(savedSchema) }), 'Saved searches'), 401: errors[401] } }),
  save: createRoute({ operationId: 'saveSearch', method: 'post', path: '/saved', tags: ['search'], summary: 'Save a search (its `GET /api/cases` query string) under a name', security: signedIn,
    request: { body: jsonBody(z.object({ name: z.string().trim().min(1).max(100), query: z.string().max(2000) }).strict()) },
    responses: { 201: json(savedSchema, 'Saved'), 400: errors[400], 401: errors[401], 409: conflict } }),
  remove: createRoute({ operationId: 'deleteSavedSearch', method: 'delete', path: '/saved/{searchId}', tags: ['search'], summary: 'Delete one of your saved searches', security: signedIn,
    request: { params: z.object({ searchId: z.string().regex(/^\d{1,12}$/).openapi({ param: { name: 'searchId', in: 'path' } }) }) },
    responses: { 204: { description: 'Deleted' }, 401: errors[401], 404: errors[404] } }),
  done: createRoute({ operationId: 'listDoneCases', method: 'get', path: '/done', tags: ['search'], summary: 'Cases you reported an outcome on between `from` and `to` (default: the last 24 hours), latest first', security: signedIn,
    request: { query: z.object({ from: time.optional(), to: time.optional() }) },
    responses: { 200: json(z.object({ items: z.array(doneItemSchema) }), 'Done'), 400: errors[400], 401: errors[401] } }),
};

/** Checks a saved search's query string against the search filters (400 naming the first problem). */
function checkQuery(text: string): void {
  const parsed = caseListQuery.safeParse(Object.fromEntries(new URLSearchParams(text.replace(/^\?/, ''))));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError(400, 'INVALID', `The saved query does not fit the search: ${issue.path.join('.') || 'query'} ${issue.message}`);
  }
}

/** `/api/search`: saved searches per person and the "done today" list. */
export function searchRoutes() {
  return newRouter()
    .openapi(routes.saved, (c) => c.json({ searches: listSavedSearches(c.get('rt').db, requireUser(c).id) }, 200))
    .openapi(routes.save, (c) => {
      const body = c.req.valid('json');
      checkQuery(body.query);
      return c.json(saveSearch(c.get('rt'), requireUser(c).id, body.name, body.query.replace(/^\?/, '')), 201);
    })
    .openapi(routes.remove, (c) => {
      deleteSavedSearch(c.get('rt').db, requireUser(c).id, Number(c.req.valid('param').searchId));
      return c.body(null, 204);
    })
    .openapi(routes.done, (c) => {
      const rt = c.get('rt');
      const { from, to } = c.req.valid('query');
      const until = to ?? rt.clock.now();
      const since = from ?? until - 24 * 3_600_000;
      if (since > until) throw new ApiError(400, 'INVALID', 'from is after to');
      const items = doneBy(rt.db, requireUser(c), since, until).map((x) => ({ ...x, viewers: rt.presence.viewers(x.id) }));
      return c.json({ items: items as z.infer<typeof doneItemSchema>[] }, 200);
    });
}
