import { createRoute, z } from '@hono/zod-openapi';
import { NETWORKS, personHandleSchema } from '@baton/engine';
import { requireRole, requireUser } from '../auth/guards.ts';
import { audit } from '../audit.ts';
import { erasePerson } from '../care/erasePerson.ts';
import { linkHandles } from '../care/personHandles.ts';
import { personRecord, recordCsv } from '../care/personRecord.ts';
import { write } from '../cases/write.ts';
import { maysTriage } from '../cases/triage.ts';
import { errors, json, jsonBody, newRouter, signedIn } from '../http/openapi.ts';

const personParams = z.object({
  network: z.enum(NETWORKS).openapi({ param: { name: 'network', in: 'path' } }),
  handle: z.string().min(1).max(256).openapi({ param: { name: 'handle', in: 'path' }, description: 'With or without its @' }),
});
const interactionSchema = z.object({
  at: z.string(), kind: z.enum(['mention', 'case', 'reply', 'note', 'outcome', 'contact']),
  caseId: z.string().nullable(), network: z.string().nullable(),
  by: z.string().nullable().openapi({ description: "The customer's handle for a mention, else the colleague's name (null: Baton)" }),
  text: z.string().nullable(), mentionId: z.string().optional(), url: z.string().nullable().optional(), status: z.string().optional(),
  outcome: z.string().nullable().optional(), contactKind: z.string().optional(), mapId: z.string().optional(), brand: z.string().nullable().optional(),
}).openapi('Interaction');
const recordSchema = z.object({
  person: z.object({
    network: z.string(), handle: z.string(), name: z.string().nullable(), followers: z.number().nullable().openapi({ description: 'As their latest mention gave it' }),
    networks: z.array(z.string()), handles: z.array(z.object({ network: z.string(), handle: z.string() })).openapi({ description: 'Every handle joined as this person' }),
    firstSeen: z.string(), lastSeen: z.string(),
    counts: z.object({ mentions: z.number(), cases: z.number(), replies: z.number(), notes: z.number(), outcomes: z.number(), contacts: z.number() }),
  }),
  interactions: z.array(interactionSchema).openapi({ description: 'Oldest first' }),
}).openapi('PersonRecord');

const routes = {
  get: createRoute({ operationId: 'getPerson', method: 'get', path: '/{network}/{handle}', tags: ['people'], security: signedIn,
    summary: "A customer's record: every mention, case, reply, note, outcome and offline contact in time order, across their joined handles and the cases you may see",
    request: { params: personParams },
    responses: { 200: json(recordSchema, 'The record'), 400: errors[400], 401: errors[401], 404: errors[404] } }),
  export: createRoute({ operationId: 'exportPerson', method: 'get', path: '/{network}/{handle}/export', tags: ['people'], security: signedIn,
    summary: "A customer's record as a file to download: `format=csv` (one interaction a row) or `json` (as `getPerson`)",
    request: { params: personParams, query: z.object({ format: z.enum(['csv', 'json']).default('json') }) },
    responses: { 200: { description: 'The record as a file', content: { 'text/csv': { schema: z.string() }, 'application/json': { schema: recordSchema } } }, 400: errors[400], 401: errors[401], 404: errors[404] } }),
  link: createRoute({ operationId: 'linkPeople', method: 'post', path: '/link', tags: ['people'], security: signedIn,
    summary: 'Join handles of one person (two or more; handles already joined to any of them come along); agents, managers and admins',
    request: { body: jsonBody(z.object({ handles: z.array(personHandleSchema).min(2).max(20) }).strict()) },
    responses: { 200: json(z.object({ personId: z.string(), handles: z.array(z.object({ network: z.string(), handle: z.string() })) }), 'Joined'), 400: errors[400], 401: errors[401], 403: errors[403] } }),
  erase: createRoute({ operationId: 'erasePerson', method: 'delete', path: '/{network}/{handle}', tags: ['people'], security: signedIn,
    summary: "Erase a person (admin): their text and handle everywhere, every joined handle too; counts are kept; audited",
    request: { params: personParams },
    responses: { 200: json(z.object({ erased: z.object({ mentions: z.number(), cases: z.number(), replies: z.number(), notes: z.number(), contacts: z.number(), handles: z.number() }) }), 'Erased'), 401: errors[401], 403: errors[403], 404: errors[404] } }),
};

/** `/api/people`: the customer's record, its export, joined handles, and erasure. */
export function peopleRoutes() {
  return newRouter()
    .openapi(routes.link, (c) => {
      const user = requireRole(c, 'agent', 'manager', 'admin');
      const rt = c.get('rt');
      const { handles } = c.req.valid('json');
      const linked = write(rt, (w) => {
        const result = linkHandles(rt.db, handles, user.id, w.now);
        audit(rt.db, w.now, { actor: user.id, action: 'person.link', target: result.personId, from: c.get('from'), data: { handles: result.handles } });
        return result;
      });
      return c.json({ personId: linked.personId, handles: linked.handles.map((h) => ({ network: h.network, handle: h.key })) }, 200);
    })
    .openapi(routes.export, (c) => {
      const { network, handle } = c.req.valid('param');
      const record = personRecord(c.get('rt').db, requireUser(c), network, handle, { seesTriage: maysTriage(c.get('rt'), requireUser(c)) });
      const file = `baton-${network}-${handle.replace(/^@+/, '').replace(/[^A-Za-z0-9_.-]/g, '_')}`;
      if (c.req.valid('query').format === 'csv') {
        return c.body(recordCsv(record.interactions), 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${file}.csv"` });
      }
      c.header('content-disposition', `attachment; filename="${file}.json"`);
      return c.json(record, 200);
    })
    .openapi(routes.get, (c) => {
      const { network, handle } = c.req.valid('param');
      return c.json(personRecord(c.get('rt').db, requireUser(c), network, handle, { seesTriage: maysTriage(c.get('rt'), requireUser(c)) }), 200);
    })
    .openapi(routes.erase, (c) => {
      const user = requireRole(c, 'admin');
      const { network, handle } = c.req.valid('param');
      return c.json({ erased: erasePerson(c.get('rt'), user.id, network, handle, c.get('from')) }, 200);
    });
}
