import { createRoute, z } from '@hono/zod-openapi';
import { digestSchema } from '@baton/engine';
import { eq } from 'drizzle-orm';
import { requireUser, seesAllTeams } from '../auth/guards.ts';
import { maysTriage } from '../cases/triage.ts';
import { digestSubscribers } from '../db/schema.ts';
import { digestReport, digestRows } from '../digest/digestReport.ts';
import { forbidden } from '../errors.ts';
import type { AppEnv, SessionUser } from '../http/AppEnv.ts';
import { csvHeaders, jsonOrCsv, toCsv } from '../http/csv.ts';
import { errors, json, jsonBody, newRouter, signedIn } from '../http/openapi.ts';
import type { Runtime } from '../Runtime.ts';
import type { Context } from 'hono';

const WHO = 'Admins, managers, approvers and the hub team of an approved map (the listening officers).';
const subscriptionSchema = z.object({ email: z.boolean().openapi({ description: 'Send me the digest by e-mail each morning' }) }).strict().openapi('DigestSubscription');

const routes = {
  get: createRoute({
    operationId: 'getDigest',
    method: 'get', path: '/', tags: ['reports'], security: signedIn,
    summary: `The listening officer's day: mentions by network, brand and map, crises, open and breached cases, top tags and keywords, lessons. ${WHO}`,
    request: {
      query: z.object({
        date: z.iso.date({ message: 'must be a date such as 2026-03-02' }).optional().openapi({ description: 'The UTC day (YYYY-MM-DD); default: today' }),
        format: z.enum(['json', 'csv']).default('json').openapi({ description: '`csv`: one line per figure (section, key, count, detail)' }),
      }),
    },
    responses: { 200: jsonOrCsv(digestSchema, 'The digest'), 400: errors[400], 401: errors[401], 403: errors[403] },
  }),
  subscription: createRoute({
    operationId: 'getDigestSubscription',
    method: 'get', path: '/subscription', tags: ['reports'], security: signedIn,
    summary: 'Whether I get the digest by e-mail each morning',
    responses: { 200: json(subscriptionSchema, 'My setting'), 401: errors[401], 403: errors[403] },
  }),
  subscribe: createRoute({
    operationId: 'setDigestSubscription',
    method: 'put', path: '/subscription', tags: ['reports'], security: signedIn,
    summary: `Ask for (or stop) the morning digest e-mail, sent once a day with yesterday's digest. ${WHO}`,
    request: { body: jsonBody(subscriptionSchema) },
    responses: { 200: json(subscriptionSchema, 'My setting'), 400: errors[400], 401: errors[401], 403: errors[403] },
  }),
};

/** Who reads the digest: everyone who sees all teams, and the hub's listening officers. */
export function readsDigest(rt: Runtime, user: SessionUser): boolean {
  return seesAllTeams(user) || maysTriage(rt, user);
}

function reader(c: Context<AppEnv>): SessionUser {
  const user = requireUser(c);
  if (!readsDigest(c.get('rt'), user)) throw forbidden(`The digest is for the listening officers: ${WHO}`);
  return user;
}

/** `/api/digest`: the day's digest, and each person's morning e-mail setting. */
export function digestRoutes() {
  return newRouter()
    .openapi(routes.get, (c) => {
      reader(c);
      const rt = c.get('rt');
      const now = rt.clock.now();
      const { date = new Date(now).toISOString().slice(0, 10), format } = c.req.valid('query');
      const digest = digestReport(rt, date, now);
      if (format === 'csv') return c.body(toCsv(['section', 'key', 'count', 'detail'], digestRows(digest)), 200, csvHeaders(`baton-digest-${date}`)) as never;
      return c.json(digest, 200);
    })
    .openapi(routes.subscription, (c) => {
      const user = reader(c);
      const row = c.get('rt').db.select().from(digestSubscribers).where(eq(digestSubscribers.userId, user.id)).get();
      return c.json({ email: !!row }, 200);
    })
    .openapi(routes.subscribe, (c) => {
      const user = reader(c);
      const rt = c.get('rt');
      const { email } = c.req.valid('json');
      if (email) rt.db.insert(digestSubscribers).values({ userId: user.id, since: rt.clock.now() }).onConflictDoNothing().run();
      else rt.db.delete(digestSubscribers).where(eq(digestSubscribers.userId, user.id)).run();
      return c.json({ email }, 200);
    });
}
