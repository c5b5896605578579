import { createRoute, z } from '@hono/zod-openapi';
import { mentionSchema, type Mention } from '@baton/engine';
import type { Context, MiddlewareHandler } from 'hono';
import { requireUser, supervises } from '../auth/guards.ts';
import { BadRowError, bulkFormatOf, bulkMentions } from '../bulk/bulkMentions.ts';
import { IngestQueue } from '../cases/IngestQueue.ts';
import { requireTriage, unroutedMentions } from '../cases/triage.ts';
import { ApiError, forbidden } from '../errors.ts';
import type { AppEnv } from '../http/AppEnv.ts';
import { issuesOf } from '../http/onError.ts';
import { errors, json, newRouter, signedIn, tooLarge } from '../http/openapi.ts';

/** Most mentions one request may carry. */
export const MAX_BATCH = 1000;

const resultSchema = z.object({
  id: z.string(),
  status: z.enum(['routed', 'attached', 'unrouted', 'duplicate']),
  caseId: z.string().optional(),
}).openapi('IngestResult');

/** A mention in the hub's triage inbox: the mention as received, when it came, and the hub's tags. */
export const triageMentionSchema = mentionSchema.extend({ receivedAt: z.string(), tags: z.array(z.string()) }).openapi('TriageMention');

/** Ingest needs an ingest token or an admin/manager session; checked before the body is read. */
const ingestAuth: MiddlewareHandler<AppEnv> = async (c, next) => {
  const auth = c.get('auth');
  if (auth.kind === 'none') throw new ApiError(401, 'UNAUTHENTICATED', 'Send an ingest token as Authorization: Bearer <token>');
  if (auth.kind === 'user' && !supervises(auth.user)) throw forbidden('Posting mentions needs an ingest token');
  await next();
};

/**
 * A CSV or NDJSON body (docs/api.md, "Mentions and cases") is read here, row by row, into the JSON array the route's
 * validator and handler take: the first row that is not a mention is a 400 naming its line and
 * field, and nothing of the request is stored; more than 1,000 rows is 413 TOO_MANY.
 */
const bulkBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  const format = bulkFormatOf(c.req.header('content-type'));
  if (!format) return next();
  let rows;
  try {
    rows = bulkMentions(format, await c.req.text());
  } catch (e) {
    if (!(e instanceof BadRowError)) throw e;
    throw new ApiError(400, 'INVALID', `${e.message}; nothing was ingested`, {
      line: e.line, field: e.field, issues: [{ path: e.field ?? '', message: e.reason }],
    });
  }
  if (rows.length > MAX_BATCH) throw new ApiError(413, 'TOO_MANY', `At most ${MAX_BATCH} mentions per request (got ${rows.length})`);
  // Hand the rows on as if they had come as a JSON array (the validator reads the cached text).
  (c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(JSON.stringify(rows.map((r) => r.mention)));
  c.req.raw.headers.set('content-type', 'application/json');
  await next();
};

const bulkText = (what: string) => ({ schema: z.string().openapi({ description: what }) });

const ingest = createRoute({
  operationId: 'ingestMentions',
  middleware: [ingestAuth, bulkBody] as const,
  method: 'post', path: '/', tags: ['mentions'], summary: 'Ingest one mention or up to 1,000 (idempotent on mention id)',
  description: 'Authorised by an ingest token (`Authorization: Bearer`) or an admin/manager session. The whole batch is validated first and written in one transaction before the answer. More than 1,000 mentions in one request is 413 TOO_MANY, and none of them is stored. '
    + 'The body may also be a CSV file (`text/csv`: a header row naming Mention fields, dotted for nested ones, e.g. `id,network,author.handle,author.followers,text,createdAt`) '
    + 'or NDJSON (`application/x-ndjson`: one mention per line). A row that is not a mention is 400 INVALID with `details.line` (the line of the file, the CSV header being line 1) and `details.field` (e.g. `author.followers`), and nothing of the request is stored. '
    + "A mention that names no `brand` gets the ingest token's brand, if it has one.",
  security: [{ bearer: [] }],
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: z.union([mentionSchema, z.array(mentionSchema).max(MAX_BATCH)]) },
        'text/csv': bulkText('A header row of Mention fields, then one mention per row; empty cells are absent fields'),
        'application/x-ndjson': bulkText('One mention (a JSON object) per line'),
      },
    },
  },
  responses: { 200: json(z.object({ results: z.array(resultSchema) }), 'What became of each mention, in order'), 400: errors[400], 401: errors[401], 403: errors[403], 413: tooLarge },
});
const unrouted = createRoute({
  operationId: 'listUnroutedMentions',
  method: 'get', path: '/unrouted', tags: ['mentions'], summary: "The hub's triage inbox: mentions no trigger matched and nobody dismissed or started a case from, newest first, each with its triage `tags`", security: signedIn,
  request: { query: z.object({ limit: z.string().regex(/^\d{1,4}$/).transform(Number).default(200) }) },
  responses: { 200: json(z.object({ mentions: z.array(triageMentionSchema) }), 'Unrouted mentions'), 401: errors[401] },
});

/** Explains a body that failed the schema: which item, which field. */
async function explain(c: Context<AppEnv>): Promise<never> {
  const body: unknown = await c.req.json().catch(() => undefined);
  if (Array.isArray(body)) {
    // Too large rather than malformed: the same answer as a body over the size limit (docs/api.md).
    if (body.length > MAX_BATCH) throw new ApiError(413, 'TOO_MANY', `At most ${MAX_BATCH} mentions per request (got ${body.length})`);
    const issues = body.flatMap((m, i) => {
      const r = mentionSchema.safeParse(m);
      return r.success ? [] : issuesOf(r.error).map((x) => ({ path: `[${i}]${x.path ? '.' + x.path : ''}`, message: x.message }));
    });
    throw new ApiError(400, 'INVALID', 'Some mentions do not fit the schema; nothing was ingested', { issues });
  }
  const r = mentionSchema.safeParse(body);
  throw new ApiError(400, 'INVALID', 'The mention does not fit the schema', { issues: r.success ? [] : issuesOf(r.error) });
}

/** Gives the ingest token's brand (if it has one) to every mention that names none (docs/mentions.md#brands). */
function withTokenBrand(c: Context<AppEnv>, batch: Mention[]): Mention[] {
  const auth = c.get('auth');
  const brand = auth.kind === 'ingest' ? auth.brand : null;
  return brand === null ? batch : batch.map((m) => (m.brand === undefined ? { ...m, brand } : m));
}

/** `/api/mentions`: ingest and the triage inbox. */
export function mentionRoutes() {
  let queue: IngestQueue | undefined;
  return newRouter()
    .openapi(
      ingest,
      async (c) => {
        // Bulk bodies arrive here as the JSON array bulkBody made of them, never as text.
        const body = c.req.valid('json') as Mention | Mention[];
        const batch: Mention[] = Array.isArray(body) ? body : [body];
        queue ??= new IngestQueue(c.get('rt'));
        return c.json({ results: await queue.submit(withTokenBrand(c, batch)) }, 200);
      },
      (result, c) => (result.success ? undefined : explain(c)),
    )
    .openapi(unrouted, (c) => {
      requireTriage(c.get('rt'), requireUser(c));
      const inbox = unroutedMentions(c.get('rt').db, c.req.valid('query').limit) as z.infer<typeof triageMentionSchema>[];
      return c.json({ mentions: inbox }, 200);
    });
}

