/**
 * Takes a screenshot of every screen against the real runtime, for a person to look at:
 * `npx tsx test/browser/lookAtScreens.ts` (saves under test-results/designer/). It starts
 * `baton serve` on a fresh database, puts the customer-complaint example live, feeds a few
 * mentions, then walks the web app as the administrator and as a care agent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { approveMap, ingest, signIn } from '../helpers/api.ts';
import { startServer } from '../helpers/startServer.ts';
import { launchBrowser, screenshot } from './launch.ts';

const root = join(import.meta.dirname, '..', '..');
const example = JSON.parse(readFileSync(join(root, 'examples/customer-complaint/customer-complaint.map.json'), 'utf8'));
const server = await startServer();
const browser = await launchBrowser();
const shots: string[] = [];
const look = async (page: Page, name: string) => {
  await page.waitForTimeout(400);
  shots.push(await screenshot(page, name));
};

async function signInAs(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/#/maps`);
  await page.fill('input[name=email]', email);
  await page.fill('input[name=password]', password);
  await page.click('button[type=submit]');
  await page.getByTestId('signed-in-user').waitFor();
}

try {
  const admin = await signIn(server.url, server.adminEmail, server.adminPassword);
  await approveMap(server.url, admin, example);
  const agentPassword = 'care agent password';
  await admin('POST', '/api/users', { email: 'sam@example.test', name: 'Sam Care', password: agentPassword, roles: ['agent'], teams: ['care'] });
  const mentions = [
    ['My order arrived broken and nobody answers the phone', -0.6],
    ['Still waiting for my refund, 3 weeks now. Terrible service', -0.8],
    ['Can anyone help? My parcel says delivered but it is not here', -0.3],
    ['Love the new store layout!', 0.8],
    ['Is the app down for anyone else?', -0.2],
  ] as const;
  await ingest(server.url, server.ingestToken, mentions.map(([text, sentiment], i) => ({
    id: `look:${i}`, network: i % 2 ? 'facebook' : 'twitter', author: { handle: `@customer${i}`, followers: 120 * (i + 1) },
    text, sentiment, createdAt: new Date(Date.now() - (5 - i) * 60_000).toISOString(), directedAtBrand: true, brand: 'shopco',
  })));

  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));

  await page.goto(`${server.url}/#/maps`);
  await page.fill('input[name=email]', server.adminEmail);
  await page.fill('input[name=password]', 'not the password');
  await page.click('button[type=submit]');
  await page.getByTestId('sign-in-error').waitFor();
  await look(page, 'look-01-sign-in-error');
  await signInAs(page, server.adminEmail, server.adminPassword);
  await look(page, 'look-02-maps-list');

  await page.getByTestId('new-map').click();
  await look(page, 'look-03-new-map-dialog');
  await page.locator('[data-new-map="network-outage-crisis"]').click();
  await page.locator('.react-flow__node').first().waitFor();
  await look(page, 'look-04-designer-example');
  await page.locator('.react-flow__node-pass').first().click();
  await look(page, 'look-05-pass-selected');
  await page.locator('.react-flow__node-decision').first().click();
  await look(page, 'look-06-decision-selected');
  const label = page.locator('.edge-label').first();
  const edgeId = await label.getAttribute('data-edge-label');
  await page.locator(`.react-flow__edge[data-id="${edgeId}"]`).click({ force: true });
  await look(page, 'look-07-edge-inspector');
  await page.getByTestId('auto-layout').click();
  await page.waitForTimeout(1000);
  await look(page, 'look-08-auto-layout');
  await page.getByTestId('export-menu').click();
  await look(page, 'look-09-export-menu');
  await page.getByTestId('export-menu').click();

  await page.locator('[data-mode="simulate"]').click();
  await page.getByTestId('simulation-empty').waitFor();
  await look(page, 'look-10-simulate-empty');
  await page.locator('[data-scenario^="network-outage-crisis/"]').last().click();
  await page.getByTestId('run-simulation').click();
  await page.getByTestId('simulation-results').waitFor();
  await look(page, 'look-11-simulate-results');
  await page.locator('[data-mode="design"]').click();

  await page.getByTestId('save-map').click();
  await page.waitForTimeout(500);
  await page.getByTestId('submit-map').click();
  await look(page, 'look-12-review-own-submission');

  await page.goto(`${server.url}/#/maps/${example.id}`);
  await page.locator('.react-flow__node').first().waitFor();
  await look(page, 'look-13-approved-map');

  await page.goto(`${server.url}/#/console`);
  await page.locator('.queue-row').first().waitFor();
  await look(page, 'look-14-console-queues');
  await page.locator('.queue-row').first().click();
  await page.locator('.case-page').waitFor();
  await look(page, 'look-15-case-view');

  await page.goto(`${server.url}/#/triage`);
  await look(page, 'look-16-triage');
  await page.goto(`${server.url}/#/reports`);
  await look(page, 'look-17-reports');
  await page.goto(`${server.url}/#/admin`);
  await look(page, 'look-18-admin');
  await page.goto(`${server.url}/#/admin/sources`);
  await look(page, 'look-18b-admin-sources');
  await page.goto(`${server.url}/#/admin/deliveries`);
  await look(page, 'look-18c-admin-deliveries');

  await page.getByTestId('sign-out').click();
  await signInAs(page, 'sam@example.test', agentPassword);
  await page.goto(`${server.url}/#/console`);
  await look(page, 'look-19-agent-console');
  const row = page.locator('.queue-row').first();
  if (await row.count()) {
    await row.click();
    await page.locator('.case-page').waitFor();
    const claim = page.getByTestId('claim');
    if (await claim.count()) await claim.click();
    await look(page, 'look-20-agent-case-reply-box');
    await page.setViewportSize({ width: 390, height: 844 });
    await look(page, 'look-21-agent-case-phone');
  }
  for (const shot of shots) console.log(shot);
} finally {
  await browser.close();
  await server.stop();
}
