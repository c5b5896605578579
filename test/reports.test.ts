/**
 * Reports in a real browser against the real runtime: the customer-complaint example goes live,
 * a few mentions arrive, one case is worked to an end that asks for a lesson (over the API), and a
 * manager opens Reports and reads the counts, the teams, the steps and the lesson. The empty state
 * shows first. Screenshots land in test-results/reports/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BatonMap, Mention } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { signIn as signInPage } from './browser/designerPage.ts';
import { screenshot } from './browser/launch.ts';
import { browserSuite } from './browser/suite.ts';
import { approveMap, ingest as ingestMentions, signIn, type Api } from './helpers/api.ts';

const MAP = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'examples', 'customer-complaint', 'customer-complaint.map.json'), 'utf8')) as BatonMap;
const MANAGER = { email: 'mia@example.test', name: 'Mia Manager', password: 'mia-manager-pass-1234' };
const LESSON = 'The app crash needed a known-issue note; the first agent had no script for it.';

let admin: Api;
let n = 0;

/** A mention about ShopCo, the brand the customer-complaint example listens to. */
function mention(text: string, extra: Partial<Mention> = {}): Mention {
  n++;
  return { id: `twitter:r${n}`, network: 'twitter', author: { handle: '@carla', name: 'Carla Customer' }, text, createdAt: new Date().toISOString(), brand: 'shopco', ...extra };
}

/** Posts mentions with the server's ingest token. */
const ingest = (...mentions: Mention[]) => ingestMentions(s.server.url, s.server.ingestToken, mentions);

const shot = (name: string) => screenshot(s.page, name, { folder: 'reports', fullPage: true });

/** Ticks every item of the open checklist, as the admin. */
async function tickAll(caseId: string): Promise<void> {
  const c = await admin('GET', `/api/cases/${caseId}`);
  for (const { item } of c.body.checklist as { item: string }[]) expect((await admin('POST', `/api/cases/${caseId}/checklist`, { item })).status).toBe(200);
}

const s = browserSuite({
  setup: async () => {
    admin = await signIn(s.server.url, s.server.adminEmail, s.server.adminPassword);
    await approveMap(s.server.url, admin, MAP);
    expect((await admin('POST', '/api/users', { ...MANAGER, roles: ['manager'], teams: [] })).status).toBe(201);
  },
});

describe('reports', () => {
  it('says what will fill it in while nothing has happened', async () => {
    await signInPage(s.page, s.server.url, MANAGER.email, MANAGER.password);
    await s.page.goto(`${s.server.url}/#/reports`);
    await expect.poll(() => s.page.getByTestId('reports-empty').textContent()).toBe('No cases in this period yet — reports fill in as mentions arrive.');
    await shot('01-empty');
  });

  it('shows the counts, the teams, the steps and the lesson a case ended with', async () => {
    const results = await ingest(
      mention('I want to complain: your app keeps crashing when I log in', { sentiment: -0.8 }),
      mention('Terrible service, still waiting for someone to call me back', { sentiment: -0.7 }),
      mention('What a lovely new shop front!', { sentiment: 0.6 }),
    );
    expect(results.map((r) => r.status)).toEqual(['routed', 'routed', 'unrouted']);
    const worked = results[0]!.caseId!;
    await tickAll(worked); // the hub passes it to Customer Care
    expect((await admin('POST', `/api/cases/${worked}/outcome`, { outcome: 'escalate' })).status).toBe(200);
    await tickAll(worked); // care passes it to the supervisors
    const closing = await admin('POST', `/api/cases/${worked}/outcome`, { outcome: 'resolved' });
    expect(closing.body).toMatchObject({ status: 'closing', lessonRequired: true });
    expect((await admin('POST', `/api/cases/${worked}/lessons`, { text: LESSON })).body.status).toBe('ended');

    // Another period and back reloads the report with the new numbers.
    await s.page.locator('[data-period="today"]').click();
    await s.page.locator('[data-period="7d"]').click();
    await s.page.getByTestId('reports-body').waitFor();
    await expect.poll(() => s.page.getByTestId('card-mentions').textContent()).toContain('3');
    expect(await s.page.getByTestId('card-mentions').textContent()).toContain('2 routed');
    expect(await s.page.getByTestId('card-mentions').textContent()).toContain('1 unrouted');
    expect(await s.page.getByTestId('card-cases').textContent()).toBe('Cases opened21 ended · 1 open now');
    expect(await s.page.getByTestId('card-breaches').textContent()).toContain('every deadline met');

    const care = s.page.locator('[data-report-team="care"]');
    expect(await care.locator('td').first().textContent()).toBe('1'); // care handled the escalation
    const social = s.page.locator('[data-report-team="social"]');
    expect(await social.locator('td').nth(2).textContent()).toBe('1'); // the second complaint is still with the hub
    expect(await s.page.locator('[data-report-step="p_supervisor"] th').textContent()).toBe('Care supervisor takes over');
    expect(await s.page.locator('[data-report-step="p_care"] td').nth(1).textContent()).toBe('2');

    const lesson = s.page.locator(`[data-lesson-case="${worked}"]`);
    expect(await lesson.locator('.report-lesson-text').textContent()).toBe(LESSON);
    expect(await lesson.locator('.report-lesson-prompt').textContent()).toBe('Why did this complaint need a supervisor? What would have let the first agent resolve it?');
    expect(await lesson.locator('.report-lesson-where').textContent()).toContain('ended Resolved after escalation');
    expect(await lesson.getByRole('link', { name: 'Open the case' }).getAttribute('href')).toBe(`#/console/case/${worked}`);
    await shot('02-report');

    // Keyboard: the period picker and the filters are reachable and show where focus is.
    await s.page.locator('[data-period="30d"]').focus();
    await s.page.keyboard.press('Enter');
    await expect.poll(() => s.page.locator('[data-period="30d"]').getAttribute('aria-checked')).toBe('true');
    await s.page.keyboard.press('Tab');
    await shot('03-keyboard-focus');

    // A team filter narrows the report to what that team held.
    await s.page.locator('select[name=team]').selectOption('supervisors');
    await expect.poll(() => s.page.locator('[data-report-team]').count()).toBe(1);
    await expect.poll(() => s.page.getByTestId('card-cases').textContent()).toBe('Cases opened11 ended · 0 open now');
    await shot('04-supervisors');
    expect(s.pageErrors).toEqual([]);
  });
});
