/**
 * Sources and replies together, in a real browser against the real `baton serve`: a Mastodon
 * source (created over the API by the admin) reads a mention from a fake Mastodon on 127.0.0.1,
 * the map opens a case for care, an agent claims it in the console, the reply box offers to send
 * on Mastodon (not "replied elsewhere"), and the reply becomes Sent in the thread, with its link,
 * without a reload; the fake received it in the thread of the customer's status. A reply the
 * instance refuses shows failed with its reason. Screenshots land in test-results/replies-network/.
 */
import type { BatonMap } from '@baton/engine';
import { afterAll, describe, expect, it } from 'vitest';
import { signIn as signInPage } from './browser/designerPage.ts';
import { screenshot } from './browser/launch.ts';
import { browserSuite } from './browser/suite.ts';
import { FakeJetstream } from './fakes/fakeJetstream.ts';
import { FakeMastodon } from './fakes/fakeMastodon.ts';
import { approveMap, signIn, type Api } from './helpers/api.ts';

const ANA = { email: 'ana@example.test', name: 'Ana Agent', password: 'ana-agent-pass-1234' };

const MAP = {
  format: 'baton.map/v1', id: 'complaints', name: 'Complaints', hub: 'care',
  teams: [{ id: 'care', name: 'Customer Care' }],
  nodes: [
    { id: 't', type: 'trigger', label: 'Complaint', position: { x: 0, y: 0 }, priority: 0, when: { field: 'text', op: 'containsAny', value: ['broken'] } },
    { id: 'care', type: 'pass', label: 'Care resolves', position: { x: 0, y: 120 }, to: { team: 'care' },
      expected: { action: 'Answer the customer', within: 'PT1H', outcomes: ['resolved'] } },
    { id: 'done', type: 'end', label: 'Resolved', position: { x: 0, y: 240 }, outcome: 'resolved' },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'care' },
    { id: 'e2', source: 'care', target: 'done', on: 'resolved' },
  ],
} satisfies BatonMap;

const CUSTOMER = { acct: 'carla@social.example', display_name: 'Carla Customer', followers_count: 320 };

let admin: Api;
let fake: FakeMastodon;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function until<T>(what: string, check: () => T | Promise<T>, timeoutMs = 60_000): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const got = await check();
    if (got) return got as NonNullable<T>;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}

const s = browserSuite({
  setup: async () => {
    fake = await new FakeMastodon().start();
    admin = await signIn(s.server.url, s.server.adminEmail, s.server.adminPassword);
    await approveMap(s.server.url, admin, MAP);
    expect((await admin('POST', '/api/users', { ...ANA, roles: ['agent'], teams: ['care'] })).status).toBe(201);
    const src = await admin('POST', '/api/sources', { kind: 'mastodon', name: 'Acme on Mastodon', brand: 'acme', settings: { instance: fake.url }, secrets: { accessToken: fake.accessToken } });
    expect(src.status).toBe(201);
    await until('the Mastodon stream', () => fake.liveConnections === 1);
  },
});
afterAll(async () => {
  await fake?.stop();
});

const shot = (name: string, fullPage = false) => screenshot(s.page, name, { folder: 'replies-network', fullPage });

describe('a reply posted on Mastodon from the case view', () => {
  let caseId: string;
  let status: string;

  it('an agent claims the case, sends a reply through Baton and sees it sent in the thread, live; the instance got it in the thread', async () => {
    status = fake.post(CUSTOMER, 'my kettle arrived broken', { mention: true });
    caseId = await until('the case', async () => (await admin('GET', '/api/cases')).body.cases.find((c: { mentionId?: string; id: string }) => c.mentionId === `mastodon:${status}`)?.id as string | undefined);

    await signInPage(s.page, s.server.url, ANA.email, ANA.password);
    await s.page.goto(`${s.server.url}/#/console/case/${caseId}`);
    await s.page.locator(`.case-page[data-case-id="${caseId}"]`).waitFor();
    await s.page.getByTestId('claim').click();
    const box = s.page.getByTestId('reply-text');
    await box.waitFor();
    const send = s.page.getByTestId('send-reply');
    await send.waitFor();
    expect(await send.textContent()).toBe('Send on Mastodon');
    expect(await s.page.getByTestId('record-reply').count()).toBe(0);
    expect(await s.page.getByTestId('reply-elsewhere-note').count()).toBe(0);

    await box.fill('@carla@social.example Sorry, Carla! A new kettle is on its way.');
    await shot('01-send-on-mastodon');
    await send.click();
    const ours = s.page.locator('[data-testid="our-reply"][data-reply-status="sent"]');
    await ours.waitFor({ timeout: 60_000 });
    expect(await ours.locator('.plain-text').textContent()).toBe('@carla@social.example Sorry, Carla! A new kettle is on its way.');
    expect(await ours.getByTestId('reply-status').textContent()).toBe('Sent');
    const link = ours.getByRole('link', { name: 'View on Mastodon' });
    expect(fake.posted).toEqual([{ status: '@carla@social.example Sorry, Carla! A new kettle is on its way.', in_reply_to_id: status, token: fake.accessToken, visibility: 'public' }]);
    const stored = (await admin('GET', `/api/cases/${caseId}`)).body.replies[0];
    expect(stored).toMatchObject({ status: 'sent', sentElsewhere: false, inReplyTo: `mastodon:${status}`, networkId: expect.stringMatching(/^\d+$/) });
    expect(await link.getAttribute('href')).toBe(`${fake.url}/@acme/${stored.networkId}`);
    expect(await box.inputValue()).toBe('');
    await shot('02-reply-sent', true);
  });

  it('a reply the instance refuses shows failed with the instance’s reason, live', async () => {
    fake.refuseReplies(422, 'Validation failed: Text character limit of 500 exceeded');
    const box = s.page.getByTestId('reply-text');
    await box.fill('x'.repeat(600));
    await s.page.getByTestId('send-reply').click();
    const failed = s.page.locator('[data-testid="our-reply"][data-reply-status="failed"]');
    await failed.waitFor({ timeout: 60_000 });
    expect(await failed.textContent()).toMatch(/Not posted: .*HTTP 422.*Text character limit of 500 exceeded/);
    await shot('03-reply-refused', true);
    expect(fake.posted).toHaveLength(1);
    fake.acceptReplies();
  });

  it('the customer’s answer to Baton’s reply joins the case’s thread, live, and opens no other case', async () => {
    const ours = (await admin('GET', `/api/cases/${caseId}`)).body.replies[0];
    const answer = fake.post(CUSTOMER, 'Thanks! The lid is broken too, though.', { mention: true, inReplyTo: ours.networkId });
    await s.page.locator('[data-thread="reply"]', { hasText: 'The lid is broken too' }).waitFor({ timeout: 60_000 });
    const cases = (await admin('GET', '/api/cases')).body.cases as { id: string }[];
    expect(cases.map((c) => c.id)).toEqual([caseId]);
    expect((await admin('GET', `/api/cases/${caseId}`)).body.replyTo).toBe(`mastodon:${answer}`);
    expect(s.pageErrors).toEqual([]);
  });
});

describe('a Mastodon source that is refused in baton serve', () => {
  it('says why (the instance’s reason), never "[object Response]" and never the token', async () => {
    const res = await admin('POST', '/api/sources', { kind: 'mastodon', name: 'Wrong token', settings: { instance: fake.url }, secrets: { accessToken: 'not-the-token' } });
    expect(res.status).toBe(201);
    const view = await until('the first failure', async () => ((await admin('GET', '/api/sources')).body as { id: string; lastError: string | null }[]).find((v) => v.id === res.body.id && v.lastError));
    expect(view.lastError).toMatch(/access token is invalid/);
    expect(JSON.stringify(view)).not.toContain('not-the-token');
    expect((await admin('POST', `/api/sources/${res.body.id}/pause`)).status).toBeLessThan(300);
  });
});

describe('a reply posted on Bluesky from the case view', () => {
  it('sends with the thread’s root and parent and shows sent; a refused one shows the service’s reason', async () => {
    const jet = await new FakeJetstream().start();
    try {
      const dan = jet.user({ did: 'did:plc:dan00000000000000000000', handle: 'dan.example.test', displayName: 'Dan Customer', followersCount: 40 });
      const src = await admin('POST', '/api/sources', { kind: 'bluesky', name: 'Acme on Bluesky', brand: 'acme', settings: { service: jet.url, jetstream: jet.jetstream, handle: jet.me.handle }, secrets: { appPassword: jet.appPassword } });
      expect(src.status).toBe(201);
      await until('the Jetstream connection', () => jet.liveConnections === 1);
      const root = jet.post(dan.did, '@acme my toaster is broken', { mention: true });
      const caseId = await until('the case', async () => (await admin('GET', '/api/cases')).body.cases.find((c: { mentionId?: string; id: string }) => c.mentionId === `bluesky:${root.uri}`)?.id as string | undefined);
      const parent = jet.post(dan.did, '@acme hello?', { mention: true, replyTo: root });
      await until('the follow-up', async () => (await admin('GET', `/api/cases/${caseId}`)).body.replyTo === `bluesky:${parent.uri}`);

      await s.page.goto(`${s.server.url}/#/console/case/${caseId}`);
      await s.page.locator(`.case-page[data-case-id="${caseId}"]`).waitFor();
      await s.page.getByTestId('claim').click();
      const send = s.page.getByTestId('send-reply');
      await send.waitFor();
      expect(await send.textContent()).toBe('Send on Bluesky');
      await s.page.getByTestId('reply-text').fill('Sorry, Dan! A new toaster is on its way.');
      await send.click();
      const sent = s.page.locator('[data-testid="our-reply"][data-reply-status="sent"]');
      await sent.waitFor({ timeout: 60_000 });
      expect(await sent.getByRole('link', { name: 'View on Bluesky' }).getAttribute('href')).toMatch(new RegExp(`^https://bsky.app/profile/${jet.me.did}/post/`));
      expect(jet.created).toEqual([expect.objectContaining({
        repo: jet.me.did,
        record: expect.objectContaining({ text: 'Sorry, Dan! A new toaster is on its way.', reply: { root: { uri: root.uri, cid: root.cid }, parent: { uri: parent.uri, cid: parent.cid } } }),
      })]);

      jet.refuseReplies(400, 'InvalidRequest', 'Record/text must not be longer than 300 graphemes');
      await s.page.getByTestId('reply-text').fill('y'.repeat(400));
      await send.click();
      const failed = s.page.locator('[data-testid="our-reply"][data-reply-status="failed"]');
      await failed.waitFor({ timeout: 60_000 });
      expect(await failed.textContent()).toMatch(/Not posted: Bluesky refused the reply.*300 graphemes/);
      // A Bluesky mention's id is a long at:// URI: the history wraps it rather than running out of its box.
      await s.page.locator('.history li', { hasText: 'Opened from mention bluesky:at://' }).waitFor();
      const overflow = await s.page.locator('.history').evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await shot('04-bluesky', true);
      expect(s.pageErrors).toEqual([]);
    } finally {
      await jet.stop();
    }
  });
});
