import { afterEach, describe, expect, it } from 'vitest';
import { FakeMastodon } from '../../../../test/fakes/fakeMastodon.ts';
import { mentions } from '../db/schema.ts';
import { complaintMap } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap, type TestRuntime } from '../testing/testApp.ts';
import { canPostReply, postReply, ReplyRefused } from './postReply.ts';
import { waitFor } from './waitFor.ts';

const fast = { backoff: { baseMs: 10, maxMs: 40, failAfter: 3 } };
let fake: FakeMastodon;
let t: TestRuntime;

afterEach(async () => {
  await t?.app.sources.stop();
  await fake?.stop();
});

const ana = { acct: 'ana@social.example', display_name: 'Ana Ruiz', followers_count: 1200 };
const bo = { acct: 'bo', display_name: 'Bo', followers_count: 7 };

async function addSource(settings: Record<string, unknown> = {}) {
  const res = await t.admin('POST', '/api/sources', { kind: 'mastodon', name: 'Acme on Mastodon', brand: 'acme', settings: { instance: fake.url, hashtags: ['#AcmeHelp'], ...settings }, secrets: { accessToken: fake.accessToken } });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const stored = () => t.app.rt.db.select().from(mentions).all();

describe('Mastodon sources', { timeout: 30_000 }, () => {
  it('reads mentions and hashtags live, with author, followers, thread and brand; a reply attaches to its case', async () => {
    fake = await new FakeMastodon().start();
    t = await testRuntime({ sources: fast });
    await withApprovedMap(t, complaintMap());
    t.app.sources.start();
    const id = await addSource();
    await waitFor('the stream', () => fake.liveConnections === 1);

    const first = fake.post(ana, 'My kettle arrived broken', { mention: true });
    fake.post(bo, 'Anyone else? #AcmeHelp', { tags: ['acmehelp'] });
    fake.post(bo, 'unrelated chatter'); // neither a mention nor a followed tag
    await waitFor('two mentions', () => stored().length === 2);
    const reply = fake.post(ana, 'Still waiting for an answer', { mention: true, inReplyTo: first });
    await waitFor('the reply', () => stored().length === 3);

    const byId = new Map(stored().map((m) => [m.id, m]));
    const m1 = byId.get(`mastodon:${first}`)!;
    expect(m1.document).toMatchObject({ network: 'mastodon', author: { handle: '@ana@social.example', name: 'Ana Ruiz', followers: 1200 }, text: '@acme My kettle arrived broken', directedAtBrand: true, brand: 'acme' });
    expect(m1).toMatchObject({ status: 'routed', brand: 'acme', sourceId: id });
    const m3 = byId.get(`mastodon:${reply}`)!;
    expect(m3).toMatchObject({ status: 'attached', caseId: m1.caseId, inReplyTo: `mastodon:${first}` });
    expect(canPostReply(t.app.rt, `mastodon:${first}`)).toBe(true);
  });

  it('loses and doubles nothing when the stream drops several times and Baton restarts mid-stream', async () => {
    fake = await new FakeMastodon().start();
    t = await testRuntime({ sources: fast });
    t.app.sources.start();
    const id = await addSource();
    await waitFor('the stream', () => fake.liveConnections === 1);
    const posted: string[] = [];
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 15; i++) posted.push(fake.post(i % 2 ? ana : bo, `round ${round} post ${i}`, i % 3 ? { mention: true } : { tags: ['acmehelp'] }));
      if (round === 2) {
        await t.app.sources.stop(); // a restart: the source resumes from its saved ids
        for (let i = 0; i < 10; i++) posted.push(fake.post(ana, `while Baton was down ${i}`, { mention: true }));
        t.app.sources.start();
      } else {
        fake.dropConnections(); // posts in the gap come back over REST
        for (let i = 0; i < 5; i++) posted.push(fake.post(bo, `during the gap ${round}.${i}`, { tags: ['acmehelp'] }));
      }
      await waitFor('reconnected', () => fake.liveConnections === 1);
    }
    for (let i = 0; i < 10; i++) posted.push(fake.post(ana, `after it all ${i}`, { mention: true }));
    await waitFor(`all ${posted.length} posts`, () => stored().length === posted.length);
    expect(fake.connections).toBeGreaterThanOrEqual(5);
    expect(stored().map((m) => m.id).sort()).toEqual(posted.map((p) => `mastodon:${p}`).sort());
    const view = (await t.admin('GET', '/api/sources')).body[0];
    expect(view).toMatchObject({ id, state: 'running', counts: { mentions: posted.length } });
  });

  it('posts a reply in the thread over the source account, and a refused reply says why', async () => {
    fake = await new FakeMastodon().start();
    t = await testRuntime({ sources: fast });
    t.app.sources.start();
    await addSource();
    await waitFor('the stream', () => fake.liveConnections === 1);
    const post = fake.post(ana, 'Can you help?', { mention: true });
    await waitFor('the mention', () => stored().length === 1);

    const sent = await postReply(t.app.rt, { mentionId: `mastodon:${post}`, text: '@ana@social.example Sorry! We sent a new kettle.' });
    expect(fake.posted).toEqual([{ status: '@ana@social.example Sorry! We sent a new kettle.', in_reply_to_id: post, token: fake.accessToken, visibility: 'public' }]);
    expect(sent.networkId).toMatch(/^\d+$/);
    expect(sent.url).toBe(`${fake.url}/@acme/${sent.networkId}`);

    fake.refuseReplies(422, 'Validation failed: Text character limit of 500 exceeded');
    const refused = await postReply(t.app.rt, { mentionId: `mastodon:${post}`, text: 'x'.repeat(600) }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ReplyRefused);
    expect((refused as ReplyRefused).message).toMatch(/HTTP 422.*Text character limit of 500 exceeded/);
    expect((refused as ReplyRefused).retryable).toBe(false);

    fake.refuseReplies(503, 'Service Unavailable');
    const later = (await postReply(t.app.rt, { mentionId: `mastodon:${post}`, text: 'hi' }).catch((e: unknown) => e)) as ReplyRefused;
    expect(later.retryable).toBe(true);

    expect(canPostReply(t.app.rt, 'twitter:1')).toBe(false);
    await expect(postReply(t.app.rt, { mentionId: 'twitter:1', text: 'hi' })).rejects.toThrow(/No source can post a reply to twitter:1/);
  });

  it('a wrong access token shows failing with the instance\'s reason, never the token', async () => {
    fake = await new FakeMastodon().start();
    t = await testRuntime({ sources: fast });
    t.app.sources.start();
    const res = await t.admin('POST', '/api/sources', { kind: 'mastodon', name: 'Wrong', settings: { instance: fake.url }, secrets: { accessToken: 'not-the-token' } });
    const s = await waitFor('failing', async () => {
      const v = (await t.admin('GET', '/api/sources')).body.find((x: any) => x.id === res.body.id);
      return v.state === 'failing' ? v : null;
    });
    expect(s.lastError).toMatch(/access token is invalid/);
    expect(JSON.stringify(s)).not.toContain('not-the-token');
  });
});
