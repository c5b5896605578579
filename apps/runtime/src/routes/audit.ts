import { createRoute, z } from '@hono/zod-openapi';
import { and, desc, eq, gte, like, lt, lte, type SQL } from 'drizzle-orm';
import { csvCell } from '../http/csv.ts';
import { audit } from '../audit.ts';
import { requireRole } from '../auth/guards.ts';
import { iso } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { auditLog, users } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import { errors, json, newRouter, signedIn } from '../http/openapi.ts';
import { anyObject } from '../http/schemas.ts';

const time = z.string().max(40).refine((s) => !Number.isNaN(Date.parse(s)), 'must be an ISO 8601 time').transform((s) => Date.parse(s));
const filters = z.object({
  actor: z.string().max(254).optional().openapi({ description: 'A user id or e-mail' }),
  action: z.string().max(64).optional().openapi({ description: 'An action such as session.login, or a prefix ending in * (map.*)' }),
  target: z.string().max(300).optional(),
  from: time.optional(),
  to: time.optional(),
  before: z.string().regex(/^\d{1,15}$/).transform(Number).optional().openapi({ description: 'Only entries with a smaller id (the `next` cursor)' }),
});
const entrySchema = z.object({
  id: z.number(), at: z.string(), actor: z.string().nullable(), actorEmail: z.string().nullable(), action: z.string(),
  target: z.string().nullable(), ip: z.string().nullable(), requestId: z.string().nullable(), data: anyObject.nullable(),
}).openapi('AuditEntry');

const list = createRoute({
  operationId: 'listAuditEntries',
  method: 'get', path: '/', tags: ['audit'], summary: 'The audit log, newest first (admin)', security: signedIn,
  description: 'Every sign-in (and failed one), claim, outcome, map decision, token change and directory change: who, when, from which address.',
  request: { query: filters.extend({ limit: z.string().regex(/^\d{1,4}$/).transform(Number).default(200) }) },
  responses: { 200: json(z.object({ entries: z.array(entrySchema), next: z.number().nullable() }), 'Entries'), 400: errors[400], 401: errors[401], 403: errors[403] },
});
const exportLog = createRoute({
  operationId: 'exportAuditLog',
  method: 'get', path: '/export', tags: ['audit'], summary: 'Download the audit log as CSV or NDJSON, oldest first (admin)', security: signedIn,
  request: { query: filters.extend({ format: z.enum(['csv', 'ndjson']).default('csv') }) },
  responses: {
    200: { description: 'The entries', content: { 'text/csv': { schema: z.string() }, 'application/x-ndjson': { schema: z.string() } } },
    400: errors[400], 401: errors[401], 403: errors[403],
  },
});

type Filters = z.infer<typeof filters>;

function where(db: Db, f: Filters): SQL | undefined {
  const w: SQL[] = [];
  if (f.actor) {
    const byEmail = db.select({ id: users.id }).from(users).where(eq(users.email, f.actor.trim().toLowerCase())).get();
    w.push(eq(auditLog.actor, byEmail?.id ?? f.actor));
  }
  if (f.action?.endsWith('*')) w.push(like(auditLog.action, f.action.slice(0, -1).replace(/[%_\\]/g, '\\$&') + '%'));
  else if (f.action) w.push(eq(auditLog.action, f.action));
  if (f.target) w.push(eq(auditLog.target, f.target));
  if (f.from !== undefined) w.push(gte(auditLog.at, f.from));
  if (f.to !== undefined) w.push(lte(auditLog.at, f.to));
  if (f.before !== undefined) w.push(lt(auditLog.id, f.before));
  return w.length ? and(...w) : undefined;
}

function entries(db: Db, f: Filters, newestFirst: boolean, limit: number) {
  const emails = new Map(db.select({ id: users.id, email: users.email }).from(users).all().map((u) => [u.id, u.email]));
  const rows = db.select().from(auditLog).where(where(db, f)).orderBy(newestFirst ? desc(auditLog.id) : auditLog.id).limit(limit).all();
  return rows.map((r) => ({
    id: r.id, at: iso(r.at)!, actor: r.actor, actorEmail: r.actor ? emails.get(r.actor) ?? null : null, action: r.action,
    target: r.target, ip: r.ip, requestId: r.requestId, data: r.data,
  }));
}

const CSV_COLUMNS = ['id', 'at', 'actor', 'actorEmail', 'action', 'target', 'ip', 'requestId', 'data'] as const;
/** Most entries one export holds; narrow with from/to for more. */
export const EXPORT_LIMIT = 100_000;

/** `/api/audit`: read and export the audit log (admin only). */
export function auditRoutes() {
  return newRouter()
    .openapi(list, (c) => {
      requireRole(c, 'admin');
      const { limit, ...f } = c.req.valid('query');
      const n = Math.min(Math.max(limit, 1), 1000);
      const rows = entries(c.get('rt').db, f, true, n);
      return c.json({ entries: rows, next: rows.length === n ? rows[rows.length - 1]!.id : null }, 200);
    })
    .openapi(exportLog, (c) => {
      const admin = requireRole(c, 'admin');
      const rt = c.get('rt');
      const { format, ...f } = c.req.valid('query');
      if (f.from !== undefined && f.to !== undefined && f.from > f.to) throw new ApiError(400, 'INVALID', '`from` is after `to`');
      const rows = entries(rt.db, f, false, EXPORT_LIMIT);
      audit(rt.db, rt.clock.now(), { actor: admin.id, action: 'audit.export', from: c.get('from'), data: { format, entries: rows.length } });
      const stamp = new Date(rt.clock.now()).toISOString().slice(0, 10);
      c.header('Content-Disposition', `attachment; filename="baton-audit-${stamp}.${format === 'csv' ? 'csv' : 'ndjson'}"`);
      c.header('Cache-Control', 'no-store');
      if (format === 'ndjson') {
        c.header('Content-Type', 'application/x-ndjson; charset=utf-8');
        return c.body(rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''), 200) as never;
      }
      c.header('Content-Type', 'text/csv; charset=utf-8');
      const lines = [CSV_COLUMNS.join(','), ...rows.map((r) => CSV_COLUMNS.map((k) => csvCell(r[k])).join(','))];
      return c.body(lines.join('\r\n') + '\r\n', 200) as never;
    });
}
