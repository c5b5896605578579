/**
 * Takes a screenshot of every designer screen against a mocked API, for a person to look at:
 * `npx tsx test/browser/lookAtScreens.ts` (after `npm run build -w @baton/designer`).
 */
import { join } from 'node:path';
import { launchBrowser, screenshot } from './launch.ts';
import { mockApi } from './mockApi.ts';
import { serveStatic } from './staticServer.ts';

const dist = join(import.meta.dirname, '..', '..', 'apps', 'designer', 'dist');
const server = await serveStatic(dist);
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await mockApi(page);
  await page.goto(`${server.url}/#/maps`);
  await page.getByTestId('maps-empty').waitFor();
  console.log(await screenshot(page, 'look-01-maps-empty'));
  await page.getByTestId('new-map').click();
  console.log(await screenshot(page, 'look-02-new-map-dialog'));
  await page.locator('[data-new-map="network-outage-crisis"]').click();
  await page.locator('.react-flow__node').first().waitFor();
  await page.waitForTimeout(500);
  console.log(await screenshot(page, 'look-03-designer-example'));
  await page.locator('.react-flow__node-pass').first().click();
  await page.waitForTimeout(200);
  console.log(await screenshot(page, 'look-04-pass-selected'));
  await page.locator('.react-flow__node-trigger').first().click();
  await page.waitForTimeout(200);
  console.log(await screenshot(page, 'look-05-trigger-selected'));
  await page.getByTestId('auto-layout').click();
  await page.waitForTimeout(1200);
  console.log(await screenshot(page, 'look-06-auto-layout'));
  await page.getByTestId('save-map').click();
  await page.waitForTimeout(500);
  await page.getByTestId('submit-map').click();
  await page.waitForTimeout(800);
  console.log(await screenshot(page, 'look-07-review'));
  // Approve v1, change the map, submit v2: the review shows added, changed and removed steps.
  await page.locator('textarea[name=comment]').fill('Fine.');
  await page.getByTestId('approve-version').click();
  await page.waitForTimeout(500);
  await page.locator('[data-mode=design]').click();
  await page.locator('.react-flow__node-end').first().click();
  await page.keyboard.press('Delete');
  await page.locator('.react-flow__node-pass').first().click();
  await page.getByTestId('inspector').locator('input[name=within]').fill('2 h');
  await page.locator('[data-palette-item="end"]').click();
  await page.getByTestId('save-map').click();
  await page.waitForTimeout(500);
  await page.getByTestId('submit-map').click();
  await page.waitForTimeout(800);
  console.log(await screenshot(page, 'look-07b-review-diff'));
  await page.goto(`${server.url}/#/maps`);
  await page.waitForTimeout(500);
  console.log(await screenshot(page, 'look-08-maps-list'));
  await page.getByTestId('new-map').click();
  await page.locator('[data-new-map="blank"]').click();
  await page.getByTestId('canvas-empty').waitFor();
  await page.locator('[data-palette-item="trigger"]').dragTo(page.getByTestId('canvas'), { targetPosition: { x: 300, y: 150 } });
  await page.locator('[data-palette-item="end"]').dragTo(page.getByTestId('canvas'), { targetPosition: { x: 300, y: 400 } });
  await page.waitForTimeout(300);
  console.log(await screenshot(page, 'look-09-blank-with-nodes'));
  // A decision branch in the inspector, at 100% zoom.
  await page.goto(`${server.url}/#/maps`);
  await page.getByTestId('new-map').click();
  await page.locator('[data-new-map="customer-complaint"]').click();
  await page.locator('.react-flow__node-decision').first().waitFor();
  await page.waitForTimeout(800);
  console.log(await screenshot(page, 'look-11-customer-complaint'));
  await page.locator('.react-flow__node-decision').first().click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await page.waitForTimeout(300);
  console.log(await screenshot(page, 'look-12-pasted-decision'));
  await page.keyboard.press('Control+z');
  const label = page.locator('.edge-label').first();
  await label.waitFor();
  const edgeId = await label.getAttribute('data-edge-label');
  await page.locator(`.react-flow__edge[data-id="${edgeId}"]`).click({ force: true });
  await page.waitForTimeout(300);
  console.log(await screenshot(page, 'look-13-edge-inspector'));
  await page.locator('.react-flow__controls-zoomin').click();
  await page.locator('.react-flow__controls-zoomin').click();
  await page.waitForTimeout(300);
  console.log(await screenshot(page, 'look-14-zoomed'));
  await page.locator('[data-mode=simulate]').click();
  await page.waitForTimeout(200);
  console.log(await screenshot(page, 'look-15-simulate'));
  await page.locator('[data-mode=design]').click();
  await page.getByTestId('export-menu').click();
  console.log(await screenshot(page, 'look-16-export-menu'));
  await page.getByTestId('export-menu').click();
  await page.locator('[data-section=admin], [data-section=reports]').first().click();
  await page.waitForTimeout(200);
  console.log(await screenshot(page, 'look-17-coming-soon'));
  await page.getByTestId('sign-out').click();
  await page.waitForTimeout(300);
  await page.fill('input[name=email]', 'maria@example.org');
  await page.fill('input[name=password]', 'wrong');
  await page.click('button[type=submit]');
  await page.waitForTimeout(300);
  console.log(await screenshot(page, 'look-10-sign-in-error'));
} finally {
  await browser.close();
  await server.stop();
}
