import { createRoute, z } from '@hono/zod-openapi';
import { mentionSchema, type Mention } from '@baton/engine';
import type { Context, MiddlewareHandler } from 'hono';
import { requireUser } from '../auth/guards.ts';
import { IngestQueue } from '../cases/IngestQueue.ts';
import { unroutedMentions } from '../cases/triage.ts';
import { ApiError, forbidden } from '../errors.ts';
import type { AppEnv } from '../http/AppEnv.ts';
import { issuesOf } from '../http/onError.ts';
import { errors, json, jsonBody, newRouter, signedIn, tooLarge } from '../http/openapi.ts';

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
  if (auth.kind === 'user' && !auth.user.roles.some((r) => r === 'admin' || r === 'manager')) throw forbidden('Posting mentions needs an ingest token');
  await next();
};

const ingest = createRoute({
  operationId: 'ingestMentions',
  middleware: [ingestAuth] as const,
  method: 'post', path: '/', tags: ['mentions'], summary: 'Ingest one mention or up to 1,000 (idempotent on mention id)',
  description: 'Authorised by an ingest token (`Authorization: Bearer`) or an admin/manager session. The whole batch is validated first and written in one transaction before the answer. More than 1,000 mentions in one array is 413 TOO_MANY, and none of them is stored.',
  security: [{ bearer: [] }],
  request: { body: jsonBody(z.union([mentionSchema, z.array(mentionSchema).max(MAX_BATCH)])) },
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

/** `/api/mentions`: ingest and the triage inbox. */
export function mentionRoutes() {
  let queue: IngestQueue | undefined;
  return newRouter()
    .openapi(
      ingest,
      async (c) => {
        const body = c.req.valid('json');
        const batch: Mention[] = Array.isArray(body) ? body : [body];
        queue ??= new IngestQueue(c.get('rt'));
        return c.json({ results: await queue.submit(batch) }, 200);
      },
      (result, c) => (result.success ? undefined : explain(c)),
    )
    .openapi(unrouted, (c) => {
      requireUser(c);
      const inbox = unroutedMentions(c.get('rt').db, c.req.valid('query').limit) as z.infer<typeof triageMentionSchema>[];
      return c.json({ mentions: inbox }, 200);
    });
}

