/**
 * The console as agents expect it, in a real browser against the real runtime: an agent works a
 * case with the keyboard only (j/k through the queue, Enter opens, ? lists the shortcuts, c
 * claims, r goes to the reply box — where typed letters stay letters —, o to the outcomes, / to
 * search); Triage shows only for the hub; a business-hours countdown says when it goes on; and
 * the queue and a case at phone width (390 px) fit without sideways scrolling.
 * Screenshots land in test-results/console-keys/.
 */
import type { BatonMap, Mention } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { signIn as signInPage, signOut } from './browser/designerPage.ts';
import { launchBrowser, screenshot } from './browser/launch.ts';
import { browserSuite } from './browser/suite.ts';
import { approveMap, ingest as ingestMentions, signIn, type Api } from './helpers/api.ts';

const ANA = { email: 'ana@example.test', name: 'Ana Agent', password: 'ana-agent-pass-1234' };
const HUB = { email: 'hugo@example.test', name: 'Hugo Hub', password: 'hugo-hub-pass-1234' };

/** Complaints go straight to care (1 h, counted in care's open hours). */
const MAP = {
  format: 'baton.map/v1', id: 'complaints', name: 'Complaints', hub: 'social',
  teams: [{ id: 'social', name: 'Social Hub' }, { id: 'care', name: 'Customer Care' }],
  nodes: [
    { id: 't', type: 'trigger', label: 'Complaint', position: { x: 0, y: 0 }, priority: 0, when: { field: 'text', op: 'containsAny', value: ['broken', 'refund'] } },
    { id: 'care', type: 'pass', label: 'Care resolves', position: { x: 0, y: 160 }, to: { team: 'care' },
      expected: { action: 'Resolve the complaint in DM', within: 'PT1H', outcomes: ['resolved', 'escalate'], businessHours: true } },
    { id: 'done', type: 'end', label: 'Resolved', position: { x: 0, y: 320 }, outcome: 'resolved' },
    { id: 'escalated', type: 'end', label: 'Escalated', position: { x: 260, y: 320 }, outcome: 'escalated' },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'care' },
    { id: 'e2', source: 'care', target: 'done', on: 'resolved' },
    { id: 'e3', source: 'care', target: 'escalated', on: 'escalate' },
  ],
} satisfies BatonMap;

let admin: Api;
let n = 0;
function mention(text: string): Mention {
  n++;
  return { id: `twitter:${n}`, network: 'twitter', author: { handle: '@carla', name: 'Carla Customer', followers: 1200 }, text, createdAt: new Date().toISOString() };
}
const ingest = (...mentions: Mention[]) => ingestMentions(s.server.url, s.server.ingestToken, mentions);
const shot = (name: string, page = s.page) => screenshot(page, name, { folder: 'console-keys', fullPage: true });
const blur = () => s.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
const focusedCase = () => s.page.evaluate(() => document.activeElement?.getAttribute('data-case-id') ?? null);

const s = browserSuite({
  setup: async (server) => {
    admin = await signIn(server.url, server.adminEmail, server.adminPassword);
    await approveMap(server.url, admin, MAP);
    expect((await admin('POST', '/api/users', { ...ANA, roles: ['agent'], teams: ['care'] })).status).toBe(201);
    expect((await admin('POST', '/api/users', { ...HUB, roles: ['agent'], teams: ['social'] })).status).toBe(201);
  },
});

describe('the console by keyboard', () => {
  let first: string;
  let second: string;

  it('works a case without the mouse', async () => {
    await signInPage(s.page, s.server.url, ANA.email, ANA.password);
    await s.page.goto(`${s.server.url}/#/console`);
    await s.page.locator('.live-indicator[data-live="live"]').waitFor();
    const opened = (await ingest(mention('My blender arrived broken'), mention('Still waiting for my refund'))).map((r) => r.caseId!);
    first = opened[0]!;
    second = opened[1]!;
    await s.page.locator(`.queue-row[data-case-id="${second}"]`).waitFor();
    await s.page.locator('body').focus();

    // j/k move through the queue, Enter opens the focused case.
    await s.page.keyboard.press('j');
    expect(await focusedCase()).toBe(first);
    await s.page.keyboard.press('j');
    expect(await focusedCase()).toBe(second);
    await s.page.keyboard.press('k');
    expect(await focusedCase()).toBe(first);
    await s.page.keyboard.press('Enter');
    await s.page.locator(`.case-page[data-case-id="${first}"]`).waitFor();

    // ? lists the shortcuts; Esc closes the list.
    await s.page.keyboard.press('?');
    const help = s.page.getByTestId('shortcuts-help');
    await help.waitFor();
    expect(await help.locator('[data-shortcut]').evaluateAll((els) => els.map((e) => e.getAttribute('data-shortcut')))).toEqual(['j', 'k', 'c', 'r', 'o', 'u', '/', '?', 'Escape']);
    await shot('01-shortcuts');
    await s.page.keyboard.press('Escape');
    await help.waitFor({ state: 'detached' });

    // c claims.
    await s.page.keyboard.press('c');
    await expect.poll(() => s.page.getByTestId('case-holder').textContent()).toContain('You hold this case');

    // r goes to the reply box; letters typed there are text, not shortcuts.
    await s.page.keyboard.press('r');
    await expect.poll(() => s.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reply-text');
    await s.page.keyboard.type('Sorry, Carla: a new jug is on its way. /j k c o?');
    expect(await s.page.getByTestId('reply-text').inputValue()).toBe('Sorry, Carla: a new jug is on its way. /j k c o?');
    expect(await s.page.getByTestId('shortcuts-help').count()).toBe(0);
    expect(s.page.url()).toContain(`#/console/case/${encodeURIComponent(first)}`);
    await s.page.keyboard.press('Tab');
    await s.page.keyboard.press('Enter'); // the send (or record) button follows the box
    await expect.poll(() => s.page.getByTestId('reply-text').inputValue()).toBe('');

    // o goes to the outcomes; Enter reports the first.
    await blur();
    await s.page.keyboard.press('o');
    expect(await s.page.evaluate(() => document.activeElement?.getAttribute('data-outcome'))).toBe('resolved');
    await shot('02-outcome-focused');
    await s.page.keyboard.press('Enter');
    // Done: back to the queue, where the case has gone and j takes the next one.
    await expect.poll(() => s.page.url()).toMatch(/#\/console$/);
    await s.page.locator(`.queue-row[data-case-id="${first}"]`).waitFor({ state: 'detached' });
    await s.page.locator(`.queue-row[data-case-id="${second}"]`).waitFor();
    await s.page.keyboard.press('j');
    expect(await focusedCase()).toBe(second);
    await s.page.keyboard.press('Enter');
    await s.page.locator(`.case-page[data-case-id="${second}"]`).waitFor();
    await s.page.keyboard.press('u');
    await expect.poll(() => s.page.url()).toMatch(/#\/console$/);
    await s.page.keyboard.press('/');
    await expect.poll(() => s.page.url()).toMatch(/#\/search$/);
  });

  it('says when a business-hours countdown goes on while the team is closed', async () => {
    // Care is open one hour a week, an hour that is not now: its countdown is paused.
    const now = new Date();
    const closed = (now.getUTCDay() + 3) % 7; // three days away
    const day = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][closed]!;
    expect((await admin('PATCH', '/api/teams/care', { hours: { timeZone: 'UTC', week: { [day]: [['09:00', '10:00']] } } })).status).toBe(200);
    const [late] = await ingest(mention('Broken kettle, after hours'));
    await s.page.goto(`${s.server.url}/#/console/case/${encodeURIComponent(late!.caseId!)}`);
    await s.page.reload(); // the directory (with the team's hours) is read when the console opens
    const countdown = s.page.locator('.case-box .countdown');
    const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][closed]!;
    await expect.poll(() => countdown.textContent(), { timeout: 15_000 }).toBe(`1 h left, paused until ${weekday} 09:00`);
    await shot('03-paused-countdown');
  });

  it('shows Triage only to the hub', async () => {
    await s.page.goto(`${s.server.url}/#/console`);
    await s.page.locator('[data-section="console"]').waitFor();
    await s.page.locator('[data-section="digest"], [data-section="console"]').first().waitFor();
    expect(await s.page.locator('[data-section="triage"]').count()).toBe(0);
    await s.page.goto(`${s.server.url}/#/triage`);
    await expect.poll(() => s.page.getByTestId('not-yours').textContent()).toContain('hub team');
    await signOut(s.page);
    await signInPage(s.page, s.server.url, HUB.email, HUB.password);
    await s.page.locator('[data-section="triage"]').waitFor();
    expect(await s.page.locator('[data-section="digest"]').count()).toBe(1);
  });
});

describe('at phone width', () => {
  it('the queue and a case fit 390 px without sideways scrolling', async () => {
    const phone = await launchBrowser({ width: 390, height: 844 });
    try {
      const page = await phone.newPage();
      await signInPage(page, s.server.url, ANA.email, ANA.password);
      const [c] = await ingest(mention('My phone case arrived broken, the clasp snapped on day one and I want a refund'));
      await page.goto(`${s.server.url}/#/console`);
      await page.locator(`.queue-row[data-case-id="${c!.caseId}"]`).waitFor();
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(await overflow()).toBeLessThanOrEqual(0);
      await shot('04-phone-queue', page);
      await page.locator(`.queue-row[data-case-id="${c!.caseId}"]`).click();
      await page.getByTestId('claim').click();
      await expect.poll(() => page.getByTestId('case-holder').textContent()).toContain('You hold this case');
      expect(await overflow()).toBeLessThanOrEqual(0);
      await shot('05-phone-case', page);
    } finally {
      await phone.close();
    }
  });

  it('threw no script errors', () => {
    expect(s.pageErrors).toEqual([]);
  });
});
