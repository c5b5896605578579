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
    expect((await t.ingest('POST', '/api/mentions', Array.from({ length: 1001 }, () => mention('x')))).status).toBe(400);
    expect((await t.admin('GET', '/api/mentions/unrouted')).body.mentions).toHaveLength(0);
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
});
