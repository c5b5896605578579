/**
 * Replies and notifications in a real browser against the real runtime: an agent claims a case,
 * starts from the map's drafted reply, inserts a canned reply, records a reply written elsewhere
 * and sees it in the thread; a reply Baton could not post shows failed with the reason and a Retry
 * button, live; the bell counts a notification from an end node without a reload; an admin sees
 * the failed reply under Admin → Deliveries. Screenshots land in test-results/replies/.
 */
import type { BatonMap, Mention } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { signIn as signInPage, signOut } from './browser/designerPage.ts';
import { screenshot } from './browser/launch.ts';
import { browserSuite } from './browser/suite.ts';
import { approveMap, ingest as ingestMentions, signIn, type Api } from './helpers/api.ts';

const ANA = { email: 'ana@example.test', name: 'Ana Agent', password: 'ana-agent-pass-1234' };
const BEN = { email: 'ben@example.test', name: 'Ben Agent', password: 'ben-agent-pass-1234' };

/** Complaints: the map drafts an apology, care resolves, and the end tells the care team. */
const MAP = {
  format: 'baton.map/v1', id: 'complaints', name: 'Complaints', hub: 'care',
  teams: [{ id: 'care', name: 'Customer Care' }],
  nodes: [
    { id: 't', type: 'trigger', label: 'Complaint', position: { x: 0, y: 0 }, priority: 0, when: { field: 'text', op: 'containsAny', value: ['broken'] } },
    { id: 'draft', type: 'action', label: 'Draft an apology', position: { x: 0, y: 120 }, do: [{ reply: 'Hi {author.name}, sorry about that. Your reference is {case.id}.' }] },
    { id: 'care', type: 'pass', label: 'Care resolves', position: { x: 0, y: 240 }, to: { team: 'care' },
      expected: { action: 'Answer the customer', within: 'PT1H', outcomes: ['resolved'] } },
    { id: 'done', type: 'end', label: 'Resolved', position: { x: 0, y: 360 }, outcome: 'resolved', notify: [{ team: 'care' }] },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'draft' },
    { id: 'e2', source: 'draft', target: 'care' },
    { id: 'e3', source: 'care', target: 'done', on: 'resolved' },
  ],
} satisfies BatonMap;

let admin: Api;
let ana: Api;
let ben: Api;
let n = 0;

function mention(text: string, extra: Partial<Mention> = {}): Mention {
  n++;
  return { id: `review:${n}`, network: 'review', author: { handle: '@carla', name: 'Carla Customer' }, text, createdAt: new Date().toISOString(), url: `https://reviews.example/r/${n}`, ...extra };
}
const ingest = (...mentions: Mention[]) => ingestMentions(s.server.url, s.server.ingestToken, mentions);
const shot = (name: string, fullPage = false) => screenshot(s.page, name, { folder: 'replies', fullPage });

const s = browserSuite({
  setup: async () => {
    admin = await signIn(s.server.url, s.server.adminEmail, s.server.adminPassword);
    await approveMap(s.server.url, admin, MAP);
    for (const p of [ANA, BEN]) expect((await admin('POST', '/api/users', { ...p, roles: ['agent'], teams: ['care'] })).status).toBe(201);
    expect((await admin('POST', '/api/teams/care/replies', { title: 'Refund on its way', text: 'Hi {author.name}, your refund is on its way.' })).status).toBe(201);
    ana = await signIn(s.server.url, ANA.email, ANA.password);
    ben = await signIn(s.server.url, BEN.email, BEN.password);
  },
});

describe('replies from the case view', () => {
  let caseId: string;

  it('an agent claims a case, starts from the drafted reply or a canned one, records a reply sent elsewhere and sees it in the thread', async () => {
    await signInPage(s.page, s.server.url, ANA.email, ANA.password);
    caseId = (await ingest(mention('The blender arrived broken. Two stars.')))[0]!.caseId!;
    await s.page.goto(`${s.server.url}/#/console/case/${caseId}`);
    await s.page.locator(`.case-page[data-case-id="${caseId}"]`).waitFor();
    expect(await s.page.getByTestId('reply-not-holder').textContent()).toContain('Claim the case to reply');
    await s.page.getByTestId('claim').click();
    const box = s.page.getByTestId('reply-text');
    await box.waitFor();
    expect(await box.inputValue()).toBe(`Hi Carla Customer, sorry about that. Your reference is ${caseId}.`);
    expect(await s.page.getByTestId('reply-elsewhere-note').textContent()).toContain('Baton cannot post on Review site');
    await s.page.getByTestId('canned-replies').selectOption({ label: 'Refund on its way' });
    expect(await box.inputValue()).toBe('Hi Carla Customer, your refund is on its way.');
    await s.page.getByTestId('reply-url').fill('https://reviews.example/r/1#owner-reply');
    await shot('01-reply-box');
    await s.page.getByTestId('record-reply').click();
    const ours = s.page.getByTestId('our-reply');
    await ours.waitFor();
    expect(await ours.locator('.plain-text').textContent()).toBe('Hi Carla Customer, your refund is on its way.');
    expect(await ours.getByTestId('reply-status').textContent()).toBe('Replied elsewhere');
    expect(await ours.getByRole('link', { name: 'Open the reply' }).getAttribute('href')).toBe('https://reviews.example/r/1#owner-reply');
    expect(await box.inputValue()).toBe('');
    await s.page.locator('.history li', { hasText: 'You replied elsewhere and recorded it' }).waitFor();
    const stored = (await admin('GET', `/api/cases/${caseId}`)).body;
    expect(stored.replies).toEqual([expect.objectContaining({ status: 'sent', sentElsewhere: true, author: expect.any(String), url: 'https://reviews.example/r/1#owner-reply' })]);
  });

  it('shows a reply Baton could not post as failed with the reason, live, and offers Retry', async () => {
    const queued = await ana('POST', `/api/cases/${caseId}/replies`, { text: 'Posting this through Baton' });
    expect(queued).toMatchObject({ status: 202, body: { status: 'queued' } });
    const failed = s.page.locator(`[data-testid="our-reply"][data-reply-status="failed"]`);
    await failed.waitFor();
    expect(await failed.textContent()).toContain('Not posted: No source can post a reply to review:1');
    await shot('02-reply-failed', true);
    await failed.getByTestId('retry-reply').click();
    await s.page.locator('[data-toast="info"]', { hasText: 'Reply queued again.' }).waitFor();
    await s.page.locator('.history li', { hasText: 'You sent the reply again' }).waitFor();
  });

  it('reads well on a phone: the case view in one column at 390 px', async () => {
    await s.page.setViewportSize({ width: 390, height: 844 });
    await s.page.reload();
    await s.page.getByTestId('reply-text').waitFor();
    // One column: the thread, the reply box and the case panel each take the width, one under the other.
    for (const part of ['.case-thread', '[data-testid="reply-box"]', '.case-panel']) {
      const box = (await s.page.locator(part).boundingBox())!;
      expect(box.x, part).toBeLessThan(20);
      expect(box.x + box.width, part).toBeLessThanOrEqual(390);
    }
    const thread = (await s.page.locator('.case-thread').boundingBox())!;
    expect((await s.page.locator('.case-panel').boundingBox())!.y).toBeGreaterThan(thread.y + thread.height);
    await shot('03-case-390', true);
    await s.page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('the notification bell', () => {
  it('counts a notification from an end node live, lists it with a link to the case, and marks all read', async () => {
    await s.page.goto(`${s.server.url}/#/console`);
    await s.page.locator('.live-indicator[data-live="live"]').waitFor();
    const bell = s.page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications, none unread');
    const caseId = (await ingest(mention('Kettle broken on arrival')))[0]!.caseId!;
    expect((await ben('POST', `/api/cases/${caseId}/outcome`, { outcome: 'resolved' })).status).toBe(200);
    await expect.poll(() => bell.getAttribute('aria-label'), { timeout: 15_000 }).toBe('Notifications, 1 unread');
    await bell.click();
    const item = s.page.getByTestId('notification').first();
    await item.waitFor();
    expect(await item.getByRole('link', { name: 'Open the case' }).getAttribute('href')).toBe(`#/console/case/${caseId}`);
    await shot('04-bell-open');
    await s.page.getByTestId('mark-all-read').click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Notifications, none unread');
  });
});

describe('Admin → Deliveries', () => {
  it('lists the failed reply with its reason, and Retry queues it again', async () => {
    await signOut(s.page);
    await signInPage(s.page, s.server.url, s.server.adminEmail, s.server.adminPassword);
    await s.page.goto(`${s.server.url}/#/admin/deliveries`);
    const row = s.page.locator('tr[data-kind="reply"]').first();
    await row.waitFor();
    expect(await row.locator('.delivery-reason').textContent()).toContain('No source can post a reply');
    await shot('05-deliveries');
    await row.getByTestId('retry-delivery').click();
    await s.page.locator('[data-toast="success"]', { hasText: 'Queued again' }).waitFor();
    expect(s.pageErrors).toEqual([]);
  });
});
