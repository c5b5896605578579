/**
 * The care record in a real browser against the real runtime: an agent presses `/` in the console,
 * finds a closed and an open case by words of the thread and a note, opens the customer's record
 * from a result, and logs a phone call on an offline pass, which moves the case on; the record then
 * shows the call. Screenshots at 1280 and 390 px land in test-results/care-record/.
 */
import type { BatonMap, Mention } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { signIn as signInPage } from './browser/designerPage.ts';
import { screenshot } from './browser/launch.ts';
import { browserSuite } from './browser/suite.ts';
import { approveMap, ingest as ingestMentions, signIn, type Api } from './helpers/api.ts';

const ANA = { email: 'ana@example.test', name: 'Ana Agent', password: 'ana-agent-pass-1234' };

/** Sales leads: care calls them back (an offline pass), then it is over. */
const MAP = {
  format: 'baton.map/v1', id: 'leads', name: 'Sales leads', hub: 'care',
  teams: [{ id: 'care', name: 'Customer Care' }],
  nodes: [
    { id: 't', type: 'trigger', label: 'Lead', position: { x: 0, y: 0 }, priority: 0, when: { field: 'text', op: 'containsAny', value: ['pricing', 'broken'] } },
    { id: 'call', type: 'pass', label: 'Call back', position: { x: 0, y: 120 }, to: { team: 'care' }, channel: 'offline',
      expected: { action: 'Call the prospect and log the call', within: 'P1D', outcomes: ['meeting-booked', 'not-a-fit'] } },
    { id: 'done', type: 'end', label: 'Called', position: { x: 0, y: 240 }, outcome: 'called' },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'call' },
    { id: 'e2', source: 'call', target: 'done', on: 'meeting-booked' },
    { id: 'e3', source: 'call', target: 'done', on: 'not-a-fit' },
  ],
} satisfies BatonMap;

let admin: Api;
let ana: Api;
let n = 0;
function mention(text: string, extra: Partial<Mention> = {}): Mention {
  n++;
  return { id: `twitter:care-${n}`, network: 'twitter', author: { handle: '@dora', name: 'Dora Buyer', followers: 5400 }, text, createdAt: new Date(Date.now() - (10 - n) * 60_000).toISOString(), ...extra };
}
const ingest = (...mentions: Mention[]) => ingestMentions(s.server.url, s.server.ingestToken, mentions);
const shot = (name: string, fullPage = false) => screenshot(s.page, name, { folder: 'care-record', fullPage });

const s = browserSuite({
  setup: async () => {
    admin = await signIn(s.server.url, s.server.adminEmail, s.server.adminPassword);
    await approveMap(s.server.url, admin, MAP);
    expect((await admin('POST', '/api/users', { ...ANA, roles: ['agent'], teams: ['care'] })).status).toBe(201);
    ana = await signIn(s.server.url, ANA.email, ANA.password);
  },
});

describe('the care record in the web app', () => {
  let openCase: string;
  let closedCase: string;

  it('searches from the console with /, finding open and closed cases by words of the thread and notes', async () => {
    const ingested = await ingest(mention('What is your pricing for teams of 40?'), mention('The pricing page is broken on my phone'), mention('unrelated hello', { author: { handle: '@erin' } }));
    closedCase = ingested[0]!.caseId!;
    openCase = ingested[1]!.caseId!;
    expect((await ana('POST', `/api/cases/${closedCase}/notes`, { text: 'Wants an invoice in euros' })).status).toBe(200);
    expect((await ana('POST', `/api/cases/${closedCase}/outcome`, { outcome: 'not-a-fit' })).status).toBe(200);
    await signInPage(s.page, s.server.url, ANA.email, ANA.password);
    await s.page.goto(`${s.server.url}/#/console`);
    await s.page.locator('.console-page').waitFor();
    await s.page.keyboard.press('/');
    const words = s.page.getByTestId('search-q');
    await words.waitFor();
    expect(await words.evaluate((el) => el === document.activeElement)).toBe(true);
    await words.fill('pricing');
    await words.press('Enter');
    const results = s.page.locator('.search-result');
    await expect.poll(() => results.count()).toBe(2);
    expect(await results.nth(0).getAttribute('data-case-id')).toBe(openCase);
    expect(await results.nth(1).getAttribute('data-status')).toBe('ended');
    await shot('01-search-1280');
    await words.fill('euros');
    await s.page.getByTestId('search-submit').click();
    await expect.poll(() => results.count()).toBe(1);
    expect(await results.nth(0).getAttribute('data-case-id')).toBe(closedCase);
    expect(await s.page.getByTestId('done-today').textContent()).toContain('not-a-fit');
    await s.page.locator('#saved-name').fill('Euro invoices');
    await s.page.getByTestId('save-search').click();
    await s.page.locator('.saved-list a', { hasText: 'Euro invoices' }).waitFor();
  });

  it("opens the customer's record from a search result", async () => {
    await s.page.goto(`${s.server.url}/#/search?q=pricing`);
    await s.page.locator('.search-result').first().waitFor();
    await s.page.getByTestId('result-person').first().click();
    await s.page.getByTestId('person-page').waitFor();
    expect(await s.page.locator('#person-title').textContent()).toBe('Dora Buyer');
    expect(await s.page.locator('[data-interaction="mention"]').count()).toBe(2);
    expect(await s.page.locator('[data-interaction="note"]').textContent()).toContain('Wants an invoice in euros');
    const counts = s.page.getByTestId('person-counts');
    expect(await counts.locator('div', { hasText: 'mentions' }).locator('dd').textContent()).toBe('2');
    expect(await counts.locator('div', { hasText: 'cases' }).locator('dd').textContent()).toBe('2');
    expect(await s.page.locator('.person-head').textContent()).toContain('5,400 followers');
    await shot('02-person-1280', true);
    await s.page.setViewportSize({ width: 390, height: 844 });
    await shot('03-person-390', true);
    await s.page.setViewportSize({ width: 1280, height: 900 });
  });

  it('an offline pass reads "Call the customer"; logging the call with an outcome moves the case on, and the record shows it', async () => {
    await s.page.goto(`${s.server.url}/#/console/case/${openCase}`);
    await s.page.locator(`.case-page[data-case-id="${openCase}"]`).waitFor();
    await expect.poll(() => s.page.getByTestId('offline-step').textContent()).toBe('Call the customer');
    await s.page.getByTestId('contact-summary').fill('Called Dora: the page works again; she booked a demo for Friday');
    await s.page.setViewportSize({ width: 390, height: 844 });
    await shot('04-offline-step-390', true);
    await s.page.setViewportSize({ width: 1280, height: 900 });
    await shot('05-offline-step-1280');
    await s.page.getByTestId('contact-outcome').selectOption('meeting-booked');
    await s.page.getByTestId('log-contact').click();
    await expect.poll(() => s.page.getByTestId('case-status').textContent()).toBe('Ended');
    const c = (await ana('GET', `/api/cases/${openCase}`)).body;
    expect(c).toMatchObject({ status: 'ended', endOutcome: 'called' });
    await s.page.getByTestId('case-person').click();
    await s.page.getByTestId('person-page').waitFor();
    const call = s.page.locator('[data-interaction="contact"]');
    await call.waitFor();
    expect(await call.textContent()).toContain('Phone call');
    expect(await call.textContent()).toContain('booked a demo for Friday');
    await shot('06-person-with-call-1280', true);
  });
});
