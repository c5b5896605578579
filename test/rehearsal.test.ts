/**
 * Rehearsal before approval in a real browser against `baton serve`: a manager keeps a quick spike
 * with the map, with a must-pass bar (no missed deadlines), and submits a new version; the
 * approver sees the evidence failed, bar by bar, and cannot approve (the button is off, and the
 * API answers 409 EVIDENCE_FAILED); the replay of real mentions shows what would route
 * differently. Screenshots land in test-results/designer/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { approveMap, ingest, signIn as apiSignIn, type Api } from './helpers/api.ts';
import { signIn, signOut } from './browser/designerPage.ts';
import { screenshot } from './browser/launch.ts';
import { browserSuite } from './browser/suite.ts';

const root = join(import.meta.dirname, '..');
const example = JSON.parse(readFileSync(join(root, 'examples/customer-complaint/customer-complaint.map.json'), 'utf8'));
const MANAGER = { email: 'mia@example.test', name: 'Mia Manager', password: 'manager-pass-1234' };
const APPROVER = { email: 'ada@example.test', name: 'Ada Approver', password: 'approver-pass-1234' };
let approver: Api;

const s = browserSuite({
  setup: async (server) => {
    const admin = await apiSignIn(server.url, server.adminEmail, server.adminPassword);
    await approveMap(server.url, admin, example);
    for (const [u, roles] of [[MANAGER, ['manager']], [APPROVER, ['approver']]] as const) {
      expect((await admin('POST', '/api/users', { ...u, roles, teams: [] })).status).toBe(201);
    }
    approver = await apiSignIn(server.url, APPROVER.email, APPROVER.password);
    const now = Date.now();
    await ingest(server.url, server.ingestToken, [
      ['My order arrived broken, terrible', -0.7], ['Still waiting for my refund, awful service', -0.8], ['The app is useless today', -0.6], ['Lovely staff in the shop', 0.8],
    ].map(([text, sentiment], i) => ({ id: `real:${i}`, network: 'twitter', author: { handle: `@real${i}` }, text, sentiment, createdAt: new Date(now - (i + 1) * 3_600_000).toISOString(), brand: 'shopco' })));
    // The manager's draft sends order and payment trouble to Customer Care instead of Billing.
    const manager = await apiSignIn(server.url, MANAGER.email, MANAGER.password);
    const draft = { ...example, edges: example.edges.map((e: { id: string }) => (e.id === 'e3' ? { ...e, target: 'p_care' } : e)) };
    expect((await manager('PUT', '/api/maps/customer-complaint', draft)).status).toBe(200);
  },
});

describe('rehearsal before approval', () => {
  it('a manager keeps a quick spike with a must-pass bar and submits; the approver sees it failed and cannot approve', async () => {
    const { page } = s;
    await signIn(page, s.server.url, MANAGER.email, MANAGER.password);
    await page.goto(`${s.server.url}/#/maps/customer-complaint`);
    await page.getByTestId('map-version').waitFor();
    await page.locator('.mode-switch [data-mode="simulate"]').click();
    const panel = page.getByTestId('scenario-panel');
    await expect.poll(() => page.getByTestId('kept-none').count()).toBe(1);
    await panel.locator('.spike-details summary').click();
    await panel.getByRole('button', { name: 'Use this spike' }).click();
    const form = page.getByTestId('keep-form');
    await form.waitFor();
    // The default bar: no missed deadline anywhere. Add a second: Customer Care picks up 9 in 10 within 30 minutes.
    await form.getByTestId('add-bar').click();
    await form.getByLabel('Bar 2: measure').selectOption('pickupP90Sec');
    await form.getByLabel('Bar 2: where').selectOption('team:care');
    await form.getByLabel('Bar 2: at most').fill('30');
    await screenshot(page, 'rehearsal-01-keep-form');
    await page.getByTestId('keep-scenario').click();
    const kept = page.locator('[data-kept-scenario]');
    await kept.first().waitFor();
    expect(await kept.count()).toBe(1);
    expect(await kept.first().textContent()).toMatch(/Missed deadlines: at most 0/);
    expect(await kept.first().textContent()).toMatch(/Pick-up time, 9 in 10 at Customer Care: at most 30 min/);
    await screenshot(page, 'rehearsal-02-kept');

    await page.locator('.mode-switch [data-mode="design"]').click();
    await page.getByTestId('submit-map').click();
    await page.waitForTimeout(1500);
    await screenshot(page, 'rehearsal-02b-submitted');
    await expect.poll(() => page.getByTestId('map-version').getAttribute('data-state'), { timeout: 30_000 }).toBe('submitted');
    const version = Number(await page.getByTestId('map-version').getAttribute('data-version'));
    await signOut(page);

    await signIn(page, s.server.url, APPROVER.email, APPROVER.password);
    await page.goto(`${s.server.url}/#/maps/customer-complaint`);
    await page.getByTestId('review-panel').waitFor();
    const verdict = page.getByTestId('evidence-verdict');
    await expect.poll(() => verdict.getAttribute('data-verdict'), { timeout: 30_000 }).toBe('failed');
    expect(await verdict.textContent()).toMatch(/Missed deadlines: [\d,]+ \(at most 0\)/);
    expect(await page.getByTestId('approve-version').isDisabled()).toBe(true);
    expect(await page.getByTestId('review-blocked').textContent()).toMatch(/failed must-pass bars/);
    expect(await page.getByTestId('approve-override').count()).toBe(0);
    const card = page.locator('[data-evidence-scenario]').first();
    expect(await card.getAttribute('data-passed')).toBe('false');
    expect(await card.locator('[data-bar-passed="false"]').count()).toBeGreaterThan(0);
    expect(await card.locator('.evidence-figures').textContent()).toMatch(/Active v1.*Submitted v2/);
    expect(await card.getByTestId('chart-queue-depth').locator('.recharts-line').count()).toBeGreaterThan(0);
    await screenshot(page, 'rehearsal-03-review-failed');
    // The server refuses too, naming the bars.
    const refused = await approver('POST', `/api/maps/customer-complaint/versions/${version}/approve`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('EVIDENCE_FAILED');

    // Replay the real mentions of the last week: the order complaint moves from Billing to Customer Care.
    await page.locator('.review-section summary', { hasText: 'Replay real mentions' }).click();
    await page.getByTestId('run-replay').click();
    const result = page.getByTestId('replay-result');
    await result.waitFor();
    expect(Number(await result.getAttribute('data-changed'))).toBeGreaterThan(0);
    expect(await result.textContent()).toContain('My order arrived broken, terrible');
    expect(await result.locator('[data-replay-team="billing"]').getAttribute('data-gain')).toMatch(/^-\d+$/);
    await result.scrollIntoViewIfNeeded();
    await screenshot(page, 'rehearsal-04-replay');
    expect(s.pageErrors).toEqual([]);
  }, 180_000);
});
