/**
 * Push routing in a real browser against the real runtime: a least-loaded pass hands a new case to
 * the agent who has the console open (not to a colleague who is away), the console says so and
 * shows it held by them, and when they report its outcome the case that waited meanwhile comes to
 * them at once. Screenshots land in test-results/console/.
 */
import type { BatonMap, Mention } from '@baton/engine';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDesignerBuilt } from './browser/buildDesigner.ts';
import { signIn as signInPage } from './browser/designerPage.ts';
import { launchBrowser, screenshot, type TestBrowser } from './browser/launch.ts';
import { approveMap, ingest, signIn, type Api } from './helpers/api.ts';
import { startServer, type RunningServer } from './helpers/startServer.ts';

const ANA = { email: 'ana@example.test', name: 'Ana Agent', password: 'ana-agent-pass-1234' };
const BEN = { email: 'ben@example.test', name: 'Ben Away', password: 'ben-agent-pass-1234' };

/** Refund requests go straight to care, least-loaded first. */
const MAP = {
  format: 'baton.map/v1', id: 'refunds', name: 'Refunds', hub: 'social',
  teams: [{ id: 'social', name: 'Social Hub' }, { id: 'care', name: 'Customer Care' }],
  nodes: [
    { id: 't', type: 'trigger', label: 'Refund asked', position: { x: 0, y: 0 }, priority: 0, when: { field: 'text', op: 'containsAny', value: ['refund'] } },
    { id: 'care', type: 'pass', label: 'Care refunds', position: { x: 0, y: 160 }, to: { team: 'care', strategy: 'least-loaded' },
      expected: { action: 'Refund and confirm in DM', within: 'PT1H', outcomes: ['refunded'] } },
    { id: 'done', type: 'end', label: 'Refunded', position: { x: 0, y: 320 }, outcome: 'refunded' },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'care' },
    { id: 'e2', source: 'care', target: 'done', on: 'refunded' },
  ],
} satisfies BatonMap;

let server: RunningServer;
let browser: TestBrowser;
let page: Page;
let n = 0;
const pageErrors: string[] = [];

const mention = (text: string): Mention => ({ id: `twitter:handout-${++n}`, network: 'twitter', author: { handle: `@customer${n}` }, text, createdAt: new Date().toISOString() });
const row = (caseId: string) => page.locator(`.queue-row[data-case-id="${caseId}"]`);

beforeAll(async () => {
  ensureDesignerBuilt();
  server = await startServer({ env: { BATON_SKIP_WEB_BUILD: '1' } });
  const admin: Api = await signIn(server.url, server.adminEmail, server.adminPassword);
  for (const t of MAP.teams) expect((await admin('POST', '/api/teams', t)).status).toBe(201);
  for (const p of [ANA, BEN]) expect((await admin('POST', '/api/users', { ...p, roles: ['agent'], teams: ['care'] })).status).toBe(201);
  await approveMap(server.url, admin, MAP);
  browser = await launchBrowser({ width: 1280, height: 900 });
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('cases handed out by a least-loaded pass', () => {
  it('go to the agent at the console, who is told; the next one comes when they finish', async () => {
    await signInPage(page, server.url, ANA.email, ANA.password);
    await page.goto(`${server.url}/#/console`);
    await page.locator('.live-indicator[data-live="live"]').waitFor();

    const [first] = await ingest(server.url, server.ingestToken, [mention('I still want my refund')]);
    await row(first!.caseId!).locator('.holder-me').waitFor();
    await expect.poll(() => page.locator('.toasts').textContent()).toContain('A case was handed to you (least-loaded)');
    await screenshot(page, 'handout-01-handed-to-me', { folder: 'console' });

    // Ana is busy: the next case waits for anyone (Ben is away, so it is not pushed to him).
    const [second] = await ingest(server.url, server.ingestToken, [mention('refund please')]);
    await row(second!.caseId!).locator('.holder-free').waitFor();

    const ana = await signIn(server.url, ANA.email, ANA.password);
    expect((await ana('POST', `/api/cases/${first!.caseId}/outcome`, { outcome: 'refunded' })).status).toBe(200);
    await row(second!.caseId!).locator('.holder-me').waitFor();
    await expect.poll(() => row(first!.caseId!).count()).toBe(0);
    await screenshot(page, 'handout-02-next-one', { folder: 'console' });
    expect(pageErrors).toEqual([]);
  });
});
