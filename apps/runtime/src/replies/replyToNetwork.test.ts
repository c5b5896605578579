import { afterEach, describe, expect, it } from 'vitest';
import { FakeJetstream } from '../../../../test/fakes/fakeJetstream.ts';
import { FakeMastodon } from '../../../../test/fakes/fakeMastodon.ts';
import { mentions } from '../db/schema.ts';
import { waitFor } from '../sources/waitFor.ts';
import { complaintMap } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap, type TestRuntime } from '../testing/testApp.ts';

/**
 * Sources and replies together: a mention read from a (fake) network routes to a case, the holder
 * replies from the case, and the outbox posts it in the thread over the source's account.
 */
const fast = { backoff: { baseMs: 10, maxMs: 40, failAfter: 3 } };
let t: TestRuntime;
const fakes: { stop(): Promise<void> }[] = [];

afterEach(async () => {
  await t?.app.sources.stop();
  for (const f of fakes.splice(0)) await f.stop();
});

const stored = () => t.app.rt.db.select().from(mentions).all();

/** The approved complaint map (no crisis webhooks), and the case of mention `mentionId` passed to care and claimed by care1. */
async function claimedByCare1(people: Awaited<ReturnType<typeof withApprovedMap>>, mentionId: string) {
  const m = await waitFor(`${mentionId} routed`, () => stored().find((x) => x.id === mentionId && x.caseId));
  const caseId = m.caseId!;
  for (const item of ['Screenshot', 'Check CRM']) await people.hub('POST', `/api/cases/${caseId}/checklist`, { item });
  expect((await people.care1('POST', `/api/cases/${caseId}/claim`)).status).toBe(200);
  return caseId;
}

describe('replies posted through a source', () => {
  it('Mastodon: the reply reaches the instance in the thread and shows sent with its link; a refused one shows failed with the reason, then Retry sends it', async () => {
    const fake = await new FakeMastodon().start();
    fakes.push(fake);
    t = await testRuntime({ sources: fast });
    const people = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    t.app.sources.start();
    const src = await t.admin('POST', '/api/sources', { kind: 'mastodon', name: 'Acme on Mastodon', brand: 'acme', settings: { instance: fake.url }, secrets: { accessToken: fake.accessToken } });
    expect(src.status).toBe(201);
    await waitFor('the stream', () => fake.liveConnections === 1);

    const ana = { acct: 'ana@social.example', display_name: 'Ana Ruiz', followers_count: 1200 };
    const status = fake.post(ana, 'My kettle arrived broken', { mention: true });
    const caseId = await claimedByCare1(people, `mastodon:${status}`);

    let c = (await people.care1('GET', `/api/cases/${caseId}`)).body;
    expect(c.replyChannel).toBe('mastodon');
    expect(c.replyTo).toBe(`mastodon:${status}`);

    const res = await people.care1('POST', `/api/cases/${caseId}/replies`, { text: '@ana@social.example Sorry! A new kettle is on its way.' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ id: expect.any(String), status: 'queued' });
    expect(await t.app.outbox.deliverDue()).toBe(1);

    expect(fake.posted).toEqual([{ status: '@ana@social.example Sorry! A new kettle is on its way.', in_reply_to_id: status, token: fake.accessToken, visibility: 'public' }]);
    c = (await people.care1('GET', `/api/cases/${caseId}`)).body;
    expect(c.replies).toEqual([expect.objectContaining({ id: res.body.id, inReplyTo: `mastodon:${status}`, network: 'mastodon', status: 'sent', error: null, networkId: expect.stringMatching(/^\d+$/), sentAt: expect.any(String) })]);
    expect(c.replies[0].url).toBe(`${fake.url}/@acme/${c.replies[0].networkId}`);
    expect(c.history.map((h: { type: string }) => h.type)).toEqual(expect.arrayContaining(['reply', 'reply.sent']));

    // Our own reply comes back on the stream: it is not read as a new mention.
    expect(stored().map((m) => m.id)).toEqual([`mastodon:${status}`]);

    fake.refuseReplies(422, 'Validation failed: Text character limit of 500 exceeded');
    const long = await people.care1('POST', `/api/cases/${caseId}/replies`, { text: 'x'.repeat(600) });
    expect(long.status).toBe(202);
    await t.app.outbox.deliverDue();
    c = (await people.care1('GET', `/api/cases/${caseId}`)).body;
    const failed = c.replies.find((r: { id: string }) => r.id === long.body.id);
    expect(failed).toMatchObject({ status: 'failed', networkId: null, url: null });
    expect(failed.error).toMatch(/HTTP 422.*Text character limit of 500 exceeded/);
    expect(fake.posted).toHaveLength(1);

    fake.acceptReplies();
    expect((await people.care1('POST', `/api/cases/${caseId}/replies/${long.body.id}/retry`)).status).toBe(202);
    expect(await t.app.outbox.deliverDue()).toBe(1);
    c = (await people.care1('GET', `/api/cases/${caseId}`)).body;
    expect(c.replies.find((r: { id: string }) => r.id === long.body.id)).toMatchObject({ status: 'sent', error: null, networkId: expect.stringMatching(/^\d+$/) });
    expect(fake.posted.map((p) => p.in_reply_to_id)).toEqual([status, status]);
    // It did not name the customer: Baton put her handle in front so that Mastodon tells her, and the thread shows what was posted.
    expect(fake.posted[1]!.status).toBe(`@ana@social.example ${'x'.repeat(600)}`);
    expect(c.replies.find((r: { id: string }) => r.id === long.body.id).text).toBe(`@ana@social.example ${'x'.repeat(600)}`);

    // The customer answers Baton's reply (not her own post): it joins the case, it opens no new one.
    const answer = fake.post(ana, 'Thanks, but the lid is broken too', { mention: true, inReplyTo: c.replies[0].networkId });
    const attached = await waitFor('the answer', () => stored().find((m) => m.id === `mastodon:${answer}`));
    expect(attached).toMatchObject({ status: 'attached', caseId });
    expect((await people.care1('GET', `/api/cases/${caseId}`)).body.replyTo).toBe(`mastodon:${answer}`);

    // A direct message gets a direct answer, never a public one.
    const dm = fake.post({ acct: 'bo', display_name: 'Bo', followers_count: 7 }, 'My order number 4411 arrived broken', { mention: true, visibility: 'direct' });
    const dmCase = await claimedByCare1(people, `mastodon:${dm}`);
    expect((await people.care1('POST', `/api/cases/${dmCase}/replies`, { text: 'Sorry Bo, we will send a new one.' })).status).toBe(202);
    expect(await t.app.outbox.deliverDue()).toBe(1);
    expect(fake.posted.at(-1)).toEqual({ status: '@bo Sorry Bo, we will send a new one.', in_reply_to_id: dm, token: fake.accessToken, visibility: 'direct' });
  });

  it('Bluesky: a reply to the customer’s reply names the thread’s root and that parent (uri and cid), and shows sent', async () => {
    const fake = await new FakeJetstream().start();
    fakes.push(fake);
    const ana = fake.user({ did: 'did:plc:ana00000000000000000000', handle: 'ana.example.test', displayName: 'Ana Ruiz', followersCount: 1200 });
    t = await testRuntime({ sources: fast });
    const people = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    t.app.sources.start();
    const src = await t.admin('POST', '/api/sources', {
      kind: 'bluesky', name: 'Acme on Bluesky', brand: 'acme',
      settings: { service: fake.url, jetstream: fake.jetstream, handle: fake.me.handle },
      secrets: { appPassword: fake.appPassword },
    });
    expect(src.status).toBe(201);
    await waitFor('the stream', () => fake.liveConnections === 1);

    const root = fake.post(ana.did, '@acme my kettle arrived broken', { mention: true });
    const caseId = await claimedByCare1(people, `bluesky:${root.uri}`);
    const parent = fake.post(ana.did, '@acme hello? any news?', { mention: true, replyTo: root });
    await waitFor('the follow-up attached', () => stored().find((m) => m.id === `bluesky:${parent.uri}` && m.caseId === caseId));

    let c = (await people.care1('GET', `/api/cases/${caseId}`)).body;
    expect(c.replyChannel).toBe('bluesky');
    expect(c.replyTo).toBe(`bluesky:${parent.uri}`);

    const res = await people.care1('POST', `/api/cases/${caseId}/replies`, { text: 'A new kettle is on its way.' });
    expect(res.status).toBe(202);
    expect(await t.app.outbox.deliverDue()).toBe(1);
    expect(fake.created).toEqual([expect.objectContaining({
      repo: fake.me.did, collection: 'app.bsky.feed.post',
      record: expect.objectContaining({ text: 'A new kettle is on its way.', reply: { root: { uri: root.uri, cid: root.cid }, parent: { uri: parent.uri, cid: parent.cid } } }),
    })]);
    c = (await people.care1('GET', `/api/cases/${caseId}`)).body;
    expect(c.replies[0]).toMatchObject({ id: res.body.id, inReplyTo: `bluesky:${parent.uri}`, network: 'bluesky', status: 'sent', networkId: expect.stringMatching(new RegExp(`^at://${fake.me.did}/app.bsky.feed.post/`)) });
    expect(c.replies[0].url).toMatch(new RegExp(`^https://bsky.app/profile/${fake.me.did}/post/`));

    fake.refuseReplies(400, 'InvalidRequest', 'Record/text must not be longer than 300 graphemes');
    const long = await people.care1('POST', `/api/cases/${caseId}/replies`, { text: 'x'.repeat(400), inReplyTo: `bluesky:${root.uri}` });
    await t.app.outbox.deliverDue();
    c = (await people.care1('GET', `/api/cases/${caseId}`)).body;
    const failed = c.replies.find((r: { id: string }) => r.id === long.body.id);
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/Bluesky refused the reply.*300 graphemes/);

    // The customer answers Baton's post: it joins the case, it opens no new one.
    // Only the uri of Baton's post matters for the thread; the cid stands in for the one the service gave.
    const ours = { uri: c.replies[0].networkId as string, cid: 'bafyours', did: fake.me.did, rkey: '', timeUs: 0, text: '' };
    const answer = fake.post(ana.did, '@acme thanks, but the lid is broken too', { mention: true, replyTo: ours, root });
    const attached = await waitFor('the answer', () => stored().find((m) => m.id === `bluesky:${answer.uri}`));
    expect(attached).toMatchObject({ status: 'attached', caseId });
  });
});
