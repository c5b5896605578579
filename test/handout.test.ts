/**
 * Push routing in a real browser against the real runtime: a least-loaded pass hands a new case to
 * the agent who has the console open (not to a colleague who is away), the console says so and
 * shows it held by them, and when they report its outcome the case that waited meanwhile comes to
 * them at once. Screenshots land in test-results/console/.
 */
import type { BatonMap, Mention } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { signIn as signInPage } from './browser/designerPage.ts';
import { screenshot } from './browser/launch.ts';
import { browserSuite } from './browser/suite.ts';
import { approveMap, ingest, signIn, type Api } from './helpers/api.ts';

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

/** Questions wait in care's queue for someone to take them. */
const QUESTIONS = {
  ...MAP, id: 'questions', name: 'Questions',
  nodes: MAP.nodes.map((node) => (node.id === 't' ? { ...node, label: 'Asks for help', when: { field: 'text', op: 'containsAny', value: ['help'] } }
    : node.type === 'pass' ? { ...node, label: 'Care answers', to: { team: 'care' } } : node)),
} satisfies BatonMap;

let n = 0;

const mention = (text: string): Mention => ({ id: `twitter:handout-${++n}`, network: 'twitter', author: { handle: `@customer${n}` }, text, createdAt: new Date().toISOString() });
const row = (caseId: string) => s.page.locator(`.queue-row[data-case-id="${caseId}"]`);

const s = browserSuite({
  setup: async () => {
    const admin: Api = await signIn(s.server.url, s.server.adminEmail, s.server.adminPassword);
    for (const t of MAP.teams) expect((await admin('POST', '/api/teams', t)).status).toBe(201);
    for (const p of [ANA, BEN]) expect((await admin('POST', '/api/users', { ...p, roles: ['agent'], teams: ['care'] })).status).toBe(201);
    await approveMap(s.server.url, admin, MAP);
    await approveMap(s.server.url, admin, QUESTIONS);
  },
});

describe('cases handed out by a least-loaded pass', () => {
  it('go to the agent at the console, who is told; the next one comes when they finish', async () => {
    await signInPage(s.page, s.server.url, ANA.email, ANA.password);
    await s.page.goto(`${s.server.url}/#/console`);
    await s.page.locator('.live-indicator[data-live="live"]').waitFor();
    // The queue says who is at the console: Ana; Ben joins from another machine, live, and leaves.
    const atConsole = s.page.locator('[data-at-console="care"]');
    await expect.poll(() => atConsole.getAttribute('data-count')).toBe('1');
    const benSession = await (await fetch(`${s.server.url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: BEN.email, password: BEN.password }) })).json() as { token: string };
    const benAway = new AbortController();
    const benStream = await fetch(`${s.server.url}/api/events`, { headers: { authorization: `Bearer ${benSession.token}` }, signal: benAway.signal });
    expect(benStream.status).toBe(200);
    await expect.poll(() => atConsole.getAttribute('data-count')).toBe('2');
    expect(await atConsole.getAttribute('title')).toBe('Ana Agent, Ben Away');
    benAway.abort();
    await expect.poll(() => atConsole.getAttribute('data-count')).toBe('1');

    const [first] = await ingest(s.server.url, s.server.ingestToken, [mention('I still want my refund')]);
    await row(first!.caseId!).locator('.holder-me').waitFor();
    await expect.poll(() => s.page.locator('.toasts').textContent()).toContain('A case was handed to you (least-loaded)');
    await screenshot(s.page, 'handout-01-handed-to-me', { folder: 'console' });

    // Ana is busy: the next case waits for anyone (Ben is away, so it is not pushed to him).
    const [second] = await ingest(s.server.url, s.server.ingestToken, [mention('refund please')]);
    await row(second!.caseId!).locator('.holder-free').waitFor();

    const ana = await signIn(s.server.url, ANA.email, ANA.password);
    expect((await ana('POST', `/api/cases/${first!.caseId}/outcome`, { outcome: 'refunded' })).status).toBe(200);
    await row(second!.caseId!).locator('.holder-me').waitFor();
    await expect.poll(() => row(first!.caseId!).count()).toBe(0);
    await screenshot(s.page, 'handout-02-next-one', { folder: 'console' });
    expect(s.pageErrors).toEqual([]);
  });

  it('from a queue nobody is handed, "Take next" claims the most urgent case and opens it', async () => {
    await s.page.goto(`${s.server.url}/#/console`);
    const [older, newer] = await ingest(s.server.url, s.server.ingestToken, [mention('help, my card is blocked'), mention('can you help with my bill')]);
    await row(newer!.caseId!).locator('.holder-free').waitFor();
    await row(older!.caseId!).locator('.holder-free').waitFor();
    await screenshot(s.page, 'handout-03-take-next', { folder: 'console' });
    await s.page.locator('[data-take-next="care"]').click();
    await s.page.locator(`.case-page[data-case-id="${older!.caseId}"]`).waitFor();
    await expect.poll(() => s.page.getByTestId('case-holder').textContent()).toContain('You hold this case');
    await screenshot(s.page, 'handout-04-took-next', { folder: 'console' });
    expect(s.pageErrors).toEqual([]);
  });
});
