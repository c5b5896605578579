import { createRoute, z } from '@hono/zod-openapi';
import { CONTACT_KINDS } from '@baton/engine';
import { requireUser } from '../auth/guards.ts';
import { contactsOf, logContact } from '../care/logContact.ts';
import { visibleCase } from '../cases/caseAccess.ts';
import { conflict, errors, idParam, json, jsonBody, newRouter, signedIn, unprocessable } from '../http/openapi.ts';

const contactSchema = z.object({
  id: z.number(), kind: z.enum(CONTACT_KINDS), summary: z.string(), outcome: z.string().nullable(),
  node: z.string().openapi({ description: 'The pass it was logged on' }), author: z.string(), at: z.string(), createdAt: z.string(),
}).openapi('OfflineContact');
const contactBody = z.object({
  kind: z.enum(CONTACT_KINDS).openapi({ description: 'phone | email | meeting | dm' }),
  summary: z.string().trim().min(1).max(5000),
  at: z.iso.datetime({ offset: true }).optional().openapi({ description: 'When the conversation took place (default: now)' }),
  outcome: z.string().min(1).max(64).optional().openapi({ description: "An outcome of the current pass: reported with the contact, the case goes on along that outcome's edge" }),
}).strict();

const routes = {
  log: createRoute({ operationId: 'logContact', method: 'post', path: '/{id}/contacts', tags: ['cases'], security: signedIn,
    summary: 'Log a conversation moved off the public network (phone, e-mail, meeting, DM); with `outcome`, the outcome of the current pass',
    request: { params: idParam, body: jsonBody(contactBody) },
    responses: { 201: json(z.object({ contact: contactSchema, contacts: z.array(contactSchema) }), 'Logged'), 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: conflict, 422: unprocessable } }),
  list: createRoute({ operationId: 'listContacts', method: 'get', path: '/{id}/contacts', tags: ['cases'], security: signedIn,
    summary: "A case's offline contacts, oldest first",
    request: { params: idParam },
    responses: { 200: json(z.object({ contacts: z.array(contactSchema) }), 'Contacts'), 401: errors[401], 404: errors[404] } }),
};

/** `/api/cases/{id}/contacts`: offline handoffs. */
export function contactRoutes() {
  return newRouter()
    .openapi(routes.log, (c) => {
      const rt = c.get('rt');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const contactId = logContact(rt, requireUser(c), id, { kind: body.kind, summary: body.summary, ...(body.at ? { at: Date.parse(body.at) } : {}), ...(body.outcome ? { outcome: body.outcome } : {}) }, c.get('from'));
      const contacts = contactsOf(rt.db, id);
      return c.json({ contact: contacts.find((k) => k.id === contactId)!, contacts }, 201);
    })
    .openapi(routes.list, (c) => {
      const rt = c.get('rt');
      const { id } = c.req.valid('param');
      visibleCase(rt.db, requireUser(c), id);
      return c.json({ contacts: contactsOf(rt.db, id) }, 200);
    });
}
