import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';

/** A complaint whose action drafts a reply, passed on to care and claimed by care1. */
async function heldByCare1() {
  const t = await testRuntime();
  const map = complaintMap({ crisis: undefined });
  map.nodes = map.nodes.map((n) => (n.id === 'a' ? { ...n, do: [{ tag: 'complaint' }, { reply: 'Hi {author.name} ({author.handle}), sorry! Ref {case.id}' }] } : n));
  const people = await withApprovedMap(t, map);
  const m = mention('my order arrived broken', { author: { handle: '@ana', name: 'Ana' } });
  const caseId = (await t.ingest('POST', '/api/mentions', m)).body.results[0].caseId as string;
  for (const item of ['Screenshot', 'Check CRM']) await people.hub('POST', `/api/cases/${caseId}/checklist`, { item });
  expect((await people.care1('POST', `/api/cases/${caseId}/claim`)).status).toBe(200);
  const outbox = () => t.app.rt.db.$client.prepare("select id, attempts, failed_at, delivered_at, last_error from outbox where kind = 'reply'").all() as
    { id: number; attempts: number; failed_at: number | null; delivered_at: number | null; last_error: string | null }[];
  return { t, ...people, caseId, mentionId: m.id, outbox };
}

describe('replies to the customer', { timeout: 20_000 }, () => {
  it('only the holder replies: others get a clear 409, 403 or 404, and the reply shows queued in the thread', async () => {
    const { t, hub, care1, care2, approver, caseId, mentionId } = await heldByCare1();
    const other = await care2('POST', `/api/cases/${caseId}/replies`, { text: 'Hello' });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'CLAIMED', details: { holder: care1.id } });
    expect(other.body.error.message).toContain('care1');
    // The hub is not in care: another team's case is 404, as a missing one (its existence is not disclosed).
    expect((await hub('POST', `/api/cases/${caseId}/replies`, { text: 'Hello' })).status).toBe(404);
    expect((await approver('POST', `/api/cases/${caseId}/replies`, { text: 'Hello' })).status).toBe(403);

    const sent = await care1('POST', `/api/cases/${caseId}/replies`, { text: 'Sorry Ana, a new one is on its way.' });
    expect(sent.status).toBe(202);
    expect(sent.body).toEqual({ id: expect.any(String), status: 'queued' });
    const c = (await care2('GET', `/api/cases/${caseId}`)).body;
    expect(c.replies).toEqual([expect.objectContaining({
      id: sent.body.id, inReplyTo: mentionId, network: 'twitter', author: care1.id, authorName: 'care1',
      text: 'Sorry Ana, a new one is on its way.', status: 'queued', sentElsewhere: false, networkId: null, url: null,
    })]);
    expect(c.replyChannel).toBeNull();
    expect(c.history.at(-1)).toMatchObject({ type: 'reply', actor: care1.id, data: { replyId: sent.body.id, inReplyTo: mentionId } });

    await care1('POST', `/api/cases/${caseId}/release`);
    const nobody = await care2('POST', `/api/cases/${caseId}/replies`, { text: 'Hello' });
    expect(nobody.status).toBe(409);
    expect(nobody.body.error.code).toBe('NOT_HOLDER');
    expect(t.app.rt.db.$client.prepare('select count(*) n from replies').get()).toEqual({ n: 1 });
  });

  it('refuses bad input and keeps nothing of it', async () => {
    const { t, care1, caseId } = await heldByCare1();
    for (const body of [{ text: '' }, { text: ' ' }, { text: 'x'.repeat(5001) }, { text: 'hi', url: 'https://blog.example/c/1' }, { text: 'hi', sentElsewhere: true, url: 'javascript:alert(1)' }, { text: 'hi', extra: 1 }]) {
      const res = await care1('POST', `/api/cases/${caseId}/replies`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const stranger = await care1('POST', `/api/cases/${caseId}/replies`, { text: 'hi', inReplyTo: 'twitter:not-in-this-thread' });
    expect(stranger.status).toBe(422);
    expect(stranger.body.error.code).toBe('NOT_IN_THREAD');
    expect((await care1('POST', '/api/cases/no-such-case/replies', { text: 'hi' })).status).toBe(404);
    expect(t.app.rt.db.$client.prepare('select count(*) n from replies').get()).toEqual({ n: 0 });
  });

  it('answers the customer’s latest post by default', async () => {
    const { t, care1, caseId, mentionId } = await heldByCare1();
    const later = mention('still waiting', { author: { handle: '@ana' }, inReplyTo: mentionId, createdAt: '2026-01-01T09:05:00Z' });
    const bystander = mention('me too', { author: { handle: '@bo' }, inReplyTo: later.id, createdAt: '2026-01-01T09:06:00Z' });
    expect((await t.ingest('POST', '/api/mentions', [later, bystander])).body.results.map((r: { status: string }) => r.status)).toEqual(['attached', 'attached']);
    expect((await care1('GET', `/api/cases/${caseId}`)).body.replyTo).toBe(later.id);
    const id = (await care1('POST', `/api/cases/${caseId}/replies`, { text: 'On it' })).body.id;
    const toBo = (await care1('POST', `/api/cases/${caseId}/replies`, { text: 'Hi Bo', inReplyTo: bystander.id })).body.id;
    const replies = (await care1('GET', `/api/cases/${caseId}`)).body.replies as { id: string; inReplyTo: string }[];
    expect(replies.map((r) => [r.id, r.inReplyTo])).toEqual([[id, later.id], [toBo, bystander.id]]);
  });

  it('queued → failed with the reason → retried by the holder (or an admin), never by anyone else', async () => {
    const { t, care1, care2, caseId, mentionId, outbox } = await heldByCare1();
    const { id } = (await care1('POST', `/api/cases/${caseId}/replies`, { text: 'We are sorry' })).body;
    const events: { type: string; data: Record<string, unknown>; teams?: string[] }[] = [];
    const off = t.app.rt.bus.subscribe((e) => events.push(e));
    expect(await t.app.outbox.deliverDue()).toBe(0);
    off();
    expect(events).toContainEqual(expect.objectContaining({ type: 'case', teams: ['care'], data: expect.objectContaining({ id: caseId, reply: { id, status: 'failed' } }) }));
    let c = (await care1('GET', `/api/cases/${caseId}`)).body;
    expect(c.replies[0]).toMatchObject({ id, status: 'failed', error: `No source can post a reply to ${mentionId}` });
    expect(c.history.at(-1)).toMatchObject({ type: 'reply.failed', actor: null, data: { replyId: id } });
    expect(outbox()).toEqual([expect.objectContaining({ attempts: 1, delivered_at: null, last_error: `No source can post a reply to ${mentionId}` })]);
    expect(outbox()[0]!.failed_at).not.toBeNull();

    const stranger = await care2('POST', `/api/cases/${caseId}/replies/${id}/retry`);
    expect(stranger.status).toBe(409);
    expect((await care1('POST', `/api/cases/${caseId}/replies/nope/retry`)).status).toBe(404);
    const again = await care1('POST', `/api/cases/${caseId}/replies/${id}/retry`);
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ id, status: 'queued' });
    expect((await care1('POST', `/api/cases/${caseId}/replies/${id}/retry`)).body.error.code).toBe('NOT_FAILED');
    c = (await care1('GET', `/api/cases/${caseId}`)).body;
    expect(c.replies[0]).toMatchObject({ status: 'queued', error: null });
    expect(outbox()[0]).toMatchObject({ attempts: 0, failed_at: null });

    await t.app.outbox.deliverDue();
    expect((await care1('GET', `/api/cases/${caseId}`)).body.replies[0].status).toBe('failed');
    expect((await t.admin('POST', `/api/cases/${caseId}/replies/${id}/retry`)).status).toBe(202);
    const audited = t.app.rt.db.$client.prepare("select actor from audit_log where action = 'reply.retry'").all();
    expect(audited).toEqual([{ actor: care1.id }, { actor: expect.any(String) }]);
  });

  it('records a reply sent elsewhere as sent, with its link, and posts nothing', async () => {
    const { t, care1, caseId, outbox } = await heldByCare1();
    const res = await care1('POST', `/api/cases/${caseId}/replies`, { text: 'Answered on the review site', sentElsewhere: true, url: 'https://reviews.example/r/1#reply' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), status: 'sent' });
    const c = (await care1('GET', `/api/cases/${caseId}`)).body;
    expect(c.replies[0]).toMatchObject({ status: 'sent', sentElsewhere: true, url: 'https://reviews.example/r/1#reply', sentAt: expect.any(String) });
    expect(outbox()).toEqual([]);
    await t.app.outbox.deliverDue();
    expect((await care1('GET', `/api/cases/${caseId}`)).body.replies[0].status).toBe('sent');
  });

  it("a map's reply effect drafts a filled-in reply for the holder and posts nothing", async () => {
    const { t, care1, caseId, outbox } = await heldByCare1();
    const c = (await care1('GET', `/api/cases/${caseId}`)).body;
    expect(c.replyDraft).toEqual({ text: `Hi Ana (@ana), sorry! Ref ${caseId}`, node: 'a', at: expect.any(String) });
    expect(c.replies).toEqual([]);
    expect(c.history.map((h: { type: string }) => h.type)).toContain('reply.drafted');
    await t.app.outbox.deliverDue();
    expect(outbox()).toEqual([]);
  });
});

describe('canned replies', { timeout: 20_000 }, () => {
  it('members read their team’s, managers and admins write, others are refused', async () => {
    const { t, manager, care1, hub } = await heldByCare1();
    const made = await manager('POST', '/api/teams/care/replies', { title: 'Apology', text: 'Sorry {author.name}, we are on it.' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ teamId: 'care', title: 'Apology', text: 'Sorry {author.name}, we are on it.' });
    expect((await care1('POST', '/api/teams/care/replies', { title: 'Mine', text: 'x' })).status).toBe(403);
    expect((await manager('POST', '/api/teams/care/replies', { title: '', text: 'x' })).status).toBe(400);
    expect((await manager('POST', '/api/teams/nope/replies', { title: 'A', text: 'x' })).status).toBe(404);
    expect((await care1('GET', '/api/teams/care/replies')).body.replies.map((r: { title: string }) => r.title)).toEqual(['Apology']);
    expect((await hub('GET', '/api/teams/care/replies')).status).toBe(403);
    expect((await care1('DELETE', `/api/teams/care/replies/${made.body.id}`)).status).toBe(403);
    expect((await t.admin('DELETE', `/api/teams/care/replies/${made.body.id}`)).status).toBe(204);
    expect((await t.admin('DELETE', `/api/teams/care/replies/${made.body.id}`)).status).toBe(404);
    expect((await care1('GET', '/api/teams/care/replies')).body.replies).toEqual([]);
  });
});
