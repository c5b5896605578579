/**
 * Drills and lessons in a real browser against the real runtime: a manager starts a drill from the
 * Drills screen (a quick spike at 60×), an agent works its case in the console and sees it marked
 * "Drill" in the queue and on the case, the drill ends and its report shows beside the prediction;
 * a lesson written on a real case appears as a badge on the designer's node and in the inspector,
 * with a link to the case. Screenshots land in test-results/drills/.
 */
import type { BatonMap } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { nodeById, signIn as signInPage, signOut } from './browser/designerPage.ts';
import { screenshot } from './browser/launch.ts';
import { browserSuite } from './browser/suite.ts';
import { approveMap, ingest, signIn, type Api } from './helpers/api.ts';

const ANA = { email: 'ana@example.test', name: 'Ana Agent', password: 'ana-agent-pass-1234' };
const MIA = { email: 'mia@example.test', name: 'Mia Manager', password: 'mia-manager-pass-1234' };

/** Complaints: the hub checks, then care resolves within 1 h; escalating asks for a lesson. */
const MAP = {
  format: 'baton.map/v1', id: 'complaints', name: 'Complaints', hub: 'social',
  teams: [{ id: 'social', name: 'Social Hub' }, { id: 'care', name: 'Customer Care' }],
  nodes: [
    { id: 't', type: 'trigger', label: 'Complaint', position: { x: 0, y: 0 }, priority: 5, when: { field: 'text', op: 'containsAny', value: ['broken', 'refund'] } },
    { id: 'care', type: 'pass', label: 'Care resolves', position: { x: 0, y: 160 }, to: { team: 'care' },
      preAction: { checklist: ['Screenshot the post'] },
      expected: { action: 'Resolve the complaint in DM', within: 'PT1H', outcomes: ['resolved', 'escalate'] } },
    { id: 'done', type: 'end', label: 'Resolved', position: { x: 0, y: 320 }, outcome: 'resolved', notify: [{ webhook: 'http://127.0.0.1:9/hook' }] },
    { id: 'escalated', type: 'end', label: 'Escalated', position: { x: 260, y: 320 }, outcome: 'escalated', lessons: { required: true, prompt: 'What went wrong?' } },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'care' },
    { id: 'e2', source: 'care', target: 'done', on: 'resolved' },
    { id: 'e3', source: 'care', target: 'escalated', on: 'escalate' },
  ],
} satisfies BatonMap;

let admin: Api;
const shot = (name: string) => screenshot(s.page, name, { folder: 'drills', fullPage: true });

const s = browserSuite({
  setup: async () => {
    admin = await signIn(s.server.url, s.server.adminEmail, s.server.adminPassword);
    await approveMap(s.server.url, admin, MAP);
    expect((await admin('POST', '/api/users', { ...ANA, roles: ['agent'], teams: ['social', 'care'] })).status).toBe(201);
    expect((await admin('POST', '/api/users', { ...MIA, roles: ['manager'] })).status).toBe(201);
  },
});

describe('drills', () => {
  let drillId: string;

  it('a manager starts a drill from the Drills screen', async () => {
    await signInPage(s.page, s.server.url, MIA.email, MIA.password);
    await s.page.goto(`${s.server.url}/#/drills`);
    await s.page.getByTestId('no-drills').waitFor();
    await s.page.getByTestId('new-drill').click();
    await s.page.locator('select[name=drill-version] option', { hasText: 'v1 · approved' }).waitFor({ state: 'attached' });
    await s.page.locator('select[name=drill-scenario]').selectOption('spike');
    await s.page.locator('input[name=spike-count]').fill('1');
    await s.page.locator('input[name=spike-over]').fill('1 min');
    await s.page.locator('textarea[name=spike-texts]').fill('My order arrived broken, again');
    await s.page.getByRole('button', { name: 'Use this spike' }).click();
    await s.page.getByTestId('drill-spike-picked').waitFor();
    await s.page.locator('input[name=drill-speed]').fill('60');
    await shot('01-new-drill');
    await s.page.getByTestId('start-drill-button').click();
    const detail = s.page.getByTestId('drill-detail');
    await detail.waitFor();
    drillId = (await detail.getAttribute('data-drill-id'))!;
    expect(await s.page.getByTestId('drill-state').textContent()).toBe('running');
    await expect.poll(() => s.page.locator('.drill-progress').textContent(), { timeout: 10_000 }).toContain('1 of 1 mentions fed');
    await shot('02-drill-running');
    await signOut(s.page);
  });

  it('an agent works the drill case in the console and sees it marked "Drill" in the queue and on the case', async () => {
    await signInPage(s.page, s.server.url, ANA.email, ANA.password);
    await s.page.goto(`${s.server.url}/#/console`);
    const row = s.page.locator('.queue-row.is-drill');
    await row.waitFor();
    expect(await row.getByTestId('drill-mark').textContent()).toBe('Drill');
    expect(await row.getByTestId('drill-mark').getAttribute('data-drill-id')).toBe(drillId);
    await shot('03-console-drill-1280');
    await s.page.setViewportSize({ width: 390, height: 844 });
    await shot('04-console-drill-390');
    await s.page.setViewportSize({ width: 1280, height: 900 });
    await row.click();
    await s.page.getByTestId('drill-notice').waitFor();
    expect(await s.page.locator('.case-head [data-testid="drill-mark"]').textContent()).toBe('Drill');
    // Worked as usual: the checklist, the claim, the outcome.
    await s.page.locator('[data-checklist-item="Screenshot the post"]').check();
    await s.page.getByTestId('claim').click();
    await s.page.locator('[data-outcome="resolved"]:not([disabled])').waitFor();
    await shot('05-case-drill-1280');
    await s.page.setViewportSize({ width: 390, height: 844 });
    await shot('06-case-drill-390');
    await s.page.setViewportSize({ width: 1280, height: 900 });
    await s.page.locator('[data-outcome="resolved"]').click();
    // Reported: back to the queue, where the drill's case no longer waits.
    await s.page.waitForURL(/#\/console$/);
    await expect.poll(() => s.page.locator('.queue-row.is-drill').count()).toBe(0);
    await signOut(s.page);
  });

  it('the drill ends and its report shows the figures beside the prediction, and the held webhook', async () => {
    await signInPage(s.page, s.server.url, MIA.email, MIA.password);
    await s.page.goto(`${s.server.url}/#/drills`);
    await s.page.locator(`tr[data-drill-id="${drillId}"] button`).click();
    await expect.poll(async () => (await admin('GET', `/api/drills/${drillId}`)).body.state, { timeout: 10_000 }).toBe('done');
    await s.page.reload();
    await s.page.locator(`tr[data-drill-id="${drillId}"] button`).click();
    await s.page.getByTestId('drill-report').waitFor();
    expect(await s.page.getByTestId('drill-state').textContent()).toBe('done');
    expect(await s.page.locator('[data-testid="drill-comparison"] tr[data-metric="cases"] td').first().textContent()).toBe('1');
    expect(await s.page.getByTestId('drill-held').textContent()).toContain('webhook');
    expect(await s.page.getByTestId('drill-people').textContent()).toContain('Ana Agent');
    await shot('07-drill-report');
    await signOut(s.page);
  });
});

describe('lessons on the map', () => {
  it("a lesson written on a real case appears on the designer's node and in its inspector", async () => {
    const [result] = await ingest(s.server.url, s.server.ingestToken, [{ id: 'twitter:real-1', network: 'twitter', author: { handle: '@carla' }, text: 'I want a refund now', createdAt: new Date().toISOString() }]);
    const caseId = result!.caseId!;
    expect((await admin('POST', `/api/cases/${caseId}/checklist`, { item: 'Screenshot the post' })).status).toBe(200);
    expect((await admin('POST', `/api/cases/${caseId}/outcome`, { outcome: 'escalate' })).status).toBe(200);
    expect((await admin('POST', `/api/cases/${caseId}/lessons`, { text: 'Check the courier’s status page first' })).status).toBe(200);

    await signInPage(s.page, s.server.url, MIA.email, MIA.password);
    await s.page.goto(`${s.server.url}/#/maps/complaints`);
    const badge = s.page.locator('[data-lesson-node="care"]');
    await badge.waitFor();
    expect(await badge.getAttribute('data-lesson-count')).toBe('1');
    expect(await s.page.locator('[data-lesson-node="escalated"]').getAttribute('data-lesson-count')).toBe('1');
    expect(await s.page.locator('[data-lesson-node="done"]').count()).toBe(0);
    await nodeById(s.page, 'care').click();
    const list = s.page.getByTestId('node-lessons');
    await list.waitFor();
    expect(await list.textContent()).toContain('Check the courier’s status page first');
    expect(await list.locator('a').getAttribute('href')).toBe(`#/console/case/${encodeURIComponent(caseId)}`);
    await shot('08-designer-lessons');
    // A period with no lessons hides the badges.
    await s.page.getByTestId('lesson-period').selectOption('off');
    await expect.poll(() => s.page.locator('[data-lesson-node]').count()).toBe(0);
    expect(s.pageErrors).toEqual([]);
  });
});
