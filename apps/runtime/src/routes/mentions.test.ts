import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';

describe('POST /api/mentions', () => {
  it('routes, leaves unmatched mentions in the triage inbox, and answers duplicates without change', async () => {
    const t = await testRuntime();
    const { hub } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const a = mention('screen broken on arrival');
    const b = mention('love the new store');
    const first = await t.ingest('POST', '/api/mentions', [a, b]);
    expect(first.status).toBe(200);
    expect(first.body.results).toEqual([
      { id: a.id, status: 'routed', caseId: expect.stringMatching(/^case_/) },
      { id: b.id, status: 'unrouted' },
    ]);
    const again = await t.ingest('POST', '/api/mentions', [a, { ...b, text: 'changed text' }, a]);
    expect(again.body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const inbox = await hub('GET', '/api/mentions/unrouted');
    expect(inbox.body.mentions.map((m: { id: string; text: string }) => [m.id, m.text])).toEqual([[b.id, 'love the new store']]);
    expect((await t.admin('GET', '/api/cases')).body.cases).toHaveLength(1);
  });

  it('attaches replies whose thread reaches an open case, and starts none', async () => {
    const t = await testRuntime();
    await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const root = mention('broken kettle');
    const caseId = (await t.ingest('POST', '/api/mentions', root)).body.results[0].caseId;
    const reply = mention('still broken, any news?', { inReplyTo: root.id });
    const replyToReply = mention('hello??', { inReplyTo: reply.id });
    const res = await t.ingest('POST', '/api/mentions', [reply, replyToReply]);
    expect(res.body.results).toEqual([
      { id: reply.id, status: 'attached', caseId },
      { id: replyToReply.id, status: 'attached', caseId },
    ]);
    const c = (await t.admin('GET', `/api/cases/${caseId}`)).body;
    expect(c.thread.map((m: { id: string }) => m.id)).toEqual([reply.id, replyToReply.id]);
    expect((await t.admin('GET', '/api/cases')).body.cases).toHaveLength(1);
  });

  it('rejects a batch with one bad mention as a whole, naming the item and field', async () => {
    const t = await testRuntime();
    const bad = { ...mention('x'), network: 'myspace' };
    const res = await t.ingest('POST', '/api/mentions', [mention('fine'), bad]);
    expect(res.status).toBe(400);
    expect(res.body.error.details.issues[0].path).toBe('[1].network');
    expect((await t.admin('GET', '/api/mentions/unrouted')).body.mentions).toHaveLength(0);
  });

  it('refuses a batch of more than 1,000 mentions as too large (413), storing none of them', async () => {
    const t = await testRuntime();
    await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const res = await t.ingest('POST', '/api/mentions', Array.from({ length: 1001 }, (_, i) => mention(i % 2 ? 'broken' : 'hello')));
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'TOO_MANY', message: 'At most 1000 mentions per request (got 1001)' });
    expect((await t.admin('GET', '/api/mentions/unrouted')).body.mentions).toHaveLength(0);
    expect((await t.admin('GET', '/api/cases')).body.cases).toHaveLength(0);
    expect((await t.ingest('POST', '/api/mentions', Array.from({ length: 1000 }, () => mention('hello')))).status).toBe(200);
  });

  it('needs an ingest token; agents cannot post; bad JSON is 400, a huge body 413', async () => {
    const t = await testRuntime();
    const agent = await t.user('agent@example.test', ['agent']);
    expect((await t.anonymous('POST', '/api/mentions', mention('x'))).status).toBe(401);
    expect((await agent('POST', '/api/mentions', mention('x'))).status).toBe(403);
    const headers = { authorization: 'Bearer ingest-token-for-tests', 'content-type': 'application/json' };
    const badJson = await t.app.request('/api/mentions', { method: 'POST', headers, body: '{"id":' });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: { code: string } }).error.code).toBeTruthy();
    const huge = await t.app.request('/api/mentions', { method: 'POST', headers, body: JSON.stringify({ text: 'x'.repeat(11 * 1024 * 1024) }) });
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { error: { code: string } }).error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('ingests requests that arrive together in one commit, each exactly as if it came alone', async () => {
    const t = await testRuntime();
    await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const root = mention('screen broken on arrival');
    const reply = mention('any news?', { inReplyTo: root.id });
    const others = Array.from({ length: 20 }, (_, i) => mention(i % 2 ? 'kettle broken' : 'love the store'));
    let inserted = 0;
    t.app.rt.db.$client.function('count_insert', () => ++inserted);
    t.app.rt.db.$client.exec('create temp trigger count_mentions after insert on mentions begin select count_insert(); end');
    // All sent in the same turn: the root and, later in the same group, its reply and the root again.
    const sent = await Promise.all([root, ...others.slice(0, 10), reply, root, ...others.slice(10)].map((m) => t.ingest('POST', '/api/mentions', m)));
    expect(sent.every((r) => r.status === 200)).toBe(true);
    const caseId = sent[0]!.body.results[0].caseId;
    expect(sent[0]!.body.results).toEqual([{ id: root.id, status: 'routed', caseId: expect.stringMatching(/^case_/) }]);
    expect(sent[11]!.body.results).toEqual([{ id: reply.id, status: 'attached', caseId }]);
    expect(sent[12]!.body.results).toEqual([{ id: root.id, status: 'duplicate' }]);
    expect(sent.slice(1, 11).concat(sent.slice(13)).map((r) => r.body.results[0].status)).toEqual(others.map((_, i) => (i % 2 ? 'routed' : 'unrouted')));
    expect(inserted).toBe(22); // every mention stored once, the duplicate not again
    expect((await t.admin('GET', '/api/cases')).body.cases).toHaveLength(11);
  });

  it('when a shared commit fails, only the request that broke it fails; its neighbours are stored', async () => {
    const t = await testRuntime();
    await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const [a, bad, c] = [mention('screen broken'), mention('kettle broken'), mention('door broken')];
    // A real database failure for one mention (as a full disk or a constraint would be).
    t.app.rt.db.$client.exec(`create temp trigger refuse_one before insert on mentions when new.id = '${bad.id}' begin select raise(abort, 'refused'); end`);
    const [ra, rbad, rc] = await Promise.all([a, bad, c].map((m) => t.ingest('POST', '/api/mentions', m)));
    expect([ra!.status, rbad!.status, rc!.status]).toEqual([200, 500, 200]);
    expect(rbad!.body.error.code).toBe('INTERNAL');
    expect(JSON.stringify(rbad!.body)).not.toContain('refused'); // no internals to the caller
    const cases = (await t.admin('GET', '/api/cases')).body.cases as { mentionId: string }[];
    expect(cases.map((x) => x.mentionId).sort()).toEqual([a.id, c.id].sort()); // no half-written case for the failed one
  });

  it('over real HTTP: the body is read from the socket, its declared length and depth checked first', async () => {
    const t = await testRuntime({ config: { bodyLimit: 64 * 1024 } });
    await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((ok) => server.once('listening', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/mentions`;
    const headers = { authorization: 'Bearer ingest-token-for-tests', 'content-type': 'application/json' };
    try {
      const ok = await fetch(url, { method: 'POST', headers, body: JSON.stringify(mention('screen broken')) });
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { results: { status: string }[] }).results[0]!.status).toBe('routed');
      expect(ok.headers.get('x-request-id')).toMatch(/^[A-Za-z0-9_.:-]{8,64}$/);
      const big = await fetch(url, { method: 'POST', headers, body: JSON.stringify(mention('x'.repeat(70_000))) });
      expect([big.status, ((await big.json()) as { error: { code: string } }).error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
      const deep = await fetch(url, { method: 'POST', headers, body: '['.repeat(100) + ']'.repeat(100) });
      expect([deep.status, ((await deep.json()) as { error: { code: string } }).error.code]).toEqual([400, 'TOO_DEEP']);
      // Without a declared length (chunked), the limit holds while streaming.
      const chunks = new ReadableStream({ start(c) { for (let i = 0; i < 10; i++) c.enqueue(new TextEncoder().encode('x'.repeat(10_000))); c.close(); } });
      const chunked = await fetch(url, { method: 'POST', headers, body: chunks, duplex: 'half' } as RequestInit);
      expect(chunked.status).toBe(413);
    } finally {
      await new Promise((ok) => server.close(ok));
    }
  });
});
