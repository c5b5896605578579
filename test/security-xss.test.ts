// Nothing is rendered as HTML (docs/api.md#conventions): a mention whose text is an HTML injection, a note, a map
// label and map notes carrying the same payload, all shown in a real browser (Chromium through
// playwright-core) against the real server process — the team console's queue and case view,
// the triage inbox and the map designer. The payload must read as literal text, no <img> from it
// may exist in the page, and no dialog may ever open.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { complaintMap } from '../apps/runtime/src/testing/fixtures.ts';
import { ensureDesignerBuilt } from './browser/buildDesigner.ts';
import { signIn } from './browser/designerPage.ts';
import { launchBrowser, screenshot, type TestBrowser } from './browser/launch.ts';
import { client, signIn as apiSignIn, type Api } from './helpers/api.ts';
import { startServer, type RunningServer } from './helpers/startServer.ts';

const PAYLOAD = '<img src=x onerror=alert(1)>';
const AGENT = { email: 'agent@example.test', password: 'agent password 1234' };

let server: RunningServer;
let browser: TestBrowser;
let page: Page;
let caseId: string;
const dialogs: string[] = [];
const pageErrors: string[] = [];

/** Waits long enough for an injected image to fail loading and fire its onerror, were there one. */
const settle = (p: Page) => p.waitForTimeout(400);

async function expectNoInjection(p: Page) {
  await settle(p);
  expect(await p.locator('img[src="x"]').count()).toBe(0);
  expect(await p.evaluate(() => (window as unknown as { __alerts: number }).__alerts)).toBe(0);
  expect(dialogs).toEqual([]);
}

/**
 * The server picks up the built web app when it starts; another test run rebuilding the designer
 * at that moment (Vite empties dist/ first) would leave it serving the "not built" page, so check
 * and start again.
 */
async function serverWithWebApp(): Promise<RunningServer> {
  ensureDesignerBuilt();
  const s = await startServer({ env: { BATON_SKIP_WEB_BUILD: '1' } });
  for (let attempt = 0; attempt < 3; attempt++) {
    const html = await (await fetch(`${s.url}/`)).text();
    if (html.includes('id="root"')) return s;
    await new Promise((r) => setTimeout(r, 2000));
    ensureDesignerBuilt();
    await s.restart();
  }
  return s;
}

beforeAll(async () => {
  server = await serverWithWebApp();
  const admin: Api = await apiSignIn(server.url, server.adminEmail, server.adminPassword);
  for (const team of [{ id: 'social', name: 'Social Hub' }, { id: 'care', name: 'Customer Care' }, { id: 'supervisors', name: 'Supervisors' }]) {
    expect((await admin('POST', '/api/teams', team)).status).toBe(201);
  }
  expect((await admin('POST', '/api/users', { ...AGENT, name: 'Agent <b>Smith</b>', roles: ['agent'], teams: ['social', 'care'] })).status).toBe(201);
  expect((await admin('POST', '/api/users', { email: 'approver@example.test', name: 'Approver', password: 'approver password 1234', roles: ['approver'] })).status).toBe(201);
  const approver = await apiSignIn(server.url, 'approver@example.test', 'approver password 1234');

  // The trigger catches the payload itself; its label and notes carry it too.
  const base = complaintMap();
  const map = {
    ...base, id: 'xss', name: `Injection ${PAYLOAD}`, description: PAYLOAD,
    nodes: base.nodes.map((n) => (n.type === 'trigger'
      ? { ...n, label: PAYLOAD, notes: PAYLOAD, when: { all: [{ field: 'text', op: 'matches', value: 'onerror' }, { field: 'network', op: 'eq', value: 'twitter' }] } }
      : n)),
  };
  expect((await admin('POST', '/api/maps', map)).status).toBe(201);
  expect((await admin('POST', '/api/maps/xss/submit')).status).toBe(200);
  expect((await approver('POST', '/api/maps/xss/versions/1/approve', {})).status).toBe(200);

  const ingest = client(server.url, server.ingestToken);
  const at = '2026-01-01T09:00:00Z';
  const routed = await ingest('POST', '/api/mentions', [
    { id: 'twitter:xss-1', network: 'twitter', author: { handle: '@mallory', name: PAYLOAD }, text: PAYLOAD, url: 'javascript:alert(document.cookie)', createdAt: at },
    { id: 'facebook:xss-2', network: 'facebook', author: { handle: '@mallory' }, text: PAYLOAD, createdAt: at },
  ]);
  expect(routed.status).toBe(200);
  expect(routed.body.results.map((r: { status: string }) => r.status)).toEqual(['routed', 'unrouted']);
  caseId = routed.body.results[0].caseId;
  const agent = await apiSignIn(server.url, AGENT.email, AGENT.password);
  expect((await agent('POST', `/api/cases/${caseId}/notes`, { text: PAYLOAD })).status).toBe(200);
  expect((await agent('POST', `/api/cases/${caseId}/tags`, { add: ['img-onerror'] })).status).toBe(200);

  browser = await launchBrowser({ width: 1280, height: 900 });
  page = await browser.newPage();
  await page.addInitScript(() => {
    const w = window as unknown as { __alerts: number; alert: (m?: unknown) => void };
    w.__alerts = 0;
    const original = window.alert.bind(window);
    w.alert = (m?: unknown) => {
      w.__alerts++;
      original(m);
    };
  });
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await signIn(page, server.url, AGENT.email, AGENT.password);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('mention text is text, everywhere it is shown', () => {
  it('the console queue shows the mention as literal text', async () => {
    await page.goto(`${server.url}/#/console`);
    const line = page.locator(`[data-case-id="${caseId}"] [data-testid="mention-first-line"]`);
    await line.waitFor();
    expect(await line.textContent()).toBe(PAYLOAD);
    await screenshot(page, 'xss-console-queue');
    await expectNoInjection(page);
  });

  it('the case view shows the mention, the author and the note as literal text', async () => {
    await page.goto(`${server.url}/#/console/case/${encodeURIComponent(caseId)}`);
    const text = page.getByTestId('case-mention-text').first();
    await text.waitFor();
    expect(await text.textContent()).toBe(PAYLOAD);
    await page.getByText(PAYLOAD, { exact: true }).nth(1).waitFor();
    expect(await page.getByText(PAYLOAD, { exact: true }).count()).toBeGreaterThanOrEqual(2);
    // A javascript: URL on the mention never becomes a live link.
    for (const href of await page.locator('a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))) expect(href).not.toMatch(/^\s*javascript:/i);
    await screenshot(page, 'xss-case-view');
    await expectNoInjection(page);
  });

  it('the triage inbox shows the unrouted mention as literal text', async () => {
    await page.goto(`${server.url}/#/triage`);
    const text = page.getByTestId('triage-text').first();
    await text.waitFor();
    expect(await text.textContent()).toBe(PAYLOAD);
    await screenshot(page, 'xss-triage');
    await expectNoInjection(page);
  });

  it('the designer shows a map label carrying the payload as literal text', async () => {
    await page.goto(`${server.url}/#/maps/xss`);
    const label = page.locator('.react-flow__node[data-id="t"] .node-label');
    await label.waitFor();
    expect(await label.textContent()).toBe(PAYLOAD);
    await screenshot(page, 'xss-designer');
    await expectNoInjection(page);
  });

  it('the API answers JSON that a browser will not sniff as a page, under a CSP without inline scripts', async () => {
    const res = await fetch(`${server.url}/api/cases/${encodeURIComponent(caseId)}`, { headers: { authorization: `Bearer ${(await client(server.url)('POST', '/api/session', AGENT)).body.token}` } });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const page0 = await fetch(`${server.url}/`);
    expect(page0.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    // Opening the raw JSON in the browser shows it as text too.
    await page.goto(`${server.url}/api/mentions/unrouted`);
    await expectNoInjection(page);
    expect(dialogs).toEqual([]);
    expect(pageErrors).toEqual([]);
  });
});
