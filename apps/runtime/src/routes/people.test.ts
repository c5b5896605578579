import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';

/** A real receiver on 127.0.0.1 keeping each JSON body. */
async function receiver() {
  const got: Record<string, unknown>[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      got.push(JSON.parse(body));
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/crm`, got, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

/** Ana complains on twitter (a case care1 resolves with a reply, a note and a phone call), and again on mastodon as another handle. */
async function anasRecord() {
  const t = await testRuntime();
  const people = await withApprovedMap(t, complaintMap({ crisis: undefined }));
  const hook = await receiver();
  expect((await t.admin('POST', '/api/webhooks/interactions', { url: hook.url })).status).toBe(201);
  const first = mention('My order arrived broken', { author: { handle: '@Ana', name: 'Ana Lima', followers: 1200 } });
  const caseId = (await t.ingest('POST', '/api/mentions', first)).body.results[0].caseId as string;
  for (const item of ['Screenshot', 'Check CRM']) await people.hub('POST', `/api/cases/${caseId}/checklist`, { item });
  t.advance(60_000);
  await people.care1('POST', `/api/cases/${caseId}/claim`);
  await people.care1('POST', `/api/cases/${caseId}/replies`, { text: 'Sorry Ana, we will call you', sentElsewhere: true });
  await people.care1('POST', `/api/cases/${caseId}/notes`, { text: 'Ana prefers calls after 5pm' });
  t.advance(60_000);
  const call = await people.care1('POST', `/api/cases/${caseId}/contacts`, { kind: 'phone', summary: 'Called Ana, a new parcel goes out today', outcome: 'resolved' });
  expect(call.status, JSON.stringify(call.body)).toBe(201);
  t.advance(60_000);
  const other = mention('refund still not here', { network: 'mastodon', author: { handle: '@ana@social.example', followers: 90 } });
  const otherCase = (await t.ingest('POST', '/api/mentions', other)).body.results[0].caseId as string;
  await t.app.outbox.deliverDue();
  return { t, ...people, caseId, otherCase, first, other, hook };
}

describe("the customer's record", { timeout: 30_000 }, () => {
  it('shows a mention that started no case only to those who work the triage inbox', async () => {
    const t = await testRuntime();
    const { hub, care1, approver, manager } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const quiet = mention('love the new store', { author: { handle: '@sky' } });
    expect((await t.ingest('POST', '/api/mentions', quiet)).body.results[0].status).toBe('unrouted');
    for (const reader of [hub, manager]) {
      const seen = await reader('GET', '/api/people/twitter/sky');
      expect(seen.status).toBe(200);
      expect(seen.body.interactions.map((i: { mentionId?: string }) => i.mentionId)).toEqual([quiet.id]);
    }
    // Not the hub: the triage inbox is 403 for them, so the person's record does not show it either.
    for (const reader of [care1, approver]) {
      expect((await reader('GET', '/api/mentions/unrouted')).status).toBe(403);
      expect((await reader('GET', '/api/people/twitter/sky')).status).toBe(404);
      expect((await reader('GET', '/api/people/twitter/sky/export?format=json')).status).toBe(404);
    }
  });

  it('lists every mention, case, reply, note, outcome and contact in time order, with or without the @', async () => {
    const { manager, caseId, first, hook } = await anasRecord();
    const res = await manager('GET', '/api/people/twitter/ana');
    expect(res.status).toBe(200);
    expect(res.body.person).toMatchObject({ network: 'twitter', handle: '@Ana', name: 'Ana Lima', followers: 1200, networks: ['twitter'], counts: { mentions: 1, cases: 1, replies: 1, notes: 1, outcomes: 1, contacts: 1 } });
    expect(res.body.interactions.map((i: { kind: string }) => i.kind)).toEqual(['mention', 'case', 'reply', 'note', 'outcome', 'contact']);
    expect(res.body.interactions[0]).toMatchObject({ kind: 'mention', caseId, mentionId: first.id, text: 'My order arrived broken', by: '@Ana' });
    expect(res.body.interactions[5]).toMatchObject({ kind: 'contact', contactKind: 'phone', outcome: 'resolved', by: 'care1' });
    expect((await manager('GET', '/api/people/twitter/%40ANA')).body.interactions).toHaveLength(6);
    expect((await manager('GET', '/api/people/twitter/nobody')).status).toBe(404);
    expect((await manager('GET', '/api/people/myspace/ana')).status).toBe(400);
    // The sup team sees none of care's cases: nothing of Ana's record.
    const { sup } = await anasRecord();
    expect((await sup('GET', '/api/people/twitter/ana')).status).toBe(404);
    // Every interaction went to the CRM, signed, as a baton.interaction.
    const kinds = hook.got.filter((b) => b.type === 'baton.interaction').map((b) => b.interaction);
    expect(kinds).toEqual(['mention', 'reply', 'note', 'contact', 'outcome', 'mention']);
    expect(hook.got[0]).toMatchObject({ type: 'baton.interaction', caseId, person: { network: 'twitter', handle: '@Ana' }, text: 'My order arrived broken' });
    expect(hook.got.find((b) => b.interaction === 'outcome')).toMatchObject({ outcome: 'resolved', person: { handle: '@Ana' } });
    await hook.close();
  });

  it('joins handles as one person, and exports the record as CSV and JSON', async () => {
    const { t, care1, manager, hook } = await anasRecord();
    const linked = await care1('POST', '/api/people/link', { handles: [{ network: 'twitter', handle: '@ana' }, { network: 'mastodon', handle: '@ana@social.example' }] });
    expect(linked.status).toBe(200);
    const rec = (await manager('GET', '/api/people/mastodon/ana@social.example')).body;
    expect(rec.person.networks).toEqual(['mastodon', 'twitter']);
    expect(rec.person.handles).toEqual([{ network: 'mastodon', handle: '@ana@social.example' }, { network: 'twitter', handle: '@Ana' }]);
    expect(rec.person.counts).toMatchObject({ mentions: 2, cases: 2 });
    expect((await care1('POST', '/api/people/link', { handles: [{ network: 'twitter', handle: '@ana' }] })).status).toBe(400);
    expect(t.app.rt.db.$client.prepare("select count(*) n from audit_log where action = 'person.link'").get()).toEqual({ n: 1 });
    const csv = await t.app.request('/api/people/twitter/ana/export?format=csv', { headers: { authorization: (await tokenOf(t, 'manager@example.test')) } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain('attachment');
    const lines = (await csv.text()).trim().split('\r\n');
    expect(lines[0]).toBe('at,kind,network,by,caseId,mentionId,status,outcome,contactKind,url,text');
    expect(lines).toHaveLength(1 + rec.interactions.length);
    expect(lines.some((l) => l.includes('Called Ana, a new parcel goes out today'))).toBe(true);
    const json = await manager('GET', '/api/people/twitter/ana/export?format=json');
    expect(json.body.interactions).toHaveLength(rec.interactions.length);
    await hook.close();
  });

  it('lets an admin erase a person: text and handle gone everywhere, counts kept, audited', async () => {
    const { t, care1, manager, caseId, hook } = await anasRecord();
    await care1('POST', '/api/people/link', { handles: [{ network: 'twitter', handle: '@ana' }, { network: 'mastodon', handle: '@ana@social.example' }] });
    expect((await manager('DELETE', '/api/people/twitter/ana')).status).toBe(403);
    const before = (await t.admin('GET', '/api/reports/summary?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z')).body;
    const erased = await t.admin('DELETE', '/api/people/twitter/@ana');
    expect(erased.status).toBe(200);
    expect(erased.body.erased).toMatchObject({ mentions: 2, cases: 2, replies: 1, notes: 1, contacts: 1, handles: 2 });
    expect((await manager('GET', '/api/people/twitter/ana')).status).toBe(404);
    expect((await manager('GET', '/api/people/mastodon/ana@social.example')).status).toBe(404);
    for (const word of ['broken', 'Ana', 'parcel', 'calls']) expect((await manager('GET', `/api/cases?q=${word}`)).body.items, word).toEqual([]);
    const c = (await manager('GET', `/api/cases/${caseId}`)).body;
    expect(c.mention).toMatchObject({ text: '[erased]', author: { handle: '[erased]', followers: 1200 } });
    expect(JSON.stringify(c)).not.toMatch(/Ana|broken|parcel/i);
    const dump = JSON.stringify(t.app.rt.db.$client.prepare("select * from mentions").all()) + JSON.stringify(t.app.rt.db.$client.prepare("select * from care_text").all())
      + JSON.stringify(t.app.rt.db.$client.prepare("select * from outbox").all()) + JSON.stringify(t.app.rt.db.$client.prepare("select * from case_events").all());
    expect(dump).not.toMatch(/Ana Lima|@ana|arrived broken|parcel goes out/i);
    const after = (await t.admin('GET', '/api/reports/summary?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z')).body;
    expect(after.mentions).toEqual(before.mentions);
    expect(after.cases).toEqual(before.cases);
    const audit = t.app.rt.db.$client.prepare("select actor, target, data from audit_log where action = 'person.erase'").all() as { target: string; data: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]!.target).toMatch(/^person:twitter:[0-9a-f]{16}$/);
    expect(audit[0]!.data).not.toMatch(/ana/i);
    await hook.close();
  });
});

/** The bearer header of a person (for a raw request that reads a file). */
async function tokenOf(t: Awaited<ReturnType<typeof testRuntime>>, email: string): Promise<string> {
  const res = await t.anonymous('POST', '/api/session', { email, password: 'correct horse battery' });
  return `Bearer ${res.body.token}`;
}
