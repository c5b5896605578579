import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FakeJetstream } from './fakes/fakeJetstream.ts';
import { FakeMastodon } from './fakes/fakeMastodon.ts';
import { approveMap, signIn } from './helpers/api.ts';
import { startServer, type RunningServer } from './helpers/startServer.ts';

/** Every mention with "broken" opens a case for care. */
const brokenMap = {
  format: 'baton.map/v1', id: 'broken', name: 'Broken things', hub: 'social',
  teams: [{ id: 'social', name: 'Social' }, { id: 'care', name: 'Care' }],
  nodes: [
    { id: 't', type: 'trigger', label: 'Broken', position: { x: 0, y: 0 }, when: { field: 'text', op: 'containsAny', value: ['broken'] } },
    { id: 'p', type: 'pass', label: 'Care', position: { x: 1, y: 0 }, to: { team: 'care' }, expected: { action: 'Fix', within: 'PT1H', outcomes: ['fixed'] } },
    { id: 'fixed', type: 'end', label: 'Fixed', position: { x: 2, y: 0 }, outcome: 'fixed' },
  ],
  edges: [{ id: 'e1', source: 't', target: 'p' }, { id: 'e2', source: 'p', target: 'fixed', on: 'fixed' }],
};

let server: RunningServer | null = null;
let jet: FakeJetstream | null = null;
let masto: FakeMastodon | null = null;
afterAll(async () => {
  await server?.stop('SIGKILL');
  await jet?.stop();
  await masto?.stop();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('sources in the real server process', () => {
  it('reads every post exactly once while the networks drop connections and Baton is SIGKILLed and restarted mid-stream', async () => {
    jet = await new FakeJetstream().start();
    masto = await new FakeMastodon().start();
    const dids = Array.from({ length: 4 }, (_, i) => jet!.user({ did: `did:plc:person${i}00000000000000000`.slice(0, 32), handle: `person${i}.example.test`, followersCount: 100 * i }).did);
    server = await startServer({ env: { BATON_SKIP_WEB_BUILD: '1' } });
    const admin = await signIn(server.url, server.adminEmail, server.adminPassword);
    await approveMap(server.url, admin, brokenMap);
    const sky = await admin('POST', '/api/sources', { kind: 'bluesky', name: 'Bluesky', brand: 'acme', settings: { service: jet.url, jetstream: jet.jetstream, handle: jet.me.handle, keywords: ['broken'] }, secrets: { appPassword: jet.appPassword } });
    const mast = await admin('POST', '/api/sources', { kind: 'mastodon', name: 'Mastodon', brand: 'acme', settings: { instance: masto.url, hashtags: ['acme'] }, secrets: { accessToken: masto.accessToken } });
    expect([sky.status, mast.status]).toEqual([201, 201]);
    await until('both streams', () => jet!.liveConnections === 1 && masto!.liveConnections === 1);

    const expected: string[] = [];
    const postSome = (n: number, label: string) => {
      for (let i = 0; i < n; i++) {
        expected.push(`bluesky:${jet!.post(dids[i % 4]!, `my ${label} ${i} is broken`).uri}`);
        expected.push(`mastodon:${masto!.post({ acct: `fan${i % 3}`, display_name: 'Fan', followers_count: 3 }, `${label} ${i} broken`, i % 2 ? { mention: true } : { tags: ['acme'] })}`);
      }
    };
    for (let round = 0; round < 3; round++) {
      postSome(30, `round ${round}`);
      jet.dropConnections();
      masto.dropConnections();
      postSome(10, `gap ${round}`);
      await until('reconnected', () => jet!.liveConnections === 1 && masto!.liveConnections === 1);
    }
    // Posts keep coming while the process is killed: some were being committed at that instant.
    const feeding = (async () => {
      for (let i = 0; i < 20; i++) {
        postSome(5, `burst ${i}`);
        await sleep(15);
      }
    })();
    await sleep(100);
    await server.stop('SIGKILL');
    await feeding;
    postSome(20, 'while down');
    await server.restart();
    await until('reconnected after the restart', () => jet!.liveConnections === 1 && masto!.liveConnections === 1);
    jet.dropConnections();
    postSome(20, 'after the restart');
    await until('reconnected again', () => jet!.liveConnections === 1 && masto!.liveConnections === 1);
    postSome(10, 'last');

    const db = new Database(server.dbPath, { readonly: true });
    try {
      const stored = () => db.prepare("select id from mentions where id like 'bluesky:%' or id like 'mastodon:%'").all() as { id: string }[];
      await until(`all ${expected.length} posts`, () => stored().length >= expected.length, 60_000);
      expect(stored().map((r) => r.id).sort()).toEqual([...expected].sort());
      // Each post opened exactly one case.
      const cases = db.prepare('select count(*) as n, count(distinct mention_id) as d from cases').get() as { n: number; d: number };
      expect(cases).toEqual({ n: expected.length, d: expected.length });
      const sourced = db.prepare("select count(*) as n from mentions where source_id is not null and brand = 'acme'").get() as { n: number };
      expect(sourced.n).toBe(expected.length);
    } finally {
      db.close();
    }
    const fresh = await signIn(server.url, server.adminEmail, server.adminPassword);
    const list = (await fresh('GET', '/api/sources')).body as { name: string; state: string; counts: { mentions: number } }[];
    expect(list.map((s) => [s.name, s.state, s.counts.mentions])).toEqual([['Bluesky', 'running', expected.length / 2], ['Mastodon', 'running', expected.length / 2]]);
    expect(server.output()).not.toContain(jet.appPassword);
    expect(server.output()).not.toContain(masto.accessToken);
  });
});
