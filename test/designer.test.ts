/**
 * The designer in a real browser against the real runtime: a manager draws a map by drag and
 * drop, watches a dead end appear and disappear, saves and reloads it; then submits it and a
 * second person, an approver, reviews the visual diff and approves. Screenshots land in
 * test-results/designer/.
 */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateMap } from '@baton/engine';
import type { BatonMap, Scenario } from '@baton/engine';
import { connect, dragFromPalette, nodeById, problemRows, signIn, signOut } from './browser/designerPage.ts';
import { SCREENSHOTS, screenshot } from './browser/launch.ts';
import { browserSuite } from './browser/suite.ts';

const APPROVER = { email: 'ada@example.test', name: 'Ada Approver', password: 'approver-pass-1234' };

let adminToken: string;
let mapId: string;

async function asAdmin(method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${s.server.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const s = browserSuite({
  setup: async () => {
    const session = await fetch(`${s.server.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: s.server.adminEmail, password: s.server.adminPassword }),
    });
    adminToken = ((await session.json()) as { token: string }).token;
    for (const team of [{ id: 'social', name: 'Social Hub' }, { id: 'care', name: 'Customer Care' }]) {
      expect((await asAdmin('POST', '/api/teams', team)).status).toBe(201);
    }
    const approver = await asAdmin('POST', '/api/users', { ...APPROVER, roles: ['approver'], teams: [] });
    expect(approver.status).toBe(201);
  },
});

describe('designer', () => {
  it('says clearly when the password is wrong', async () => {
    await s.page.goto(`${s.server.url}/#/maps`);
    await s.page.locator('input[name=email]').fill(s.server.adminEmail);
    await s.page.locator('input[name=password]').fill('not-the-password');
    await s.page.locator('button[type=submit]').click();
    await expect.poll(() => s.page.getByTestId('sign-in-error').textContent()).toContain('Wrong email or password');
    await screenshot(s.page, '01-sign-in-wrong-password');
  });

  it('draws a map by drag and drop, shows a dead end live, saves, and shows it again after reload', async () => {
    await signIn(s.page, s.server.url, s.server.adminEmail, s.server.adminPassword);
    await s.page.getByTestId('maps-empty').waitFor();
    expect(await s.page.getByTestId('maps-empty').textContent()).toContain('No maps yet — start from an example');
    await screenshot(s.page, '02-maps-empty');

    await s.page.getByTestId('new-map').click();
    await s.page.locator('[data-new-map="blank"]').click();
    await s.page.getByTestId('canvas-empty').waitFor();

    const trigger = await dragFromPalette(s.page, 'trigger', 140, 40);
    const pass = await dragFromPalette(s.page, 'pass', 140, 190);
    const end = await dragFromPalette(s.page, 'end', 140, 420);
    expect(await s.page.locator('.react-flow__node').count()).toBe(3);
    const passId = await pass.getAttribute('data-id');
    expect(passId).toBeTruthy();

    // Trigger → pass: the pass now holds the ball with no way to an end.
    await connect(s.page, trigger.locator('.react-flow__handle.source'), pass);
    await expect.poll(() => s.page.locator('.react-flow__edge').count()).toBe(1);
    await problemRows(s.page, 'E_DEAD_END').first().waitFor();
    await screenshot(s.page, '03-dead-end-shown');
    expect(await pass.locator('.problem-badge').count()).toBe(1);

    // Clicking the problem selects the culprit and opens it in the inspector.
    await s.page.locator(`[data-problem-code="E_DEAD_END"][data-problem-node="${passId}"]`).click();
    await expect.poll(() => s.page.locator(`[data-inspector-node="${passId}"]`).count()).toBe(1);

    // Fill the pass in the inspector.
    const inspector = s.page.getByTestId('inspector');
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
    await connect(s.page, pass.locator('.react-flow__handle[data-handleid="done"]'), end);
    await expect.poll(() => s.page.locator('.react-flow__edge').count()).toBe(2);
    await expect.poll(() => problemRows(s.page, 'E_DEAD_END').count()).toBe(0);
    await connect(s.page, pass.locator('.react-flow__handle[data-handleid="timeout"]'), end);
    await expect.poll(() => s.page.locator('[data-problem-code]').count()).toBe(0);
    expect(await s.page.getByTestId('problems').textContent()).toContain('No problems');
    await s.page.locator('.react-flow__pane').click({ position: { x: 600, y: 120 } });
    await screenshot(s.page, '04-map-drawn-no-problems');

    // Delete, undo, redo from the keyboard.
    await end.click();
    await s.page.keyboard.press('Delete');
    await expect.poll(() => s.page.locator('.react-flow__node').count()).toBe(2);
    await expect.poll(() => s.page.locator('.react-flow__edge').count()).toBe(1);
    await s.page.keyboard.press('Control+z');
    await expect.poll(() => s.page.locator('.react-flow__node').count()).toBe(3);
    await expect.poll(() => s.page.locator('.react-flow__edge').count()).toBe(3);

    // Save, reload, see it again.
    await s.page.locator('.react-flow__pane').click({ position: { x: 600, y: 120 } });
    await s.page.getByTestId('map-version').waitFor();
    await s.page.locator('input[name=map-name]').fill('Care handoff');
    await s.page.getByTestId('save-map').click();
    await expect.poll(() => s.page.getByTestId('map-version').getAttribute('data-state')).toBe('draft');
    mapId = decodeURIComponent(new URL(s.page.url()).hash.replace('#/maps/', ''));
    expect(mapId).toMatch(/^map-/);
    await s.page.reload();
    await nodeById(s.page, passId!).waitFor();
    expect(await s.page.locator('.react-flow__node').count()).toBe(3);
    await expect.poll(() => s.page.locator('.react-flow__edge').count()).toBe(3);
    expect(await nodeById(s.page, passId!).textContent()).toContain('Pass to Customer Care');
    expect(await s.page.getByTestId('map-name').textContent()).toBe('Care handoff');
    expect(await s.page.getByTestId('map-version').textContent()).toContain('v1 · draft');
    await screenshot(s.page, '05-after-reload');
  });

  it('submits the map, and a second person approves it from the visual diff', async () => {
    await s.page.getByTestId('submit-map').click();
    await expect.poll(() => s.page.getByTestId('map-version').getAttribute('data-state')).toBe('submitted');
    await s.page.getByTestId('review-panel').waitFor();
    // The author may not approve their own version.
    expect(await s.page.getByTestId('approve-version').isDisabled()).toBe(true);
    expect(await s.page.getByTestId('review-blocked').textContent()).toContain('another approver');
    await screenshot(s.page, '06-submitted-author-cannot-approve');

    await signOut(s.page);
    await signIn(s.page, s.server.url, APPROVER.email, APPROVER.password);
    // The approver is no admin, yet reads the last editor's name, not a user id.
    await expect.poll(() => s.page.locator(`[data-map-id="${mapId}"] [data-last-editor]`).textContent()).toContain('Administrator');
    await s.page.locator(`[data-map-id="${mapId}"] a`).click();
    await s.page.locator('.react-flow__node').first().waitFor();
    // A version waiting for this approver opens in review mode.
    await expect.poll(() => s.page.getByTestId('designer').getAttribute('data-editor-mode')).toBe('review');
    await s.page.getByTestId('diff-summary').waitFor();
    // Nothing is active yet, so every step is new.
    await expect.poll(() => s.page.locator('.react-flow__node.diff-added').count()).toBe(3);
    // No shipped scenario rehearses a hand-drawn map: the evidence panel says so and offers the builders.
    await expect.poll(() => s.page.getByTestId('review-evidence').textContent()).toContain('No rehearsal was run');
    expect(await s.page.getByTestId('rehearsal-none').textContent()).toContain('Build a quick spike');
    await screenshot(s.page, '07a-review-no-scenario');
    // A quick spike built right there is rehearsed on this version.
    await s.page.getByTestId('rehearsal-none').locator('summary').click();
    await s.page.getByTestId('review-evidence').getByRole('button', { name: 'Use this spike' }).click();
    const spikeCard = s.page.locator('[data-rehearsal-scenario="spike"]');
    await expect.poll(() => spikeCard.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await spikeCard.locator('[data-measure="breaches"]').getAttribute('data-submitted')).toMatch(/^\d+$/);
    await s.page.locator('textarea[name=comment]').fill('Clear and complete.');
    await screenshot(s.page, '07-approver-review');
    await s.page.getByTestId('approve-version').click();
    await expect.poll(() => s.page.getByTestId('map-version').getAttribute('data-state')).toBe('approved');
    const detail = (await (await asAdmin('GET', `/api/maps/${mapId}`)).json()) as { activeVersion: number };
    expect(detail.activeVersion).toBe(1);
  });

  it('highlights a changed step when the next version is reviewed', async () => {
    await signOut(s.page);
    await signIn(s.page, s.server.url, s.server.adminEmail, s.server.adminPassword);
    await s.page.goto(`${s.server.url}/#/maps/${encodeURIComponent(mapId)}`);
    const pass = s.page.locator('.react-flow__node-pass');
    await pass.waitFor();
    await pass.click();
    await s.page.getByTestId('inspector').locator('input[name=within]').fill('45 min');
    await s.page.keyboard.press('Control+s');
    await expect.poll(() => s.page.getByTestId('map-version').textContent()).toContain('v2 · draft');
    await s.page.getByTestId('submit-map').click();
    await expect.poll(() => s.page.getByTestId('map-version').getAttribute('data-state')).toBe('submitted');

    await signOut(s.page);
    await signIn(s.page, s.server.url, APPROVER.email, APPROVER.password);
    await s.page.goto(`${s.server.url}/#/maps/${encodeURIComponent(mapId)}`);
    await s.page.locator('[data-mode=review]').click();
    await expect.poll(() => s.page.locator('.react-flow__node.diff-changed').count()).toBe(1);
    expect(await s.page.locator('.react-flow__node.diff-added').count()).toBe(0);
    expect(await s.page.getByTestId('diff-summary').textContent()).toContain('expected.within');
    expect(await s.page.getByTestId('diff-summary').textContent()).toContain('45 min');
    await screenshot(s.page, '08-review-changed-step');
    await s.page.locator('textarea[name=comment]').fill('45 minutes is too tight for care.');
    await s.page.getByTestId('reject-version').click();
    await expect.poll(() => s.page.getByTestId('map-version').getAttribute('data-state')).toBe('rejected');
    // The version history names authors and deciders for a non-admin too.
    await s.page.locator('[data-mode=design]').click();
    const history = s.page.getByTestId('version-history');
    await expect.poll(() => history.locator('[data-version="2"] [data-version-author]').textContent()).toContain('by Administrator');
    expect(await history.locator('[data-version="2"] [data-version-submitter]').textContent()).toContain('submitted by Administrator');
    expect(await history.locator('[data-version="2"] [data-version-decider]').textContent()).toContain('rejected by you');
    expect(await history.textContent()).not.toMatch(/\bu_[a-z0-9]/i);
    expect(s.pageErrors).toEqual([]);
  });

  it('exports the map as JSON, as the compiled machine, and as PNG and SVG pictures', async () => {
    // A deep link by path opens the same map as the hash route.
    await s.page.goto(`${s.server.url}/maps/${encodeURIComponent(mapId)}`);
    await s.page.locator('.react-flow__node-pass').waitFor();
    expect(await s.page.getByTestId('map-name').textContent()).toBe('Care handoff');
    const exported: Record<string, string> = {};
    for (const what of ['json', 'machine', 'png', 'svg']) {
      await s.page.getByTestId('export-menu').click();
      const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.locator(`[data-export="${what}"]`).click()]);
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
    await signOut(s.page);
    await signIn(s.page, s.server.url, s.server.adminEmail, s.server.adminPassword);
    await s.page.getByTestId('import-file').setInputFiles(join(import.meta.dirname, '..', 'examples', 'customer-complaint', 'customer-complaint.map.json'));
    await s.page.getByTestId('designer').waitFor();
    await expect.poll(() => s.page.getByTestId('map-name').textContent()).toBe('Customer complaint');
    await expect.poll(() => s.page.locator('.react-flow__node-pass').count()).toBeGreaterThan(1);
    await s.page.waitForTimeout(600);
    await screenshot(s.page, '09-imported-example');
    expect(s.pageErrors).toEqual([]);
  });

  it('keeps unsaved edits when the session expires, says so, and offers them back after signing in', async () => {
    // The imported example is still on screen (several passes) until the hash change lands: wait for this map.
    await s.page.goto(`${s.server.url}/#/maps/${encodeURIComponent(mapId)}`);
    await expect.poll(() => s.page.getByTestId('map-name').textContent()).toBe('Care handoff');
    const pass = s.page.locator('.react-flow__node-pass');
    await pass.waitFor();
    await pass.click();
    await s.page.getByTestId('inspector').locator('input[name=label]').fill('Care replies kindly');
    await expect.poll(() => pass.textContent()).toContain('Care replies kindly');
    // Straight on, as a person would: an edit made just before the session runs out is kept too.
    await s.browser.context.clearCookies();
    await s.page.getByTestId('save-map').click();
    await s.page.locator('input[name=email]').waitFor();
    expect(await s.page.locator('.sign-in').textContent()).toContain('Your session has expired');
    await screenshot(s.page, '11-session-expired');

    await s.page.locator('input[name=email]').fill(s.server.adminEmail);
    await s.page.locator('input[name=password]').fill(s.server.adminPassword);
    await s.page.locator('button[type=submit]').click();
    await s.page.getByTestId('kept-edits').waitFor();
    expect(await pass.textContent()).not.toContain('Care replies kindly');
    await screenshot(s.page, '12-kept-edits-offered');
    await s.page.getByTestId('kept-edits').getByRole('button', { name: 'Restore them' }).click();
    await expect.poll(() => pass.textContent()).toContain('Care replies kindly');
    expect(await s.page.getByTestId('unsaved').count()).toBe(1);
  });

  it('adds and connects steps without a mouse: palette by Enter, links chosen in the inspector', async () => {
    await s.page.goto(`${s.server.url}/maps/new`);
    await s.page.getByTestId('canvas-empty').waitFor();
    await s.page.locator('[data-palette-item="trigger"]').press('Enter');
    await s.page.locator('[data-palette-item="end"]').press('Enter');
    await expect.poll(() => s.page.locator('.react-flow__node').count()).toBe(2);
    const endId = await s.page.locator('.react-flow__node-end').getAttribute('data-id');
    await s.page.locator('.react-flow__node-trigger').click();
    await s.page.getByTestId('inspector').locator('select[name=next-then]').selectOption(endId!);
    await expect.poll(() => s.page.locator('.react-flow__edge').count()).toBe(1);
    await expect.poll(() => s.page.locator('[data-problem-code]').count()).toBe(0);
    await screenshot(s.page, '13-connected-from-inspector');
  });

  it('opens a map file that does not fit the schema and lists what is wrong instead of failing', async () => {
    const broken = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'customer-complaint', 'customer-complaint.map.json'), 'utf8'));
    const pass = broken.nodes.find((n: { type: string }) => n.type === 'pass');
    delete pass.expected;
    const file = join(mkdtempSync(join(tmpdir(), 'baton-broken-')), 'broken.map.json');
    writeFileSync(file, JSON.stringify(broken));
    await s.page.goto(`${s.server.url}/#/maps`);
    await s.page.getByTestId('import-file').setInputFiles(file);
    await s.page.getByTestId('designer').waitFor();
    await problemRows(s.page, 'E_SCHEMA').first().waitFor();
    // The problems list renders with the map; the canvas draws its steps a render later.
    await expect.poll(() => s.page.locator('.react-flow__node-pass').count()).toBeGreaterThan(1);
    // Its inspector opens too, so the missing fields can be filled in.
    await s.page.locator(`[data-problem-code="E_SCHEMA"]`).first().click();
    await s.page.locator(`.react-flow__node[data-id="${pass.id}"]`).click();
    await s.page.getByTestId('inspector').locator('input[name=expected-action]').fill('reply');
    await expect.poll(() => s.page.locator(`.react-flow__node[data-id="${pass.id}"]`).textContent()).toContain('Expected: reply');
    expect(await s.page.getByTestId('render-error').count()).toBe(0);
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
    const evidence = s.page.getByTestId('review-evidence');
    const mondayCard = evidence.locator('[data-rehearsal-scenario="customer-complaint/monday-morning"]');

    // First version: nothing is active, so the panel shows this version's own numbers.
    await signOut(s.page);
    await signIn(s.page, s.server.url, APPROVER.email, APPROVER.password);
    await s.page.goto(`${s.server.url}/#/maps/${id}`);
    await expect.poll(() => s.page.getByTestId('designer').getAttribute('data-editor-mode')).toBe('review');
    await evidence.waitFor();
    // The decision never waits for the rehearsal.
    expect(await s.page.getByTestId('approve-version').isDisabled()).toBe(false);
    await expect.poll(() => mondayCard.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
    expect(await evidence.textContent()).toContain('Nothing is active yet');
    const alone = simulateMap(v1, monday).metrics;
    expect(await mondayCard.locator('[data-measure="breaches"]').getAttribute('data-submitted')).toBe(String(alone.breaches));
    expect(await mondayCard.locator('[data-measure="breaches"]').getAttribute('data-change')).toBeNull();
    await s.page.getByTestId('approve-version').click();
    await expect.poll(() => s.page.getByTestId('map-version').getAttribute('data-state')).toBe('approved');

    // Second version: a looser deadline for care, compared with the active first version.
    const v2: BatonMap = { ...v1, nodes: v1.nodes.map((n) => (n.id === 'p_care' && n.type === 'pass' ? { ...n, expected: { ...n.expected, within: 'PT8H' } } : n)) };
    expect((await asAdmin('PUT', `/api/maps/${id}`, v2)).status).toBe(200);
    expect((await asAdmin('POST', `/api/maps/${id}/submit`)).status).toBe(200);
    // Back to the list and into the map again, as an approver would (the list shows v2 waiting first,
    // so the designer is a fresh one that loaded v2, not the page that approved v1).
    await s.page.goto(`${s.server.url}/#/maps`);
    await s.page.locator(`[data-map-id="${id}"] .state-submitted`).waitFor();
    await s.page.locator(`[data-map-id="${id}"] a`).click();
    await expect.poll(() => s.page.getByTestId('designer').getAttribute('data-editor-mode')).toBe('review');
    await evidence.waitFor();
    expect(await s.page.getByTestId('approve-version').isDisabled()).toBe(false);
    if ((await evidence.getAttribute('data-rehearsal-state')) === 'running') await screenshot(s.page, '14-review-rehearsal-running');
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
    expect(await evidence.locator('[data-rehearsal-scenario]').count()).toBe(readdirSync(dir).filter((f) => f.endsWith('.scenario.json')).length);
    const spike = evidence.locator('[data-rehearsal-scenario="customer-complaint/black-friday-delivery-spike"] [data-measure="breaches"]');
    expect(await spike.getAttribute('data-active')).toBe(String(simulateMap(v1, JSON.parse(readFileSync(join(dir, 'black-friday-delivery-spike.scenario.json'), 'utf8'))).metrics.breaches));
    await s.page.waitForTimeout(300);
    await screenshot(s.page, '15-review-rehearsal-compared');
    expect(s.pageErrors).toEqual([]);
  });
});
