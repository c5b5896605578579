import { createRoute, z } from '@hono/zod-openapi';
import { brandSchema } from '@baton/engine';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { audit } from '../audit.ts';
import { INGEST_PREFIX } from '../auth/authenticate.ts';
import { requireRole } from '../auth/guards.ts';
import { randomId, randomSecret, sha256 } from '../auth/secrets.ts';
import { apiTokens } from '../db/schema.ts';
import { notFound } from '../errors.ts';
import { iso } from '../clock.ts';
import { errors, idParam, json, jsonBody, newRouter, signedIn } from '../http/openapi.ts';

const tokenInfo = z.object({
  id: z.string(), name: z.string(), scope: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable(), revokedAt: z.string().nullable(),
  signed: z.boolean().openapi({ description: 'Requests must carry X-Baton-Timestamp and X-Baton-Signature (docs/api.md)' }),
  brand: z.string().nullable().openapi({ description: 'Mentions sent with this token that name no brand get this one' }),
});
const list = createRoute({
  operationId: 'listTokens',
  method: 'get', path: '/', tags: ['directory'], summary: 'Ingest tokens (admin; never the secrets)', security: signedIn,
  responses: { 200: json(z.object({ tokens: z.array(tokenInfo) }), 'Tokens'), 401: errors[401], 403: errors[403] },
});
const create = createRoute({
  operationId: 'createToken',
  method: 'post', path: '/', tags: ['directory'], summary: 'Create an ingest token (admin); the token is shown once', security: signedIn,
  request: { body: jsonBody(z.object({ name: z.string().min(1).max(200), scope: z.literal('ingest'), signed: z.boolean().optional(), brand: brandSchema.optional().openapi({ description: 'Given to every mention sent with this token that names no brand' }) })) },
  responses: { 201: json(z.object({ id: z.string(), token: z.string(), signingSecret: z.string().optional() }), 'Created (with `signed: true`, also the HMAC signing secret, shown once)'), 400: errors[400], 401: errors[401], 403: errors[403] },
});
const revoke = createRoute({
  operationId: 'revokeToken',
  method: 'delete', path: '/{id}', tags: ['directory'], summary: 'Revoke a token (admin)', security: signedIn,
  request: { params: idParam },
  responses: { 204: { description: 'Revoked' }, 401: errors[401], 403: errors[403], 404: errors[404] },
});

/** `/api/tokens`: revocable ingest tokens, stored as sha256. */
export function tokenRoutes() {
  return newRouter()
    .openapi(list, (c) => {
      requireRole(c, 'admin');
      const rows = c.get('rt').db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt)).all();
      return c.json({
        tokens: rows.map((t) => ({ id: t.id, name: t.name, scope: t.scope, createdAt: iso(t.createdAt)!, lastUsedAt: iso(t.lastUsedAt), revokedAt: iso(t.revokedAt), signed: t.signingSecret !== null, brand: t.brand })),
      }, 200);
    })
    .openapi(create, (c) => {
      const admin = requireRole(c, 'admin');
      const rt = c.get('rt');
      const { name, scope, signed, brand } = c.req.valid('json');
      const id = randomId('tok');
      const token = randomSecret(INGEST_PREFIX);
      const signingSecret = signed ? randomSecret('bsk_') : null;
      const now = rt.clock.now();
      rt.db.transaction((tx) => {
        tx.insert(apiTokens).values({ id, name, scope, tokenHash: sha256(token), signingSecret, brand: brand ?? null, createdBy: admin.id, createdAt: now }).run();
        audit(tx, now, { actor: admin.id, action: 'token.create', target: id, from: c.get('from'), data: { name, scope, signed: signed === true, ...(brand ? { brand } : {}) } });
      });
      return c.json({ id, token, ...(signingSecret ? { signingSecret } : {}) }, 201);
    })
    .openapi(revoke, (c) => {
      const admin = requireRole(c, 'admin');
      const rt = c.get('rt');
      const { id } = c.req.valid('param');
      const now = rt.clock.now();
      const res = rt.db.update(apiTokens).set({ revokedAt: now }).where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt))).run();
      if (res.changes === 0) throw notFound('Token');
      audit(rt.db, now, { actor: admin.id, action: 'token.revoke', target: id, from: c.get('from') });
      return c.body(null, 204);
    });
}
