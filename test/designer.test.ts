/**
 * The designer in a real browser against the real runtime: a manager draws a map by drag and
 * drop, watches a dead end appear and disappear, saves and reloads it; then submits it and a
 * second person, an approver, reviews the visual diff and approves. Screenshots land in
 * test-results/designer/.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { simulateMap } from '@baton/engine';
import type { BatonMap, Scenario } from '@baton/engine';
import { startServer } from './helpers/startServer.ts';
import type { RunningServer } from './helpers/startServer.ts';
import { ensureDesignerBuilt } from './browser/buildDesigner.ts';
import { connect, dragFromPalette, nodeById, problemRows, signIn, signOut } from './browser/designerPage.ts';
import { SCREENSHOTS, launchBrowser, screenshot } from './browser/launch.ts';
import type { TestBrowser } from './browser/launch.ts';

const APPROVER = { email: 'ada@example.test', name: 'Ada Approver', password: 'approver-pass-1234' };

let server: RunningServer;
let browser: TestBrowser;
let page: Page;
let adminToken: string;
let mapId: string;
const pageErrors: string[] = [];

async function asAdmin(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

beforeAll(async () => {
  ensureDesignerBuilt();
  server = await startServer({ env: { BATON_SKIP_WEB_BUILD: '1' } });
  const session = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }),
  });
  adminToken = ((await session.json()) as { token: string }).token;
  for (const team of [{ id: 'social', name: 'Social Hub' }, { id: 'care', name: 'Customer Care' }]) {
    expect((await asAdmin('POST', '/api/teams', team)).status).toBe(201);
  }
  const approver = await asAdmin('POST', '/api/users', { ...APPROVER, roles: ['approver'], teams: [] });
  expect(approver.status).toBe(201);
  browser = await launchBrowser({ width: 1280, height: 900 });
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('designer', () => {
  it('says clearly when the password is wrong', async () => {
    await page.goto(`${server.url}/#/maps`);
    await page.locator('input[name=email]').fill(server.adminEmail);
    await page.locator('input[name=password]').fill('not-the-password');
    await page.locator('button[type=submit]').click();
    await expect.poll(() => page.getByTestId('sign-in-error').textContent()).toContain('Wrong email or password');
    await screenshot(page, '01-sign-in-wrong-password');
  });

  it('draws a map by drag and drop, shows a dead end live, saves, and shows it again after reload', async () => {
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.getByTestId('maps-empty').waitFor();
    expect(await page.getByTestId('maps-empty').textContent()).toContain('No maps yet — start from an example');
    await screenshot(page, '02-maps-empty');

    await page.getByTestId('new-map').click();
    await page.locator('[data-new-map="blank"]').click();
    await page.getByTestId('canvas-empty').waitFor();

    const trigger = await dragFromPalette(page, 'trigger', 140, 40);
    const pass = await dragFromPalette(page, 'pass', 140, 190);
    const end = await dragFromPalette(page, 'end', 140, 420);
    expect(await page.locator('.react-flow__node').count()).toBe(3);
    const passId = await pass.getAttribute('data-id');
    expect(passId).toBeTruthy();

    // Trigger → pass: the pass now holds the ball with no way to an end.
    await connect(page, trigger.locator('.react-flow__handle.source'), pass);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await problemRows(page, 'E_DEAD_END').first().waitFor();
    await screenshot(page, '03-dead-end-shown');
    expect(await pass.locator('.problem-badge').count()).toBe(1);

    // Clicking the problem selects the culprit and opens it in the inspector.
    await page.locator(`[data-problem-code="E_DEAD_END"][data-problem-node="${passId}"]`).click();
    await expect.poll(() => page.locator(`[data-inspector-node="${passId}"]`).count()).toBe(1);

    // Fill the pass in the inspector.
    const inspector = page.getByTestId('inspector');
    await inspector.locator('input[name=label]').fill('Care replies');
    await inspector.locator('select[name=team]').selectOption('care');
    await inspector.locator('input[name=expected-action]').fill('reply publicly');
    await inspector.locator('input[name=within]').fill('1 h 30 min');
    await inspector.locator('input[name=checklist-new]').fill('Read the whole thread');
    await inspector.locator('input[name=checklist-new]').press('Enter');
    await inspector.locator('[data-list=outcomes] button[aria-label="Remove escalate"]').click();
    await expect.poll(() => pass.textContent()).toContain('Customer Care');
    expect(await pass.textContent()).toContain('within 1 h 30 min');
    expect(await pass.textContent()).toContain('Before passing: 1 check');

    // Pass "done" and "timeout" → end: the dead end disappears, and so does every other problem.
    await connect(page, pass.locator('.react-flow__handle[data-handleid="done"]'), end);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    await expect.poll(() => problemRows(page, 'E_DEAD_END').count()).toBe(0);
    await connect(page, pass.locator('.react-flow__handle[data-handleid="timeout"]'), end);
    await expect.poll(() => page.locator('[data-problem-code]').count()).toBe(0);
    expect(await page.getByTestId('problems').textContent()).toContain('No problems');
    await page.locator('.react-flow__pane').click({ position: { x: 600, y: 120 } });
    await screenshot(page, '04-map-drawn-no-problems');

    // Delete, undo, redo from the keyboard.
    await end.click();
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(3);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);

    // Save, reload, see it again.
    await page.locator('.react-flow__pane').click({ position: { x: 600, y: 120 } });
    await page.getByTestId('map-version').waitFor();
    await page.locator('input[name=map-name]').fill('Care handoff');
    await page.getByTestId('save-map').click();
    await expect.poll(() => page.getByTestId('map-version').getAttribute('data-state')).toBe('draft');
    mapId = decodeURIComponent(new URL(page.url()).hash.replace('#/maps/', ''));
    expect(mapId).toMatch(/^map-/);
    await page.reload();
    await nodeById(page, passId!).waitFor();
    expect(await page.locator('.react-flow__node').count()).toBe(3);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    expect(await nodeById(page, passId!).textContent()).toContain('Pass to Customer Care');
    expect(await page.getByTestId('map-name').textContent()).toBe('Care handoff');
    expect(await page.getByTestId('map-version').textContent()).toContain('v1 · draft');
    await screenshot(page, '05-after-reload');
  });

  it('submits the map, and a second person approves it from the visual diff', async () => {
    await page.getByTestId('submit-map').click();
    await expect.poll(() => page.getByTestId('map-version').getAttribute('data-state')).toBe('submitted');
    await page.getByTestId('review-panel').waitFor();
    // The author may not approve their own version.
    expect(await page.getByTestId('approve-version').isDisabled()).toBe(true);
    expect(await page.getByTestId('review-blocked').textContent()).toContain('another approver');
    await screenshot(page, '06-submitted-author-cannot-approve');

    await signOut(page);
    await signIn(page, server.url, APPROVER.email, APPROVER.password);
    // The approver is no admin, yet reads the last editor's name, not a user id.
    await expect.poll(() => page.locator(`[data-map-id="${mapId}"] [data-last-editor]`).textContent()).toContain('Administrator');
    await page.locator(`[data-map-id="${mapId}"] a`).click();
    await page.locator('.react-flow__node').first().waitFor();
    // A version waiting for this approver opens in review mode.
    await expect.poll(() => page.getByTestId('designer').getAttribute('data-editor-mode')).toBe('review');
    await page.getByTestId('diff-summary').waitFor();
    // Nothing is active yet, so every step is new.
    await expect.poll(() => page.locator('.react-flow__node.diff-added').count()).toBe(3);
    // No shipped scenario rehearses a hand-drawn map: the evidence panel says so and offers the builders.
    await expect.poll(() => page.getByTestId('review-evidence').textContent()).toContain('No rehearsal was run');
    expect(await page.getByTestId('rehearsal-none').textContent()).toContain('Build a quick spike');
    await screenshot(page, '07a-review-no-scenario');
    // A quick spike built right there is rehearsed on this version.
    await page.getByTestId('rehearsal-none').locator('summary').click();
    await page.getByTestId('review-evidence').getByRole('button', { name: 'Use this spike' }).click();
    const spikeCard = page.locator('[data-rehearsal-scenario="spike"]');
    await expect.poll(() => spikeCard.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await spikeCard.locator('[data-measure="breaches"]').getAttribute('data-submitted')).toMatch(/^\d+$/);
    await page.locator('textarea[name=comment]').fill('Clear and complete.');
    await screenshot(page, '07-approver-review');
    await page.getByTestId('approve-version').click();
    await expect.poll(() => page.getByTestId('map-version').getAttribute('data-state')).toBe('approved');
    const detail = (await (await asAdmin('GET', `/api/maps/${mapId}`)).json()) as { activeVersion: number };
    expect(detail.activeVersion).toBe(1);
  });

  it('highlights a changed step when the next version is reviewed', async () => {
    await signOut(page);
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.goto(`${server.url}/#/maps/${encodeURIComponent(mapId)}`);
    const pass = page.locator('.react-flow__node-pass');
    await pass.waitFor();
    await pass.click();
    await page.getByTestId('inspector').locator('input[name=within]').fill('45 min');
    await page.keyboard.press('Control+s');
    await expect.poll(() => page.getByTestId('map-version').textContent()).toContain('v2 · draft');
    await page.getByTestId('submit-map').click();
    await expect.poll(() => page.getByTestId('map-version').getAttribute('data-state')).toBe('submitted');

    await signOut(page);
    await signIn(page, server.url, APPROVER.email, APPROVER.password);
    await page.goto(`${server.url}/#/maps/${encodeURIComponent(mapId)}`);
    await page.locator('[data-mode=review]').click();
    await expect.poll(() => page.locator('.react-flow__node.diff-changed').count()).toBe(1);
    expect(await page.locator('.react-flow__node.diff-added').count()).toBe(0);
    expect(await page.getByTestId('diff-summary').textContent()).toContain('expected.within');
    expect(await page.getByTestId('diff-summary').textContent()).toContain('45 min');
    await screenshot(page, '08-review-changed-step');
    await page.locator('textarea[name=comment]').fill('45 minutes is too tight for care.');
    await page.getByTestId('reject-version').click();
    await expect.poll(() => page.getByTestId('map-version').getAttribute('data-state')).toBe('rejected');
    // The version history names authors and deciders for a non-admin too.
    await page.locator('[data-mode=design]').click();
    const history = page.getByTestId('version-history');
    await expect.poll(() => history.locator('[data-version="2"] [data-version-author]').textContent()).toContain('by Administrator');
    expect(await history.locator('[data-version="2"] [data-version-submitter]').textContent()).toContain('submitted by Administrator');
    expect(await history.locator('[data-version="2"] [data-version-decider]').textContent()).toContain('rejected by you');
    expect(await history.textContent()).not.toMatch(/\bu_[a-z0-9]/i);
    expect(pageErrors).toEqual([]);
  });

  it('exports the map as JSON, as the compiled machine, and as PNG and SVG pictures', async () => {
    // A deep link by path opens the same map as the hash route.
    await page.goto(`${server.url}/maps/${encodeURIComponent(mapId)}`);
    await page.locator('.react-flow__node-pass').waitFor();
    expect(await page.getByTestId('map-name').textContent()).toBe('Care handoff');
    const exported: Record<string, string> = {};
    for (const what of ['json', 'machine', 'png', 'svg']) {
      await page.getByTestId('export-menu').click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.locator(`[data-export="${what}"]`).click()]);
      exported[what] = download.suggestedFilename();
      const path = await download.path();
      const bytes = readFileSync(path);
      if (what === 'json') expect(JSON.parse(bytes.toString('utf8'))).toMatchObject({ format: 'baton.map/v1', id: mapId, name: 'Care handoff' });
      if (what === 'machine') expect(JSON.parse(bytes.toString('utf8'))).toHaveProperty('states');
      if (what === 'png') {
        expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
        await download.saveAs(join(SCREENSHOTS, '10-exported-map.png'));
      }
      if (what === 'svg') expect(bytes.toString('utf8')).toContain('<svg');
    }
    expect(exported).toEqual({ json: `${mapId}.map.json`, machine: `${mapId}.machine.json`, png: `${mapId}.png`, svg: `${mapId}.svg` });
  });

  it('imports a map JSON file from the maps list and opens it in the designer', async () => {
    await signOut(page);
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.getByTestId('import-file').setInputFiles(join(import.meta.dirname, '..', 'examples', 'customer-complaint', 'customer-complaint.map.json'));
    await page.getByTestId('designer').waitFor();
    await expect.poll(() => page.getByTestId('map-name').textContent()).toBe('Customer complaint');
    await expect.poll(() => page.locator('.react-flow__node-pass').count()).toBeGreaterThan(1);
    await page.waitForTimeout(600);
    await screenshot(page, '09-imported-example');
    expect(pageErrors).toEqual([]);
  });

  it('keeps unsaved edits when the session expires, says so, and offers them back after signing in', async () => {
    // The imported example is still on screen (several passes) until the hash change lands: wait for this map.
    await page.goto(`${server.url}/#/maps/${encodeURIComponent(mapId)}`);
    await expect.poll(() => page.getByTestId('map-name').textContent()).toBe('Care handoff');
    const pass = page.locator('.react-flow__node-pass');
    await pass.waitFor();
    await pass.click();
    await page.getByTestId('inspector').locator('input[name=label]').fill('Care replies kindly');
    await expect.poll(() => pass.textContent()).toContain('Care replies kindly');
    // Straight on, as a person would: an edit made just before the session runs out is kept too.
    await browser.context.clearCookies();
    await page.getByTestId('save-map').click();
    await page.locator('input[name=email]').waitFor();
    expect(await page.locator('.sign-in').textContent()).toContain('Your session has expired');
    await screenshot(page, '11-session-expired');

    await page.locator('input[name=email]').fill(server.adminEmail);
    await page.locator('input[name=password]').fill(server.adminPassword);
    await page.locator('button[type=submit]').click();
    await page.getByTestId('kept-edits').waitFor();
    expect(await pass.textContent()).not.toContain('Care replies kindly');
    await screenshot(page, '12-kept-edits-offered');
    await page.getByTestId('kept-edits').getByRole('button', { name: 'Restore them' }).click();
    await expect.poll(() => pass.textContent()).toContain('Care replies kindly');
    expect(await page.getByTestId('unsaved').count()).toBe(1);
  });

  it('adds and connects steps without a mouse: palette by Enter, links chosen in the inspector', async () => {
    await page.goto(`${server.url}/maps/new`);
    await page.getByTestId('canvas-empty').waitFor();
    await page.locator('[data-palette-item="trigger"]').press('Enter');
    await page.locator('[data-palette-item="end"]').press('Enter');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    const endId = await page.locator('.react-flow__node-end').getAttribute('data-id');
    await page.locator('.react-flow__node-trigger').click();
    await page.getByTestId('inspector').locator('select[name=next-then]').selectOption(endId!);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    await expect.poll(() => page.locator('[data-problem-code]').count()).toBe(0);
    await screenshot(page, '13-connected-from-inspector');
  });

  it('opens a map file that does not fit the schema and lists what is wrong instead of failing', async () => {
    const broken = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'customer-complaint', 'customer-complaint.map.json'), 'utf8'));
    const pass = broken.nodes.find((n: { type: string }) => n.type === 'pass');
    delete pass.expected;
    const file = join(mkdtempSync(join(tmpdir(), 'baton-broken-')), 'broken.map.json');
    writeFileSync(file, JSON.stringify(broken));
    await page.goto(`${server.url}/#/maps`);
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('designer').waitFor();
    await problemRows(page, 'E_SCHEMA').first().waitFor();
    // The problems list renders with the map; the canvas draws its steps a render later.
    await expect.poll(() => page.locator('.react-flow__node-pass').count()).toBeGreaterThan(1);
    // Its inspector opens too, so the missing fields can be filled in.
    await page.locator(`[data-problem-code="E_SCHEMA"]`).first().click();
    await page.locator(`.react-flow__node[data-id="${pass.id}"]`).click();
    await page.getByTestId('inspector').locator('input[name=expected-action]').fill('reply');
    await expect.poll(() => page.locator(`.react-flow__node[data-id="${pass.id}"]`).textContent()).toContain('Expected: reply');
    expect(await page.getByTestId('render-error').count()).toBe(0);
  });

  it('rehearses the shipped scenarios on the submitted and the active version, side by side, without holding up the decision', async () => {
    const dir = join(import.meta.dirname, '..', 'examples', 'customer-complaint');
    const v1 = JSON.parse(readFileSync(join(dir, 'customer-complaint.map.json'), 'utf8')) as BatonMap;
    const monday = JSON.parse(readFileSync(join(dir, 'monday-morning.scenario.json'), 'utf8')) as Scenario;
    const id = v1.id;
    for (const team of [{ id: 'billing', name: 'Billing' }, { id: 'supervisors', name: 'Supervisors' }]) {
      expect((await asAdmin('POST', '/api/teams', team)).status).toBe(201);
    }
    expect((await asAdmin('POST', '/api/maps', v1)).status).toBe(201);
    expect((await asAdmin('POST', `/api/maps/${id}/submit`)).status).toBe(200);
    const evidence = page.getByTestId('review-evidence');
    const mondayCard = evidence.locator('[data-rehearsal-scenario="customer-complaint/monday-morning"]');

    // First version: nothing is active, so the panel shows this version's own numbers.
    await signOut(page);
    await signIn(page, server.url, APPROVER.email, APPROVER.password);
    await page.goto(`${server.url}/#/maps/${id}`);
    await expect.poll(() => page.getByTestId('designer').getAttribute('data-editor-mode')).toBe('review');
    await evidence.waitFor();
    // The decision never waits for the rehearsal.
    expect(await page.getByTestId('approve-version').isDisabled()).toBe(false);
    await expect.poll(() => mondayCard.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await evidence.textContent()).toContain('Nothing is active yet');
    const alone = simulateMap(v1, monday).metrics;
    expect(await mondayCard.locator('[data-measure="breaches"]').getAttribute('data-submitted')).toBe(String(alone.breaches));
    expect(await mondayCard.locator('[data-measure="breaches"]').getAttribute('data-change')).toBeNull();
    await page.getByTestId('approve-version').click();
    await expect.poll(() => page.getByTestId('map-version').getAttribute('data-state')).toBe('approved');

    // Second version: a looser deadline for care, compared with the active first version.
    const v2: BatonMap = { ...v1, nodes: v1.nodes.map((n) => (n.id === 'p_care' && n.type === 'pass' ? { ...n, expected: { ...n.expected, within: 'PT8H' } } : n)) };
    expect((await asAdmin('PUT', `/api/maps/${id}`, v2)).status).toBe(200);
    expect((await asAdmin('POST', `/api/maps/${id}/submit`)).status).toBe(200);
    // Back to the list and into the map again, as an approver would (the list shows v2 waiting first,
    // so the designer is a fresh one that loaded v2, not the page that approved v1).
    await page.goto(`${server.url}/#/maps`);
    await page.locator(`[data-map-id="${id}"] .state-submitted`).waitFor();
    await page.locator(`[data-map-id="${id}"] a`).click();
    await expect.poll(() => page.getByTestId('designer').getAttribute('data-editor-mode')).toBe('review');
    await evidence.waitFor();
    expect(await page.getByTestId('approve-version').isDisabled()).toBe(false);
    if ((await evidence.getAttribute('data-rehearsal-state')) === 'running') await screenshot(page, '14-review-rehearsal-running');
    await expect.poll(() => evidence.getAttribute('data-rehearsal-state'), { timeout: 60_000 }).toBe('done');

    const before = simulateMap(v1, monday).metrics;
    const after = simulateMap(v2, monday).metrics;
    expect(before.breaches).toBeGreaterThan(after.breaches);
    const breaches = mondayCard.locator('[data-measure="breaches"]');
    expect(await breaches.getAttribute('data-active')).toBe(String(before.breaches));
    expect(await breaches.getAttribute('data-submitted')).toBe(String(after.breaches));
    expect(await breaches.getAttribute('data-change')).toBe('better');
    expect(await breaches.getAttribute('title')).toBe(`Missed deadlines ${before.breaches} → ${after.breaches} (better)`);
    expect(await breaches.locator('.change-better').textContent()).toContain('better');
    expect(await mondayCard.locator('[data-measure="ended"]').getAttribute('data-submitted')).toBe(String(after.ended));
    expect(await mondayCard.locator('[data-measure="maxQueue:care"] th').textContent()).toBe('Customer Care');
    expect(await mondayCard.locator('[data-measure="maxQueue:care"]').getAttribute('title')).toMatch(/^Most waiting for Customer Care \d+ → \d+ \(/);
    expect(await mondayCard.locator('thead').textContent()).toContain('Active v1');
    expect(await mondayCard.locator('thead').textContent()).toContain('v2');
    // Every shipped scenario of the map ran on both versions.
    expect(await evidence.locator('[data-rehearsal-scenario]').count()).toBe(2);
    const spike = evidence.locator('[data-rehearsal-scenario="customer-complaint/black-friday-delivery-spike"] [data-measure="breaches"]');
    expect(await spike.getAttribute('data-active')).toBe(String(simulateMap(v1, JSON.parse(readFileSync(join(dir, 'black-friday-delivery-spike.scenario.json'), 'utf8'))).metrics.breaches));
    await page.waitForTimeout(300);
    await screenshot(page, '15-review-rehearsal-compared');
    expect(pageErrors).toEqual([]);
  });
});
