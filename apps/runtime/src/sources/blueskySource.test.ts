import { afterEach, describe, expect, it } from 'vitest';
import { FakeJetstream } from '../../../../test/fakes/fakeJetstream.ts';
import { mentions, sourcePosts } from '../db/schema.ts';
import { complaintMap } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap, type TestRuntime } from '../testing/testApp.ts';
import { postReply, ReplyRefused } from './postReply.ts';
import { waitFor } from './waitFor.ts';

const fast = { backoff: { baseMs: 10, maxMs: 40, failAfter: 3 } };
let fake: FakeJetstream;
let t: TestRuntime;

afterEach(async () => {
  await t?.app.sources.stop();
  await fake?.stop();
});

async function addSource(extra: Record<string, unknown> = {}) {
  const res = await t.admin('POST', '/api/sources', {
    kind: 'bluesky', name: 'Acme on Bluesky', brand: 'acme',
    settings: { service: fake.url, jetstream: fake.jetstream, handle: fake.me.handle, keywords: ['kettle'], ...extra },
    secrets: { appPassword: fake.appPassword },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const stored = () => t.app.rt.db.select().from(mentions).all();

describe('Bluesky sources', { timeout: 30_000 }, () => {
  it('reads posts that mention the account or a keyword, with the author resolved from the DID, the thread and the brand', async () => {
    fake = await new FakeJetstream().start();
    const ana = fake.user({ did: 'did:plc:ana00000000000000000000', handle: 'ana.example.test', displayName: 'Ana Ruiz', followersCount: 1200 });
    t = await testRuntime({ sources: fast });
    await withApprovedMap(t, complaintMap());
    t.app.sources.start();
    const id = await addSource();
    await waitFor('the stream', () => fake.liveConnections === 1);

    const first = fake.post(ana.did, '@acme my order arrived broken', { mention: true });
    const keyword = fake.post('did:plc:unknown0000000000000000', 'this kettle is lovely');
    fake.post(ana.did, 'nothing to see here');
    fake.like(ana.did);
    await waitFor('two mentions', () => stored().length === 2);
    const reply = fake.post(ana.did, 'hello? still broken', { replyTo: first, mention: true });
    await waitFor('the reply', () => stored().length === 3);

    const byId = new Map(stored().map((m) => [m.id, m]));
    const m1 = byId.get(`bluesky:${first.uri}`)!;
    expect(m1.document).toMatchObject({
      network: 'bluesky', author: { handle: '@ana.example.test', name: 'Ana Ruiz', followers: 1200 }, text: '@acme my order arrived broken',
      url: `https://bsky.app/profile/${ana.did}/post/${first.rkey}`, directedAtBrand: true, brand: 'acme', lang: 'en',
    });
    expect(m1).toMatchObject({ status: 'routed', sourceId: id, brand: 'acme' });
    // A DID the service does not know stands in for the author.
    expect(byId.get(`bluesky:${keyword.uri}`)!.document).toMatchObject({ author: { handle: 'did:plc:unknown0000000000000000' } });
    expect(byId.get(`bluesky:${reply.uri}`)).toMatchObject({ status: 'attached', caseId: m1.caseId, inReplyTo: `bluesky:${first.uri}` });
    const ref = t.app.rt.db.select().from(sourcePosts).all().find((p) => p.mentionId === `bluesky:${reply.uri}`);
    expect(ref).toMatchObject({ networkId: reply.uri, cid: reply.cid, rootUri: first.uri, rootCid: first.cid });
  });

  it('resumes from the Jetstream cursor: every post exactly once across drops and restarts', async () => {
    fake = await new FakeJetstream().start();
    const dids = Array.from({ length: 5 }, (_, i) => fake.user({ did: `did:plc:user${i}000000000000000000`.slice(0, 32), handle: `user${i}.example.test`, followersCount: i * 10 }).did);
    t = await testRuntime({ sources: fast });
    t.app.sources.start();
    const id = await addSource();
    await waitFor('the stream', () => fake.liveConnections === 1);
    const posted: string[] = [];
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 40; i++) {
        posted.push(fake.post(dids[i % 5]!, `kettle round ${round} #${i}`).uri);
        if (i % 7 === 0) fake.like(dids[0]!);
      }
      if (round === 2) {
        await t.app.sources.stop();
        for (let i = 0; i < 20; i++) posted.push(fake.post(dids[1]!, `kettle while down ${i}`).uri);
        t.app.sources.start();
      } else {
        fake.dropConnections();
        for (let i = 0; i < 10; i++) posted.push(fake.post(dids[2]!, `kettle in the gap ${round}.${i}`).uri);
      }
      await waitFor('reconnected', () => fake.liveConnections === 1);
    }
    await waitFor(`all ${posted.length} posts`, () => stored().length === posted.length);
    expect(stored().map((m) => m.id).sort()).toEqual(posted.map((u) => `bluesky:${u}`).sort());
    expect(fake.connections).toBeGreaterThanOrEqual(6);
    const view = (await t.admin('GET', '/api/sources')).body[0];
    expect(view).toMatchObject({ id, state: 'running', counts: { mentions: posted.length } });
  });

  it('posts a reply with the thread root and parent, and a refused reply says why', async () => {
    fake = await new FakeJetstream().start();
    const ana = fake.user({ did: 'did:plc:ana00000000000000000000', handle: 'ana.example.test' });
    t = await testRuntime({ sources: fast });
    t.app.sources.start();
    await addSource();
    await waitFor('the stream', () => fake.liveConnections === 1);
    const root = fake.post(ana.did, 'my kettle broke', { mention: true });
    const parent = fake.post(ana.did, 'any news?', { mention: true, replyTo: root });
    await waitFor('two mentions', () => stored().length === 2);

    const sent = await postReply(t.app.rt, { mentionId: `bluesky:${parent.uri}`, text: 'A new kettle is on its way.' });
    expect(fake.created).toHaveLength(1);
    expect(fake.created[0]).toMatchObject({
      repo: fake.me.did, collection: 'app.bsky.feed.post',
      record: { text: 'A new kettle is on its way.', reply: { root: { uri: root.uri, cid: root.cid }, parent: { uri: parent.uri, cid: parent.cid } } },
    });
    expect(sent.networkId).toMatch(new RegExp(`^at://${fake.me.did}/app.bsky.feed.post/`));
    expect(sent.url).toMatch(/^https:\/\/bsky\.app\/profile\/did:plc:acmesupport/);

    fake.refuseReplies(400, 'InvalidRequest', 'Record/text must not be longer than 300 graphemes');
    const refused = (await postReply(t.app.rt, { mentionId: `bluesky:${parent.uri}`, text: 'x'.repeat(400) }).catch((e: unknown) => e)) as ReplyRefused;
    expect(refused).toBeInstanceOf(ReplyRefused);
    expect(refused.message).toMatch(/Bluesky refused the reply.*300 graphemes/);
    expect(refused.retryable).toBe(false);
  });

  it('a wrong app password shows failing with the service\'s reason', async () => {
    fake = await new FakeJetstream().start();
    t = await testRuntime({ sources: fast });
    t.app.sources.start();
    const res = await t.admin('POST', '/api/sources', { kind: 'bluesky', name: 'Wrong', settings: { service: fake.url, jetstream: fake.jetstream, handle: fake.me.handle }, secrets: { appPassword: 'wrong-password' } });
    const s = await waitFor('failing', async () => {
      const v = (await t.admin('GET', '/api/sources')).body.find((x: any) => x.id === res.body.id);
      return v.state === 'failing' ? v : null;
    });
    expect(s.lastError).toMatch(/Invalid identifier or password/);
  });
});
