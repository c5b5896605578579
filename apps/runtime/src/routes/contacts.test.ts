import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';

/** A complaint in care's queue, held by care1. */
async function heldByCare1() {
  const t = await testRuntime();
  const map = complaintMap({ crisis: undefined });
  map.nodes = map.nodes.map((n) => (n.id === 'care' ? { ...n, channel: 'offline' } : n)) as typeof map.nodes;
  const people = await withApprovedMap(t, map);
  const m = mention('my order arrived broken', { author: { handle: '@ana' } });
  const caseId = (await t.ingest('POST', '/api/mentions', m)).body.results[0].caseId as string;
  for (const item of ['Screenshot', 'Check CRM']) await people.hub('POST', `/api/cases/${caseId}/checklist`, { item });
  expect((await people.care1('POST', `/api/cases/${caseId}/claim`)).status).toBe(200);
  return { t, ...people, caseId, m };
}

describe('offline contacts', { timeout: 30_000 }, () => {
  it('logs a call on the case, keeps it waiting on the pass, and the customer still joins the thread', async () => {
    const { t, care1, care2, caseId, m } = await heldByCare1();
    const logged = await care1('POST', `/api/cases/${caseId}/contacts`, { kind: 'phone', summary: 'Called Ana; she wants a replacement', at: '2026-01-01T08:59:00Z' });
    expect(logged.status).toBe(201);
    expect(logged.body.contact).toMatchObject({ kind: 'phone', summary: 'Called Ana; she wants a replacement', outcome: null, node: 'care', author: care1.id, at: '2026-01-01T08:59:00.000Z' });
    const c = (await care2('GET', `/api/cases/${caseId}`)).body;
    expect(c).toMatchObject({ node: 'care', status: 'held' });
    expect(c.history.at(-1)).toMatchObject({ type: 'contact', actor: care1.id, data: { kind: 'phone', node: 'care' } });
    expect((await care2('GET', `/api/cases/${caseId}/contacts`)).body.contacts).toHaveLength(1);
    // The customer answers publicly afterwards: the post joins the case.
    const later = await t.ingest('POST', '/api/mentions', mention('thanks for the call!', { inReplyTo: m.id, author: { handle: '@ana' } }));
    expect(later.body.results[0]).toMatchObject({ status: 'attached', caseId });
  });

  it('a contact with an outcome is the outcome of the pass: the case goes on', async () => {
    const { care1, caseId } = await heldByCare1();
    const logged = await care1('POST', `/api/cases/${caseId}/contacts`, { kind: 'email', summary: 'Sent the refund form by e-mail', outcome: 'resolved' });
    expect(logged.status).toBe(201);
    const c = (await care1('GET', `/api/cases/${caseId}`)).body;
    expect(c).toMatchObject({ status: 'ended', endOutcome: 'resolved' });
    expect(c.history.map((h: { type: string }) => h.type)).toEqual(expect.arrayContaining(['contact', 'outcome']));
  });

  it('refuses others, bad input and unknown outcomes, and keeps nothing of them', async () => {
    const { t, care2, care1, hub, approver, caseId } = await heldByCare1();
    const held = await care2('POST', `/api/cases/${caseId}/contacts`, { kind: 'phone', summary: 'x' });
    expect(held.status).toBe(409);
    expect(held.body.error.code).toBe('CLAIMED');
    expect((await hub('POST', `/api/cases/${caseId}/contacts`, { kind: 'phone', summary: 'x' })).status).toBe(404);
    expect((await approver('POST', `/api/cases/${caseId}/contacts`, { kind: 'phone', summary: 'x' })).status).toBe(403);
    for (const body of [{ kind: 'fax', summary: 'x' }, { kind: 'phone', summary: ' ' }, { kind: 'phone' }, { kind: 'phone', summary: 'x', at: 'yesterday' }, { kind: 'phone', summary: 'x', at: '2027-01-01T00:00:00Z' }, { kind: 'phone', summary: 'x', extra: 1 }]) {
      expect((await care1('POST', `/api/cases/${caseId}/contacts`, body)).status, JSON.stringify(body)).toBe(400);
    }
    const unknown = await care1('POST', `/api/cases/${caseId}/contacts`, { kind: 'meeting', summary: 'Met at the shop', outcome: 'happy' });
    expect(unknown.status).toBe(422);
    expect((await care1('POST', '/api/cases/nope/contacts', { kind: 'dm', summary: 'x' })).status).toBe(404);
    expect(t.app.rt.db.$client.prepare('select count(*) n from care_contacts').get()).toEqual({ n: 0 });
  });
});
