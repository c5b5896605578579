/**
 * Simulate mode in a real browser against the real runtime: a manager opens an example map,
 * switches to Simulate, runs the map's small shipped scenario in the page's Web Worker, and the
 * node badges show the same counts that `simulateMap` computes in Node for the same inputs. Then
 * the 1,000-mention spike runs too. Screenshots land in test-results/designer/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { simulateMap } from '@baton/engine';
import type { BatonMap, Scenario, SimulationTraceEvent } from '@baton/engine';
import { startServer } from './helpers/startServer.ts';
import type { RunningServer } from './helpers/startServer.ts';
import { ensureDesignerBuilt } from './browser/buildDesigner.ts';
import { signIn } from './browser/designerPage.ts';
import { launchBrowser, screenshot } from './browser/launch.ts';
import type { TestBrowser } from './browser/launch.ts';

const example = join(import.meta.dirname, '..', 'examples', 'customer-complaint');
const readJson = (file: string): unknown => JSON.parse(readFileSync(join(example, file), 'utf8'));
const map = readJson('customer-complaint.map.json') as BatonMap;
const monday = readJson('monday-morning.scenario.json') as Scenario;
const blackFriday = readJson('black-friday-delivery-spike.scenario.json') as Scenario;

/** A pass node at second `t` as the engine's trace tells it, replayed the slow way. */
function fromTrace(trace: SimulationTraceEvent[], node: string, t: number) {
  const state = new Map<string, 'waiting' | 'worked'>();
  let missed = 0;
  for (const e of trace) {
    if (e.atMs / 1000 > t) break;
    if (e.node !== node) continue;
    if (e.type === 'enter') state.set(e.case, 'waiting');
    else if (e.type === 'pickup') state.set(e.case, 'worked');
    else if (e.type === 'leave') state.delete(e.case);
    else missed++;
  }
  const count = (s: string) => [...state.values()].filter((v) => v === s).length;
  return { waiting: count('waiting'), working: count('worked'), missed };
}

let server: RunningServer;
let browser: TestBrowser;
let page: Page;
const pageErrors: string[] = [];

beforeAll(async () => {
  ensureDesignerBuilt();
  server = await startServer({ env: { BATON_SKIP_WEB_BUILD: '1' } });
  browser = await launchBrowser({ width: 1280, height: 800 });
  page = await browser.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('simulate mode', () => {
  it('starts empty, saying what to do', async () => {
    await signIn(page, server.url, server.adminEmail, server.adminPassword);
    await page.getByTestId('new-map').click();
    await page.locator('[data-new-map="customer-complaint"]').click();
    await page.getByTestId('designer').waitFor();
    await expect.poll(() => page.locator('.react-flow__node-pass').count()).toBeGreaterThan(1);
    await page.locator('[data-mode="simulate"]').click();
    await page.getByTestId('simulation-empty').waitFor();
    expect(await page.getByTestId('simulation-empty').textContent()).toContain('Pick a scenario to rehearse this map');
    expect(await page.getByTestId('run-simulation').isDisabled()).toBe(true);
    expect(await page.locator('[data-sim-node]').count()).toBe(0);
    await page.waitForTimeout(400);
    await screenshot(page, 'sim-01-empty');
  });

  it('runs the small example scenario in a worker; badges match simulateMap in Node', async () => {
    await page.locator('[data-scenario="customer-complaint/monday-morning"]').click();
    await expect.poll(() => page.getByTestId('run-simulation').isDisabled()).toBe(false);
    await page.getByTestId('run-simulation').click();
    await page.getByTestId('simulation-results').waitFor();

    const expected = simulateMap(map, monday).metrics;
    for (const [nodeId, { entered, breaches }] of Object.entries(expected.byNode)) {
      const badge = page.locator(`[data-sim-node="${nodeId}"]`);
      expect(await badge.getAttribute('data-sim-entered'), nodeId).toBe(String(entered));
      expect(await badge.getAttribute('data-sim-breaches'), nodeId).toBe(String(breaches));
      expect(await badge.locator('.sim-entered').textContent(), nodeId).toBe(String(entered));
    }
    const busiest = Object.entries(expected.byNode).sort((a, b) => b[1].entered - a[1].entered)[0]!;
    expect(busiest[1].entered).toBeGreaterThan(0);
    expect(await page.getByTestId('metric-cards').textContent()).toContain(String(expected.mentions));
    const late = Object.entries(expected.byNode).find(([, n]) => n.breaches > 0);
    if (late) expect(await page.locator(`[data-sim-node="${late[0]}"] .sim-breaches`).textContent()).toBe(`${late[1].breaches} late`);
    await page.waitForTimeout(300);
    await screenshot(page, 'sim-02-monday-results');
  });

  it('hides the badges in Design mode and marks results stale after an edit', async () => {
    await page.locator('[data-mode="design"]').click();
    await expect.poll(() => page.locator('[data-sim-node]').count()).toBe(0);
    await page.locator('.react-flow__node-pass').first().click();
    await page.getByTestId('inspector').locator('input[name=label]').fill('Care replies (edited)');
    await page.locator('[data-mode="simulate"]').click();
    await expect.poll(() => page.locator('[data-sim-node]').count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('simulation-results').textContent()).toContain('stale');
    expect(await page.getByTestId('run-simulation').textContent()).toContain('Run again');
    await screenshot(page, 'sim-03-stale');
  });

  it('runs the 1,000-mention spike and shows queues, teams and the timeline', async () => {
    await page.locator('[data-scenario="customer-complaint/black-friday-delivery-spike"]').click();
    await page.getByTestId('run-simulation').click();
    await expect.poll(() => page.getByTestId('simulation-results').textContent(), { timeout: 30_000 }).toContain('Black Friday');
    expect(await page.getByTestId('simulation-results').textContent()).not.toContain('stale');
    expect(await page.locator('[data-sim-team]').count()).toBe(map.teams.length);
    await page.getByTestId('timeline-scrub').fill('1800');
    expect(await page.getByTestId('timeline-readout').textContent()).toMatch(/\d+ open/);
    await page.waitForTimeout(300);
    await screenshot(page, 'sim-04-spike-results');
    expect(pageErrors).toEqual([]);
  });

  it('scrubbing the timeline shows each pass at that moment: waiting, being worked, missed so far', async () => {
    const trace: SimulationTraceEvent[] = [];
    const totals = simulateMap(map, blackFriday, { onTrace: (e) => trace.push(e) }).metrics.byNode;
    const passes = map.nodes.filter((n) => n.type === 'pass').map((n) => n.id);
    const slider = page.getByTestId('timeline-scrub');
    const step = Number(await slider.getAttribute('step'));
    const endSec = Number(await slider.getAttribute('max'));
    // The moment of the slider where a pass queue is longest: where the spike piles up.
    let busiest = { node: passes[0]!, t: 0, waiting: -1 };
    for (let t = 0; t < endSec; t += step * 4) {
      for (const node of passes) {
        const { waiting } = fromTrace(trace, node, t);
        if (waiting > busiest.waiting) busiest = { node, t, waiting };
      }
    }
    expect(busiest.waiting).toBeGreaterThan(5);

    await slider.fill(String(busiest.t));
    const badge = page.locator(`[data-sim-node="${busiest.node}"]`);
    // The badges already show a moment (the previous test scrubbed to 1800 s): wait for this one.
    await expect.poll(async () => {
      const shown = await badge.getAttribute('data-sim-at');
      return shown === null ? Number.POSITIVE_INFINITY : Math.abs(Number(shown) - busiest.t);
    }).toBeLessThanOrEqual(step);
    const at = Number(await badge.getAttribute('data-sim-at'));
    for (const node of passes) {
      const expected = fromTrace(trace, node, at);
      const b = page.locator(`[data-sim-node="${node}"]`);
      expect(await b.getAttribute('data-sim-waiting'), node).toBe(String(expected.waiting));
      expect(await b.getAttribute('data-sim-working'), node).toBe(String(expected.working));
      expect(await b.getAttribute('data-sim-missed'), node).toBe(String(expected.missed));
      // The totals stay where they were.
      expect(await b.getAttribute('data-sim-entered'), node).toBe(String(totals[node]!.entered));
      expect(await b.getAttribute('data-sim-breaches'), node).toBe(String(totals[node]!.breaches));
    }
    const expected = fromTrace(trace, busiest.node, at);
    expect(await badge.locator('.sim-waiting').textContent()).toBe(expected.waiting.toLocaleString('en'));
    expect(await badge.getAttribute('aria-label')).toMatch(new RegExp(`^${expected.waiting.toLocaleString('en')} waiting, ${expected.working.toLocaleString('en')} being worked.* at \\d\\d:\\d\\d$`));
    expect(await page.getByTestId('timeline-readout').textContent()).toContain('steps show this moment');
    // The passes in view, to see where the spike piles up: the whole map, then zoom in on the passes.
    await page.locator('.react-flow__controls-fitview').click();
    await page.waitForTimeout(400);
    const boxes = await Promise.all(passes.map((id) => page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox()));
    const ys = boxes.flatMap((b) => (b ? [b.y, b.y + b.height] : []));
    const xs = boxes.flatMap((b) => (b ? [b.x, b.x + b.width] : []));
    await page.mouse.move((Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2);
    await page.mouse.wheel(0, -250);
    await page.waitForTimeout(500);
    await screenshot(page, 'sim-08-spike-moment');

    // Play moves the moment on; at the very end the badges show the run's totals again.
    await page.getByTestId('timeline-play').click();
    await expect.poll(() => badge.getAttribute('data-sim-at')).not.toBe(String(at));
    await page.getByTestId('timeline-play').click();
    await slider.fill(String(endSec));
    await expect.poll(() => badge.getAttribute('data-sim-waiting')).toBeNull();
    for (const node of passes) {
      const b = page.locator(`[data-sim-node="${node}"]`);
      expect(await b.locator('.sim-entered').textContent(), node).toBe(String(totals[node]!.entered));
      expect(await b.getAttribute('data-sim-breaches'), node).toBe(String(totals[node]!.breaches));
    }
    expect(await page.getByTestId('timeline-readout').textContent()).toContain('steps show the whole run');
    expect(pageErrors).toEqual([]);
  });

  it('builds a quick spike from words and says what is wrong in plain words', async () => {
    await page.locator('.spike-details > summary').click();
    await page.locator('input[name=spike-over]').fill('soon');
    await page.getByRole('button', { name: 'Use this spike' }).click();
    await expect.poll(() => page.getByTestId('spike-form').textContent()).toContain('“soon” is not a duration');
    await page.locator('input[name=spike-over]').fill('20 min');
    await page.locator('input[name=spike-count]').fill('150');
    await page.getByRole('button', { name: 'Use this spike' }).click();
    await expect.poll(() => page.getByTestId('scenario-chosen').textContent()).toContain('Quick spike: 150 mentions in 20 min');
    await page.getByTestId('run-simulation').click();
    await expect.poll(() => page.getByTestId('simulation-results').textContent(), { timeout: 30_000 }).toContain('Quick spike');
    await screenshot(page, 'sim-05-quick-spike');
    expect(pageErrors).toEqual([]);
  });

  it('shows progress while a long run works in the worker, and Cancel stops it', async () => {
    await page.locator('input[name=spike-count]').fill('100000');
    await page.getByRole('button', { name: 'Use this spike' }).click();
    await expect.poll(() => page.getByTestId('scenario-chosen').textContent()).toContain('100,000 mentions');
    await page.getByTestId('run-simulation').click();
    await page.getByTestId('simulation-progress').waitFor();
    // The page stays responsive while the worker runs: the timeline still scrubs.
    await page.getByTestId('timeline-scrub').fill('600');
    await screenshot(page, 'sim-07-progress');
    await page.getByTestId('cancel-simulation').click();
    await expect.poll(() => page.getByTestId('simulation-progress').count()).toBe(0);
    expect(await page.getByTestId('simulation-results').textContent()).toContain('Quick spike: 150 mentions');
    await expect.poll(() => page.locator('[data-toast=info]').allTextContents()).toEqual([expect.stringContaining('Simulation cancelled.')]);

    // Leaving Simulate mode during a run stops it; coming back shows Run again, not a stuck bar.
    await page.getByTestId('run-simulation').click();
    await page.getByTestId('simulation-progress').waitFor();
    await page.locator('[data-mode="design"]').click();
    await page.locator('[data-mode="simulate"]').click();
    await page.getByTestId('run-simulation').waitFor();
    expect(await page.getByTestId('simulation-progress').count()).toBe(0);
  });
});

describe('simulate mode on a map with a crisis', () => {
  it('shows the crisis windows that simulateMap finds', async () => {
    const dir = join(import.meta.dirname, '..', 'examples', 'network-outage-crisis');
    const outage = JSON.parse(readFileSync(join(dir, 'network-outage-crisis.map.json'), 'utf8')) as BatonMap;
    const evening = JSON.parse(readFileSync(join(dir, 'mast-fire-evening.scenario.json'), 'utf8')) as Scenario;
    const expected = simulateMap(outage, evening).metrics;
    expect(expected.crisis.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/#/maps`);
    await page.getByTestId('new-map').click();
    await page.locator('[data-new-map="network-outage-crisis"]').click();
    await page.getByTestId('designer').waitFor();
    await page.locator('[data-mode="simulate"]').click();
    await page.locator('[data-scenario="network-outage-crisis/mast-fire-evening"]').click();
    await page.getByTestId('run-simulation').click();
    await page.getByTestId('simulation-results').waitFor();
    expect(await page.locator('.axis-window').count()).toBe(expected.crisis.length);
    for (const [nodeId, { entered }] of Object.entries(expected.byNode)) {
      expect(await page.locator(`[data-sim-node="${nodeId}"]`).getAttribute('data-sim-entered'), nodeId).toBe(String(entered));
    }
    await page.waitForTimeout(300);
    await screenshot(page, 'sim-06-crisis');
    expect(pageErrors).toEqual([]);
  });
});
