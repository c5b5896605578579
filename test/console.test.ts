/**
 * The team console and the triage inbox in a real browser against the real runtime: an agent sees
 * cases arrive live, opens one, claims it, ticks the pre-action checklist, reports an outcome and
 * watches it leave the queue; a claim on a colleague's case is refused naming them; an end that
 * asks for a lesson gets one; the hub tags, dismisses and starts cases from the triage inbox;
 * mention text that looks like HTML stays text everywhere; two agents see each other's avatars on a
 * case one of them has open (presence), live, and the avatar goes when they leave.
 * Screenshots land in test-results/console/.
 */
import type { BatonMap, Mention } from '@baton/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { signIn as signInPage } from './browser/designerPage.ts';
import { launchBrowser, screenshot } from './browser/launch.ts';
import { browserSuite } from './browser/suite.ts';
import { approveMap, ingest as ingestMentions, signIn, type Api } from './helpers/api.ts';

const XSS = '<img src=x onerror=alert(1)>';
const ANA = { email: 'ana@example.test', name: 'Ana Agent', password: 'ana-agent-pass-1234' };
const BEN = { email: 'ben@example.test', name: 'Ben Agent', password: 'ben-agent-pass-1234' };

/** Complaints: the hub screenshots and checks, then care resolves within 1 h; escalating asks for a lesson. */
const MAP = {
  format: 'baton.map/v1', id: 'complaints', name: 'Complaints', hub: 'social',
  teams: [{ id: 'social', name: 'Social Hub' }, { id: 'care', name: 'Customer Care' }],
  nodes: [
    { id: 't', type: 'trigger', label: 'Complaint', position: { x: 0, y: 0 }, priority: 5,
      when: { any: [{ field: 'text', op: 'containsAny', value: ['broken', 'refund'] }, { field: 'author.handle', op: 'eq', value: '@mallory' }] } },
    { id: 'care', type: 'pass', label: 'Care resolves', position: { x: 0, y: 160 }, to: { team: 'care' },
      preAction: { checklist: ['Screenshot the post', 'Check the CRM'] },
      expected: { action: 'Resolve the complaint in DM', within: 'PT1H', outcomes: ['resolved', 'escalate'] } },
    { id: 'done', type: 'end', label: 'Resolved', position: { x: 0, y: 320 }, outcome: 'resolved' },
    { id: 'escalated', type: 'end', label: 'Escalated', position: { x: 260, y: 320 }, outcome: 'escalated', lessons: { required: true, prompt: 'What went wrong?' } },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'care' },
    { id: 'e2', source: 'care', target: 'done', on: 'resolved' },
    { id: 'e3', source: 'care', target: 'escalated', on: 'escalate' },
  ],
} satisfies BatonMap;

let admin: Api;
let ben: Api;
const dialogs: string[] = [];
let n = 0;

function mention(text: string, extra: Partial<Mention> = {}): Mention {
  n++;
  return { id: `twitter:${n}`, network: 'twitter', author: { handle: '@carla', name: 'Carla Customer', followers: 1200 }, text, createdAt: new Date().toISOString(), ...extra };
}

/** Posts mentions with the server's ingest token. */
const ingest = (...mentions: Mention[]) => ingestMentions(s.server.url, s.server.ingestToken, mentions);

const shot = (name: string) => screenshot(s.page, name, { folder: 'console', fullPage: true });

const row = (caseId: string) => s.page.locator(`.queue-row[data-case-id="${caseId}"]`);

const s = browserSuite({
  setup: async () => {
    admin = await signIn(s.server.url, s.server.adminEmail, s.server.adminPassword);
    for (const t of MAP.teams) expect((await admin('POST', '/api/teams', t)).status).toBe(201);
    for (const p of [ANA, BEN]) expect((await admin('POST', '/api/users', { ...p, roles: ['agent'], teams: ['social', 'care'] })).status).toBe(201);
    await approveMap(s.server.url, admin, MAP);
    ben = await signIn(s.server.url, BEN.email, BEN.password);
  },
});

beforeAll(() => {
  s.page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});

describe('team console', () => {
  let first: string;
  let xss: string;

  it('shows an empty queue that says what will happen, then rows arrive live without a reload', async () => {
    await signInPage(s.page, s.server.url, ANA.email, ANA.password);
    await s.page.goto(`${s.server.url}/#/console`);
    await expect.poll(() => s.page.getByTestId('console-empty').textContent()).toContain('No cases waiting for your teams — new mentions will appear here as they arrive.');
    await s.page.locator('.live-indicator[data-live="live"]').waitFor();
    await shot('01-console-empty');
    const results = await ingest(
      mention('My order arrived broken\nand nobody answers the phone'),
      mention(XSS, { network: 'instagram', author: { handle: '@mallory', followers: 3 } }),
    );
    first = results[0]!.caseId!;
    xss = results[1]!.caseId!;
    expect(results.map((r) => r.status)).toEqual(['routed', 'routed']);
    await row(first).waitFor();
    await row(xss).waitFor();
    const r1 = row(first);
    // The step first (what to do), the map and its state under it.
    await expect.poll(() => r1.locator('.queue-where > span').first().textContent()).toBe('Care resolves');
    expect(await r1.locator('.queue-where > span').nth(1).textContent()).toMatch(/^Complaints · /);
    expect(await r1.textContent()).toContain('Carla Customer @carla');
    expect(await r1.textContent()).toContain('1,200 followers');
    expect(await r1.getByTestId('mention-first-line').textContent()).toBe('My order arrived broken');
    expect(await r1.locator('.holder-badge').textContent()).toBe('free');
    expect(await r1.locator('[role=img]').getAttribute('aria-label')).toBe('X (Twitter)');
    expect(await row(xss).getByTestId('mention-first-line').textContent()).toBe(XSS);
    expect(await s.page.locator('img[src="x"]').count()).toBe(0);
    await shot('02-console-rows');
  });

  it('opens a case, claims it, ticks the checklist, reports an outcome, and the case leaves the queue', async () => {
    // By keyboard: from the team filter, Tab reaches the first row, with a visible focus ring.
    await s.page.getByTestId('team-filter').focus();
    await s.page.keyboard.press('Tab');
    expect(await s.page.evaluate(() => document.activeElement?.getAttribute('data-case-id'))).toBe(first);
    await shot('02b-row-keyboard-focus');
    await s.page.keyboard.press('Enter');
    await s.page.locator(`.case-page[data-case-id="${first}"]`).waitFor();
    expect(await s.page.getByTestId('case-mention-text').textContent()).toBe('My order arrived broken\nand nobody answers the phone');
    expect(await s.page.getByTestId('case-node').textContent()).toBe('Care resolves');
    await s.page.getByTestId('claim').click();
    await expect.poll(() => s.page.getByTestId('case-holder').textContent()).toContain('You hold this case');
    // A reply to the mention joins the case's thread, live.
    const [reply] = await ingest(mention('Order #4411, still nothing', { inReplyTo: 'twitter:1' }));
    expect(reply).toMatchObject({ status: 'attached', caseId: first });
    await expect.poll(() => s.page.locator('[data-thread="reply"] .plain-text').textContent()).toBe('Order #4411, still nothing');
    await shot('03-case-preparing');
    await s.page.locator('[data-checklist-item="Screenshot the post"]').check();
    await expect.poll(() => s.page.locator('#checklist-title').textContent()).toContain('1 of 2 done');
    await s.page.locator('[data-checklist-item="Check the CRM"]').click(); // the checklist then closes: the case has moved on
    // The last tick passes it to care: it waits there, free, with its deadline running.
    await expect.poll(() => s.page.getByTestId('case-status').textContent()).toBe('Waiting');
    expect(await s.page.getByTestId('expected-action').textContent()).toBe('Resolve the complaint in DM');
    expect(await s.page.locator('.case-panel .countdown').getAttribute('data-tone')).toBe('ok');
    await s.page.getByTestId('claim').click();
    await expect.poll(() => s.page.getByTestId('case-holder').textContent()).toContain('You hold this case');
    await s.page.locator('#note-text').fill('Customer sent the order number by DM');
    await s.page.getByTestId('add-note').click();
    await s.page.locator('[data-thread="note"]').waitFor();
    await s.page.locator('#new-tag').fill('priority-customer');
    await s.page.getByRole('button', { name: 'Add tag' }).click();
    await s.page.locator('[data-tag="priority-customer"]').waitFor();
    await shot('04-case-held');
    await s.page.locator('[data-outcome="resolved"]').click();
    await s.page.waitForURL(/#\/console$/);
    await s.page.locator('[data-toast="success"]', { hasText: '“resolved” recorded — the case has ended.' }).waitFor();
    await row(xss).waitFor();
    await expect.poll(() => row(first).count()).toBe(0);
    await shot('05-after-outcome');
    const done = await admin('GET', `/api/cases/${first}`);
    expect(done.body).toMatchObject({ status: 'ended', endOutcome: 'resolved', tags: ['priority-customer'] });
  });

  it("shows a colleague's claim live, and a refused claim says who holds the case", async () => {
    expect((await ben('POST', `/api/cases/${xss}/claim`)).status).toBe(200);
    await expect.poll(() => row(xss).locator('.holder-badge').textContent()).toBe('Held by Ben Agent');
    await row(xss).click();
    await s.page.locator(`.case-page[data-case-id="${xss}"]`).waitFor();
    expect(await s.page.getByTestId('case-mention-text').textContent()).toBe(XSS);
    expect(await s.page.locator('img[src="x"]').count()).toBe(0);
    await s.page.getByTestId('claim').click();
    await expect.poll(() => s.page.getByTestId('claim-refused').textContent()).toBe('Held by Ben Agent');
    await s.page.locator('[data-toast="error"] .toast-request code').waitFor();
    await shot('06-claim-refused');
    await s.page.getByRole('link', { name: '← Back to the queue' }).click();
  });

  it('an end that asks for a lesson keeps the case closing until one is written', async () => {
    const [r] = await ingest(mention('Refund please, the kettle is broken'));
    const id = r!.caseId!;
    await row(id).click();
    await s.page.locator(`.case-page[data-case-id="${id}"]`).waitFor();
    await s.page.locator('[data-checklist-item="Screenshot the post"]').check();
    await expect.poll(() => s.page.locator('#checklist-title').textContent()).toContain('1 of 2 done');
    await s.page.locator('[data-checklist-item="Check the CRM"]').click(); // the checklist then closes: the case has moved on
    await expect.poll(() => s.page.getByTestId('case-status').textContent()).toBe('Waiting');
    await s.page.locator('[data-outcome="escalate"]').click();
    await s.page.getByTestId('lesson-form').waitFor();
    expect(await s.page.getByTestId('case-status').textContent()).toContain('Closing');
    expect(await s.page.locator('label[for="lesson-text"]').textContent()).toBe('What went wrong?');
    await s.page.locator('#lesson-text').fill(`Ask for the order number first ${XSS}`);
    await shot('07-lesson-form');
    await s.page.getByRole('button', { name: 'Save lesson and close' }).click();
    await expect.poll(() => s.page.getByTestId('case-status').textContent()).toBe('Ended');
    expect(await s.page.locator('.lesson').first().textContent()).toContain(`Ask for the order number first ${XSS}`);
    expect(await s.page.locator('img[src="x"]').count()).toBe(0);
  });

  it('colours the countdown amber under a quarter of the time left and red once breached', async () => {
    const [r] = await ingest(mention('Still broken after the repair', { author: { handle: '@erin', name: 'Erin', followers: 52_000 } }));
    const id = r!.caseId!;
    for (const item of ['Screenshot the post', 'Check the CRM']) expect((await ben('POST', `/api/cases/${id}/checklist`, { item })).status).toBe(200);
    await s.page.goto(`${s.server.url}/#/console`);
    const countdown = row(id).locator('.countdown');
    await expect.poll(() => countdown.getAttribute('data-tone')).toBe('ok');
    const start = Date.now();
    await s.page.clock.setFixedTime(start + 50 * 60_000);
    await expect.poll(() => countdown.getAttribute('data-tone')).toBe('warning');
    await shot('09-countdown-amber');
    await s.page.clock.setFixedTime(start + 65 * 60_000);
    await expect.poll(() => countdown.getAttribute('data-tone')).toBe('breached');
    expect(await countdown.textContent()).toMatch(/breached \d+ min ago/);
    await shot('10-countdown-red');
    await s.page.clock.setFixedTime(start);
  });

  it('a manager sees every team and can filter by one', async () => {
    const manager = { email: 'mo@example.test', name: 'Mo Manager', password: 'mo-manager-pass-1234' };
    expect((await admin('POST', '/api/users', { ...manager, roles: ['manager'], teams: [] })).status).toBe(201);
    await s.page.getByTestId('sign-out').click();
    await signInPage(s.page, s.server.url, manager.email, manager.password);
    await s.page.goto(`${s.server.url}/#/console`);
    await s.page.locator('.queue[data-team="care"]').waitFor();
    await s.page.locator('.queue[data-team="social"]').waitFor();
    await shot('11-manager-all-teams');
    await s.page.getByTestId('team-filter').selectOption('care');
    await expect.poll(() => s.page.locator('.queue[data-team="social"]').count()).toBe(0);
    expect(await s.page.locator('.queue[data-team="care"] .queue-row').count()).toBeGreaterThan(0);
  });

  it('a hub agent who passes a case to a team they do not work is taken back to their queue, where it no longer shows', async () => {
    const hana = { email: 'hana@example.test', name: 'Hana Hub', password: 'hana-hub-pass-1234' };
    expect((await admin('POST', '/api/users', { ...hana, roles: ['agent'], teams: ['social'] })).status).toBe(201);
    const [r] = await ingest(mention('My refund never came', { author: { handle: '@finn' } }));
    await s.page.getByTestId('sign-out').click();
    await signInPage(s.page, s.server.url, hana.email, hana.password);
    await s.page.goto(`${s.server.url}/#/console/case/${r!.caseId}`);
    await s.page.locator('[data-checklist-item="Screenshot the post"]').check();
    await expect.poll(() => s.page.locator('#checklist-title').textContent()).toContain('1 of 2 done');
    await s.page.locator('[data-checklist-item="Check the CRM"]').click();
    await s.page.waitForURL(/#\/console$/);
    await expect.poll(() => s.page.locator('[data-toast="success"]').last().textContent()).toContain('Checklist done — passed to Customer Care.');
    await expect.poll(() => row(r!.caseId!).count()).toBe(0);
    expect((await admin('GET', `/api/cases/${r!.caseId}`)).body).toMatchObject({ status: 'waiting', team: 'care' });
  });

  it('triage: a tag, a dismissal with a reason, and a case started on a map that opens in the console', async () => {
    // Hana works the hub (social), so the inbox is hers to triage.
    const [dan, eve] = await ingest(
      mention(`Nice weather today ${XSS}`, { author: { handle: '@dan' } }),
      mention('Where can I find your annual report?', { author: { handle: '@eve', name: 'Eve Reader' } }),
    );
    expect([dan!.status, eve!.status]).toEqual(['unrouted', 'unrouted']);
    await s.page.goto(`${s.server.url}/#/triage`);
    const danRow = s.page.locator(`.triage-item[data-mention-id="${dan!.id}"]`);
    const eveRow = s.page.locator(`.triage-item[data-mention-id="${eve!.id}"]`);
    await danRow.waitFor();
    await eveRow.waitFor();
    expect(await danRow.getByTestId('triage-text').textContent()).toBe(`Nice weather today ${XSS}`);

    // Tag, from the keyboard: the Tag button opens a field with the focus in it.
    await danRow.locator('[data-triage-action="tag"]').focus();
    await s.page.keyboard.press('Enter');
    await s.page.keyboard.type('press');
    await s.page.keyboard.press('Enter');
    await danRow.locator('.chip[data-tag="press"]').waitFor();
    await s.page.keyboard.press('Escape');
    await shot('08-triage');

    // Dismiss needs a reason; then the row leaves the inbox.
    await eveRow.locator('[data-triage-action="dismiss"]').click();
    const dismiss = eveRow.getByTestId('triage-dismiss-form');
    expect(await dismiss.getByRole('button', { name: 'Dismiss', exact: true }).isDisabled()).toBe(true);
    await dismiss.getByRole('textbox').fill('Investor question, not care: sent to IR by mail');
    await shot('08b-triage-dismiss-reason');
    await dismiss.getByRole('button', { name: 'Dismiss', exact: true }).click();
    await expect.poll(() => eveRow.count()).toBe(0);
    await s.page.locator('[data-toast="success"]', { hasText: 'Dismissed' }).waitFor();
    const inbox = (await admin('GET', '/api/mentions/unrouted')).body.mentions as { id: string; tags: string[] }[];
    expect(inbox.map((m) => m.id)).toEqual([dan!.id]);
    expect(inbox[0]!.tags).toEqual(['press']);

    // Start on map…: the dialog lists the approved map with its trigger preselected.
    await danRow.locator('[data-triage-action="start"]').click();
    const dialog = s.page.getByTestId('start-dialog');
    await dialog.locator('[data-start-map="complaints"] input:checked').waitFor();
    expect(await dialog.locator('#start-trigger').inputValue()).toBe('t');
    expect(await dialog.locator('#start-trigger option').first().textContent()).toContain('Complaint (priority 5)');
    expect(await dialog.textContent()).toContain(`Nice weather today ${XSS}`);
    await shot('08c-triage-start-dialog');
    await s.page.getByTestId('start-case').click();
    await s.page.waitForURL(/#\/console\/case\/case_/);
    const caseId = decodeURIComponent(s.page.url().split('/').pop()!);
    await s.page.locator(`.case-page[data-case-id="${caseId}"]`).waitFor();
    expect(await s.page.getByTestId('case-mention-text').textContent()).toBe(`Nice weather today ${XSS}`);
    await s.page.locator('[data-tag="press"]').waitFor();
    await expect.poll(() => s.page.locator('[data-history="opened"]').textContent()).toContain('You started it from the triage inbox');
    expect(await s.page.locator('img[src="x"]').count()).toBe(0);
    await s.page.locator('[data-toast="success"]', { hasText: 'Case started on Complaints.' }).waitFor();
    // Close the messages (some fade on their own meanwhile) so the picture shows the case.
    while (await s.page.locator('.toast button').count()) await s.page.locator('.toast button').first().click({ timeout: 1000 }).catch(() => undefined);
    await s.page.locator('[data-history="opened"]').scrollIntoViewIfNeeded();
    await shot('08d-triage-started-case');
    expect((await admin('GET', `/api/cases/${caseId}`)).body).toMatchObject({ mentionId: dan!.id, status: 'preparing', team: 'social', tags: ['press'] });
    expect((await admin('GET', '/api/mentions/unrouted')).body.mentions).toEqual([]);
  });

  it("presence: an agent's queue row shows a colleague's avatar while they have the case open, and loses it when they leave", async () => {
    const [r] = await ingest(mention('The blender arrived broken', { author: { handle: '@gus', name: 'Gus Buyer', followers: 80 } }));
    const id = r!.caseId!;
    const benId = (await ben('GET', '/api/session')).body.user.id as string;
    await s.page.getByTestId('sign-out').click();
    await signInPage(s.page, s.server.url, ANA.email, ANA.password);
    await s.page.goto(`${s.server.url}/#/console`);
    await row(id).waitFor();
    // Hana signed out while she had a case open: she left it at once, no ghost lingers for 40 s.
    expect(await s.page.getByTestId('viewers').count()).toBe(0);

    // Ben, in a browser of his own, opens the case.
    const second = await launchBrowser({ width: 1280, height: 900 });
    try {
      const benPage = await second.newPage();
      benPage.on('pageerror', (e) => s.pageErrors.push(e.message));
      await signInPage(benPage, s.server.url, BEN.email, BEN.password);
      await benPage.goto(`${s.server.url}/#/console/case/${id}`);
      await benPage.locator(`.case-page[data-case-id="${id}"]`).waitFor();
      // Ana's queue row shows his avatar within a few seconds, without a reload; his own view does not show him.
      const avatar = row(id).locator(`.viewer-avatar[data-viewer="${benId}"]`);
      await avatar.waitFor({ timeout: 5_000 });
      expect(await avatar.textContent()).toBe('BA');
      expect(await avatar.getAttribute('aria-label')).toBe('Ben Agent is looking at this');
      expect(await avatar.getAttribute('title')).toBe('Ben Agent is looking at this');
      expect(await benPage.getByTestId('viewers').count()).toBe(0);
      await shot('12-presence-queue-row');

      // Ana opens it too: each sees the other in the case header, never themselves.
      await row(id).click();
      await s.page.locator(`.case-page[data-case-id="${id}"]`).waitFor();
      await expect.poll(() => s.page.locator('.case-head [data-testid="viewers"]').textContent()).toContain('Ben Agent is looking at this');
      await expect.poll(() => benPage.locator('.case-head .viewers-caption').textContent()).toBe('Ana Agent is looking at this');
      await shot('13-presence-case-header');
      await s.page.getByRole('link', { name: '← Back to the queue' }).click();
      await avatar.waitFor();

      // A crowd stays calm: three avatars, then "+N".
      const extra = [];
      for (const name of ['Cleo Care', 'Dara Desk', 'Eli Evening']) {
        const email = `${name.split(' ')[0]!.toLowerCase()}@example.test`;
        expect((await admin('POST', '/api/users', { email, name, password: 'presence-pass-1234', roles: ['agent'], teams: ['social'] })).status).toBe(201);
        const who = await signIn(s.server.url, email, 'presence-pass-1234');
        expect((await who('POST', `/api/cases/${id}/viewing`)).status).toBe(200);
        extra.push(who);
      }
      await expect.poll(() => row(id).locator('.viewer-avatar').count()).toBe(4);
      expect(await row(id).locator('.viewer-avatar:not(.viewer-more)').count()).toBe(3);
      expect(await row(id).locator('.viewer-more').textContent()).toBe('+1');
      expect(await row(id).locator('.viewer-more').getAttribute('title')).toBe('Also looking: Eli Evening');
      await shot('14-presence-crowd');
      for (const who of extra) expect((await who('DELETE', `/api/cases/${id}/viewing`)).status).toBe(204);
      await expect.poll(() => row(id).locator('.viewer-avatar').count()).toBe(1);

      // Ben goes back to his queue: the avatar leaves Ana's row.
      await benPage.getByRole('link', { name: '← Back to the queue' }).click();
      await benPage.waitForURL(/#\/console$/);
      await expect.poll(() => row(id).getByTestId('viewers').count(), { timeout: 5_000 }).toBe(0);
      await shot('15-presence-gone');
    } finally {
      await second.close();
    }
  });

  it('never ran mention text as HTML', () => {
    expect(dialogs).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
