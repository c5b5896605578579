/**
 * Small defects a new user met, checked in a real browser against `baton serve`: no CSP violation
 * on any page (nothing in the bundle evaluates strings), a blank map that asks for its hub instead
 * of guessing it from a team's name, pictures without problem badges, and a manager's take-over.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsoleMessage } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { approveMap, ingest, signIn, type Api } from './helpers/api.ts';
import { dragFromPalette, signIn as signInPage, signOut } from './browser/designerPage.ts';
import { browserSuite } from './browser/suite.ts';

const example = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples/customer-complaint/customer-complaint.map.json'), 'utf8'));
const MANAGER = { email: 'mo@example.test', name: 'Mo Manager', password: 'mo-manager-pass-1234' };
const AGENT = { email: 'ana@example.test', name: 'Ana Agent', password: 'ana-agent-pass-1234' };
const cspViolations: string[] = [];
let admin: Api;

const s = browserSuite({
  setup: async (server) => {
    admin = await signIn(server.url, server.adminEmail, server.adminPassword);
    // No team is `social` yet: a blank map has no hub by convention.
    for (const t of [{ id: 'senior', name: 'Senior Social Team' }, { id: 'care', name: 'Customer Care' }]) expect((await admin('POST', '/api/teams', t)).status).toBe(201);
    expect((await admin('POST', '/api/users', { ...MANAGER, roles: ['manager'], teams: [] })).status).toBe(201);
  },
});

const watchCsp = (m: ConsoleMessage) => {
  if (/Content Security Policy|unsafe-eval|Refused to/i.test(m.text())) cspViolations.push(`${m.type()}: ${m.text()}`);
};

describe('what a new user met', () => {
  it('a blank map asks which team is the hub when no team is one by convention (no guess from names)', async () => {
    s.page.on('console', watchCsp);
    await signInPage(s.page, s.server.url, MANAGER.email, MANAGER.password);
    await s.page.getByTestId('new-map').click();
    await s.page.locator('[data-new-map="blank"]').click();
    const hub = s.page.getByTestId('new-map-hub');
    await hub.waitFor();
    expect(await hub.locator('option').allTextContents()).toEqual(['Customer Care (care)', 'Senior Social Team (senior)']);
    await hub.selectOption('care');
    await s.page.getByTestId('new-map-hub-start').click();
    await s.page.getByTestId('canvas-empty').waitFor();
    expect(await s.page.locator('[name=hub]').inputValue()).toBe('care');
  });

  it('exports PNG and SVG pictures without the problem badges and outlines', async () => {
    // The blank map from the last test, with a trigger that leads nowhere: a problem badge and outline.
    await dragFromPalette(s.page, 'trigger', 200, 120);
    await s.page.locator('.react-flow__node .problem-badge').first().waitFor();
    expect(await s.page.locator('.react-flow__node .map-node.has-error, .react-flow__node .map-node.has-warning').count()).toBeGreaterThan(0);
    for (const what of ['svg', 'png'] as const) {
      await s.page.getByTestId('export-menu').click();
      const [download] = await Promise.all([s.page.waitForEvent('download'), s.page.locator(`[data-export="${what}"]`).click()]);
      const bytes = readFileSync((await download.path())!);
      if (what === 'svg') {
        const svg = bytes.toString('utf8');
        expect(svg).toContain('<svg');
        expect(svg).toContain('map-node');
        expect(svg).not.toContain('problem-badge');
        // No outline in the error or warning colour (#b91c1c, #d97706) on any node; the stylesheet's
        // colour variables may be copied along.
        expect(svg.match(/[a-z-]+: [^;"]*rgba?\((185, 28, 28|217, 119, 6)[^;"]*/g) ?? []).toEqual([]);
      } else expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    }
    // The editor still shows them.
    expect(await s.page.locator('.react-flow__node .problem-badge').count()).toBeGreaterThan(0);
  });

  it('a manager takes over a case someone else holds in one step, giving a reason', async () => {
    await approveMap(s.server.url, admin, example);
    expect((await admin('POST', '/api/users', { ...AGENT, roles: ['agent'], teams: ['social'] })).status).toBe(201);
    const [routed] = await ingest(s.server.url, s.server.ingestToken, [{ id: 'fix:1', network: 'twitter', author: { handle: '@jo' }, text: 'my order arrived broken', createdAt: new Date().toISOString(), brand: 'shopco' }]);
    const ana = await signIn(s.server.url, AGENT.email, AGENT.password);
    expect((await ana('POST', `/api/cases/${routed!.caseId}/claim`, {})).status).toBe(200);

    await s.page.goto(`${s.server.url}/#/console/case/${encodeURIComponent(routed!.caseId!)}`);
    await expect.poll(() => s.page.getByTestId('case-holder').textContent()).toContain('Held by Ana Agent');
    expect(await s.page.getByTestId('claim').count()).toBe(0);
    await s.page.getByTestId('take-over').click();
    expect(await s.page.getByTestId('take-over-confirm').isDisabled()).toBe(true);
    await s.page.getByTestId('take-over-reason').fill('Ana is off sick today');
    await s.page.getByTestId('take-over-confirm').click();
    await expect.poll(() => s.page.getByTestId('case-holder').textContent()).toContain('You hold this case');
    await expect.poll(() => s.page.locator('.history').textContent()).toContain('You took it over from Ana Agent: “Ana is off sick today”');
    const audit = await admin('GET', '/api/audit?action=case.takeover');
    expect(audit.body.entries[0]).toMatchObject({ action: 'case.takeover', data: { reason: 'Ana is off sick today' } });
  });

  it('no page logs a Content-Security-Policy violation: nothing in the bundle evaluates strings', async () => {
    // What the browser itself logs (CSP violations are not console API calls), and the page's
    // securitypolicyviolation events, from a fresh load of every page.
    const cdp = await s.browser.context.newCDPSession(s.page);
    await cdp.send('Log.enable');
    cdp.on('Log.entryAdded', ({ entry }: { entry: { source: string; level: string; text: string } }) => {
      if (/Content Security Policy|unsafe-eval|Refused to/i.test(entry.text)) cspViolations.push(`${entry.source}/${entry.level}: ${entry.text}`);
    });
    await s.browser.context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`));
    });
    await signOut(s.page);
    await signInPage(s.page, s.server.url, s.server.adminEmail, s.server.adminPassword);
    for (const hash of ['#/maps', '#/maps/customer-complaint', '#/console', '#/triage', '#/reports', '#/admin']) {
      await s.page.goto(`${s.server.url}/${hash}`);
      await s.page.reload();
      await s.page.waitForLoadState('networkidle');
    }
    // The designer's Simulate mode runs the engine in a Web Worker: that bundle must not evaluate either.
    await s.page.goto(`${s.server.url}/#/maps/customer-complaint`);
    await s.page.reload();
    await s.page.locator('.react-flow__node').first().waitFor();
    await s.page.locator('[data-mode="simulate"]').click();
    await s.page.locator('[data-scenario="customer-complaint/monday-morning"]').click();
    await expect.poll(() => s.page.getByTestId('run-simulation').isDisabled()).toBe(false);
    await s.page.getByTestId('run-simulation').click();
    await s.page.getByTestId('simulation-results').waitFor();
    expect(cspViolations).toEqual([]);
    expect(s.pageErrors).toEqual([]);
  });
});
