import { afterEach, describe, expect, it } from 'vitest';
import { FeedServer } from '../../../../test/fakes/feedServer.ts';
import { auditLog, mentions, sources } from '../db/schema.ts';
import { testRuntime, type TestRuntime } from '../testing/testApp.ts';
import { waitFor } from './waitFor.ts';

const fast = { backoff: { baseMs: 10, maxMs: 50, failAfter: 3 } };
let feed: FeedServer;
let t: TestRuntime;

afterEach(async () => {
  await t?.app.sources.stop();
  await feed?.stop();
});

async function sourceState(id: string) {
  const res = await t.admin('GET', '/api/sources');
  return (res.body as any[]).find((s) => s.id === id);
}

describe('RSS sources', { timeout: 30_000 }, () => {
  it('reads every item of the feed once, with its brand and source, and polls with a conditional GET', async () => {
    feed = await new FeedServer().start();
    feed.add({ guid: 'review-1', title: 'Broken on arrival', description: '<p>The <b>kettle</b> leaks &amp; sparks</p>', author: 'Ana', link: 'https://reviews.example/1' });
    feed.add({ guid: 'https://reviews.example/2?x=1', title: 'Great service', author: 'Bo' });
    t = await testRuntime({ sources: fast });
    t.app.sources.start();
    const created = await t.admin('POST', '/api/sources', { kind: 'rss', name: 'Reviews', brand: 'acme', settings: { url: `${feed.url}/feed.xml`, every: 'PT5S', network: 'review' } });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    await waitFor('two mentions', async () => (await sourceState(id))?.counts.mentions === 2);
    const rows = t.app.rt.db.select().from(mentions).all();
    expect(rows.map((r) => r.id)).toEqual(['rss:review-1', expect.stringMatching(/^rss:sha256:[0-9a-f]{40}$/)]);
    const first = rows.find((r) => r.id === 'rss:review-1')!;
    expect(first.sourceId).toBe(id);
    expect(first.brand).toBe('acme');
    expect(first.document).toMatchObject({ network: 'review', author: { handle: 'Ana' }, text: 'Broken on arrival\n\nThe kettle leaks & sparks', url: 'https://reviews.example/1', brand: 'acme' });

    // Nothing new: the feed answers 304 and nothing is ingested again.
    const before304 = feed.count(304);
    t.app.sources.wake(id);
    await waitFor('a 304', () => feed.count(304) > before304);
    feed.add({ guid: 'review-3', title: 'Where is my order?', author: 'Cy' });
    t.app.sources.wake(id);
    await waitFor('the third mention', async () => (await sourceState(id))?.counts.mentions === 3);
    const view = await sourceState(id);
    expect(view).toMatchObject({ kind: 'rss', name: 'Reviews', brand: 'acme', state: 'running', lastError: null, counts: { mentions: 3, duplicates: 0 } });
    expect(view.lastMentionAt).toEqual(expect.any(String));
    expect(t.app.rt.db.select().from(mentions).all()).toHaveLength(3);
  });

  it('reads Atom feeds too, and resumes from its seen items after a restart', async () => {
    feed = await new FeedServer().start();
    feed.add({ guid: 'urn:post:1', title: 'Is the app down?', author: 'Dee' });
    t = await testRuntime({ sources: fast });
    t.app.sources.start();
    const { body } = await t.admin('POST', '/api/sources', { kind: 'rss', name: 'Forum', settings: { url: `${feed.url}/atom.xml`, network: 'forum' } });
    await waitFor('one mention', async () => (await sourceState(body.id))?.counts.mentions === 1);
    await t.app.sources.stop();
    feed.add({ guid: 'urn:post:2', title: 'Still down', author: 'Dee' });
    t.app.sources.start();
    await waitFor('the second mention', async () => (await sourceState(body.id))?.counts.mentions === 2);
    const docs = t.app.rt.db.select().from(mentions).all().map((m) => m.document as any);
    expect(docs.map((d) => d.id).sort()).toEqual(['rss:urn:post:1', 'rss:urn:post:2']);
    expect(docs[0]).toMatchObject({ network: 'forum', author: { handle: 'Dee' } });
    expect((await sourceState(body.id)).counts.duplicates).toBe(0);
  });

  it('shows failing with the reason while the feed keeps failing, and running again once it recovers', async () => {
    feed = await new FeedServer().start();
    feed.failWith(503);
    t = await testRuntime({ sources: fast });
    t.app.sources.start();
    const { body } = await t.admin('POST', '/api/sources', { kind: 'rss', name: 'Flaky', settings: { url: `${feed.url}/feed.xml` } });
    const failing = await waitFor('failing', async () => {
      const s = await sourceState(body.id);
      return s?.state === 'failing' ? s : null;
    });
    expect(failing.lastError).toBe('the feed answered HTTP 503');
    expect(failing.counts.errors).toBeGreaterThanOrEqual(3);
    // The rest of Baton carries on.
    expect((await t.admin('GET', '/api/health')).status).toBe(200);
    feed.recover();
    feed.add({ guid: 'g1', title: 'Back' });
    const back = await waitFor('running again', async () => {
      const s = await sourceState(body.id);
      return s?.state === 'running' && s.counts.mentions === 1 ? s : null;
    });
    expect(back.lastError).toBeNull();
  });

  it('refuses a feed on a private network address, saying why', async () => {
    t = await testRuntime({ sources: fast });
    t.app.sources.start();
    const { body } = await t.admin('POST', '/api/sources', { kind: 'rss', name: 'Inside', settings: { url: 'http://10.0.0.7/feed.xml' } });
    const s = await waitFor('failing', async () => ((await sourceState(body.id))?.state === 'failing' ? sourceState(body.id) : null));
    expect(s.lastError).toMatch(/10\.0\.0\.7 is private/);
    // Audited once with the host only, however often the source retries with backoff.
    await waitFor('a few more refusals', async () => (await sourceState(body.id))?.counts.errors >= 5);
    const refusals = t.app.rt.db.select().from(auditLog).all().filter((a) => a.action === 'source.refused');
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ target: `source:${body.id}`, data: { host: '10.0.0.7' } });
  });
});

describe('/api/sources', { timeout: 30_000 }, () => {
  it('validates settings per kind, keeps secrets encrypted and unseen, and audits every change', async () => {
    t = await testRuntime({ sources: fast });
    const bad = await t.admin('POST', '/api/sources', { kind: 'rss', name: 'x', settings: { url: 'ftp://x', every: 'PT1S' } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toMatch(/settings\.url: must be an http or https URL/);
    expect(bad.body.error.message).toMatch(/settings\.every: must be PT5S or more/);
    const noSecret = await t.admin('POST', '/api/sources', { kind: 'mastodon', name: 'm', settings: { instance: 'https://social.example' } });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.error.message).toMatch(/secrets\.accessToken/);
    const unknownKind = await t.admin('POST', '/api/sources', { kind: 'myspace', name: 'm', settings: {} });
    expect(unknownKind.status).toBe(400);

    const created = await t.admin('POST', '/api/sources', { kind: 'mastodon', name: 'Acme on Mastodon', brand: 'acme', settings: { instance: 'https://social.example', hashtags: ['#acme'] }, secrets: { accessToken: 'very-secret-token-123' } });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const listed = await t.admin('GET', '/api/sources');
    expect(JSON.stringify(listed.body)).not.toContain('very-secret-token-123');
    expect(listed.body[0]).toMatchObject({ id, kind: 'mastodon', name: 'Acme on Mastodon', brand: 'acme', state: 'running', lastMentionAt: null, lastError: null, counts: { mentions: 0, duplicates: 0, errors: 0 }, hasSecrets: true });
    const row = t.app.rt.db.select().from(sources).all()[0]!;
    expect(row.secrets).toMatch(/^v1\./);
    expect(row.secrets).not.toContain('very-secret');
    expect(t.app.sources.secretsOf(row)).toEqual({ accessToken: 'very-secret-token-123' });

    const manager = await t.user('manager@example.test', ['manager']);
    const agent = await t.user('agent@example.test', ['agent']);
    expect((await manager('GET', '/api/sources')).status).toBe(200);
    expect((await agent('GET', '/api/sources')).status).toBe(403);
    expect((await manager('POST', '/api/sources', { kind: 'rss', name: 'x', settings: { url: 'https://x.example/feed' } })).status).toBe(403);
    expect((await manager(`POST`, `/api/sources/${id}/pause`)).status).toBe(403);

    const paused = await t.admin('POST', `/api/sources/${id}/pause`);
    expect(paused.status).toBe(200);
    expect(paused.body.state).toBe('paused');
    expect((await t.admin('POST', `/api/sources/${id}/resume`)).body.state).toBe('running');
    expect((await t.admin('DELETE', `/api/sources/${id}`)).status).toBe(204);
    expect((await t.admin('DELETE', `/api/sources/${id}`)).status).toBe(404);
    expect((await t.admin('POST', `/api/sources/nope/pause`)).status).toBe(404);
    const actions = t.app.rt.db.select().from(auditLog).all().filter((a) => a.target === id).map((a) => a.action);
    expect(actions).toEqual(['source.create', 'source.pause', 'source.resume', 'source.delete']);
    expect(JSON.stringify(t.app.rt.db.select().from(auditLog).all())).not.toContain('very-secret');
  });
});
