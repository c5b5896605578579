/**
 * Simulate mode in a real browser against the real runtime: a manager opens an example map,
 * switches to Simulate, runs the map's small shipped scenario in the page's Web Worker, and the
 * node badges show the same counts that `simulateMap` computes in Node for the same inputs. Then
 * the 1,000-mention spike runs too. Screenshots land in test-results/designer/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateMap } from '@baton/engine';
import type { BatonMap, Scenario, SimulationTraceEvent } from '@baton/engine';
import { signIn } from './browser/designerPage.ts';
import { screenshot } from './browser/launch.ts';
import { browserSuite } from './browser/suite.ts';

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


const s = browserSuite({ width: 1280, height: 800 });

describe('simulate mode', () => {
  it('starts empty, saying what to do', async () => {
    await signIn(s.page, s.server.url, s.server.adminEmail, s.server.adminPassword);
    await s.page.getByTestId('new-map').click();
    await s.page.locator('[data-new-map="customer-complaint"]').click();
    await s.page.getByTestId('designer').waitFor();
    await expect.poll(() => s.page.locator('.react-flow__node-pass').count()).toBeGreaterThan(1);
    await s.page.locator('[data-mode="simulate"]').click();
    await s.page.getByTestId('simulation-empty').waitFor();
    expect(await s.page.getByTestId('simulation-empty').textContent()).toContain('Pick a scenario to rehearse this map');
    expect(await s.page.getByTestId('run-simulation').isDisabled()).toBe(true);
    expect(await s.page.locator('[data-sim-node]').count()).toBe(0);
    await s.page.waitForTimeout(400);
    await screenshot(s.page, 'sim-01-empty');
  });

  it('runs the small example scenario in a worker; badges match simulateMap in Node', async () => {
    await s.page.locator('[data-scenario="customer-complaint/monday-morning"]').click();
    await expect.poll(() => s.page.getByTestId('run-simulation').isDisabled()).toBe(false);
    await s.page.getByTestId('run-simulation').click();
    await s.page.getByTestId('simulation-results').waitFor();

    const expected = simulateMap(map, monday).metrics;
    for (const [nodeId, { entered, breaches }] of Object.entries(expected.byNode)) {
      const badge = s.page.locator(`[data-sim-node="${nodeId}"]`);
      expect(await badge.getAttribute('data-sim-entered'), nodeId).toBe(String(entered));
      expect(await badge.getAttribute('data-sim-breaches'), nodeId).toBe(String(breaches));
      expect(await badge.locator('.sim-entered').textContent(), nodeId).toBe(entered.toLocaleString('en'));
    }
    const busiest = Object.entries(expected.byNode).sort((a, b) => b[1].entered - a[1].entered)[0]!;
    expect(busiest[1].entered).toBeGreaterThan(0);
    expect(await s.page.getByTestId('metric-cards').textContent()).toContain(String(expected.mentions));
    const late = Object.entries(expected.byNode).find(([, n]) => n.breaches > 0);
    if (late) expect(await s.page.locator(`[data-sim-node="${late[0]}"] .sim-breaches`).textContent()).toBe(`${late[1].breaches} late`);
    await s.page.waitForTimeout(300);
    await screenshot(s.page, 'sim-02-monday-results');
  });

  it('hides the badges in Design mode and marks results stale after an edit', async () => {
    await s.page.locator('[data-mode="design"]').click();
    await expect.poll(() => s.page.locator('[data-sim-node]').count()).toBe(0);
    await s.page.locator('.react-flow__node-pass').first().click();
    await s.page.getByTestId('inspector').locator('input[name=label]').fill('Care replies (edited)');
    await s.page.locator('[data-mode="simulate"]').click();
    await expect.poll(() => s.page.locator('[data-sim-node]').count()).toBeGreaterThan(0);
    await expect.poll(() => s.page.getByTestId('simulation-results').textContent()).toContain('stale');
    expect(await s.page.getByTestId('run-simulation').textContent()).toContain('Run again');
    await screenshot(s.page, 'sim-03-stale');
  });

  it('runs the 1,000-mention spike and shows queues, teams and the timeline', async () => {
    await s.page.locator('[data-scenario="customer-complaint/black-friday-delivery-spike"]').click();
    await s.page.getByTestId('run-simulation').click();
    await expect.poll(() => s.page.getByTestId('simulation-results').textContent(), { timeout: 30_000 }).toContain('Black Friday');
    expect(await s.page.getByTestId('simulation-results').textContent()).not.toContain('stale');
    expect(await s.page.locator('[data-sim-team]').count()).toBe(map.teams.length);
    await s.page.getByTestId('timeline-scrub').fill('1800');
    expect(await s.page.getByTestId('timeline-readout').textContent()).toMatch(/\d+ open/);
    await s.page.waitForTimeout(300);
    await screenshot(s.page, 'sim-04-spike-results');
    expect(s.pageErrors).toEqual([]);
  });

  it('scrubbing the timeline shows each pass at that moment: waiting, being worked, missed so far', async () => {
    const trace: SimulationTraceEvent[] = [];
    const totals = simulateMap(map, blackFriday, { onTrace: (e) => trace.push(e) }).metrics.byNode;
    const passes = map.nodes.filter((n) => n.type === 'pass').map((n) => n.id);
    const slider = s.page.getByTestId('timeline-scrub');
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
    const badge = s.page.locator(`[data-sim-node="${busiest.node}"]`);
    // The badges already show a moment (the previous test scrubbed to 1800 s): wait for this one.
    await expect.poll(async () => {
      const shown = await badge.getAttribute('data-sim-at');
      return shown === null ? Number.POSITIVE_INFINITY : Math.abs(Number(shown) - busiest.t);
    }).toBeLessThanOrEqual(step);
    const at = Number(await badge.getAttribute('data-sim-at'));
    for (const node of passes) {
      const expected = fromTrace(trace, node, at);
      const b = s.page.locator(`[data-sim-node="${node}"]`);
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
    expect(await s.page.getByTestId('timeline-readout').textContent()).toContain('steps show this moment');
    // The passes in view, to see where the spike piles up: the whole map, then zoom in on the passes.
    await s.page.locator('.react-flow__controls-fitview').click();
    await s.page.waitForTimeout(400);
    const boxes = await Promise.all(passes.map((id) => s.page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox()));
    const ys = boxes.flatMap((b) => (b ? [b.y, b.y + b.height] : []));
    const xs = boxes.flatMap((b) => (b ? [b.x, b.x + b.width] : []));
    await s.page.mouse.move((Math.min(...xs) + Math.max(...xs)) / 2, (Math.min(...ys) + Math.max(...ys)) / 2);
    await s.page.mouse.wheel(0, -250);
    await s.page.waitForTimeout(500);
    await screenshot(s.page, 'sim-08-spike-moment');

    // Play moves the moment on; at the very end the badges show the run's totals again.
    await s.page.getByTestId('timeline-play').click();
    await expect.poll(() => badge.getAttribute('data-sim-at')).not.toBe(String(at));
    await s.page.getByTestId('timeline-play').click();
    await slider.fill(String(endSec));
    await expect.poll(() => badge.getAttribute('data-sim-waiting')).toBeNull();
    for (const node of passes) {
      const b = s.page.locator(`[data-sim-node="${node}"]`);
      expect(await b.locator('.sim-entered').textContent(), node).toBe(totals[node]!.entered.toLocaleString('en'));
      expect(await b.getAttribute('data-sim-breaches'), node).toBe(String(totals[node]!.breaches));
    }
    expect(await s.page.getByTestId('timeline-readout').textContent()).toContain('steps show the whole run');
    expect(s.pageErrors).toEqual([]);
  });

  it('builds a quick spike from words and says what is wrong in plain words', async () => {
    await s.page.locator('.spike-details > summary').click();
    await s.page.locator('input[name=spike-over]').fill('soon');
    await s.page.getByRole('button', { name: 'Use this spike' }).click();
    await expect.poll(() => s.page.getByTestId('spike-form').textContent()).toContain('“soon” is not a duration');
    await s.page.locator('input[name=spike-over]').fill('20 min');
    await s.page.locator('input[name=spike-count]').fill('150');
    await s.page.getByRole('button', { name: 'Use this spike' }).click();
    await expect.poll(() => s.page.getByTestId('scenario-chosen').textContent()).toContain('Quick spike: 150 mentions in 20 min');
    await s.page.getByTestId('run-simulation').click();
    await expect.poll(() => s.page.getByTestId('simulation-results').textContent(), { timeout: 30_000 }).toContain('Quick spike');
    await screenshot(s.page, 'sim-05-quick-spike');
    expect(s.pageErrors).toEqual([]);
  });

  it('shows progress while a long run works in the worker, and Cancel stops it', async () => {
    await s.page.locator('input[name=spike-count]').fill('100000');
    await s.page.getByRole('button', { name: 'Use this spike' }).click();
    await expect.poll(() => s.page.getByTestId('scenario-chosen').textContent()).toContain('100,000 mentions');
    await s.page.getByTestId('run-simulation').click();
    await s.page.getByTestId('simulation-progress').waitFor();
    // The page stays responsive while the worker runs: the timeline still scrubs.
    await s.page.getByTestId('timeline-scrub').fill('600');
    await screenshot(s.page, 'sim-07-progress');
    await s.page.getByTestId('cancel-simulation').click();
    await expect.poll(() => s.page.getByTestId('simulation-progress').count()).toBe(0);
    expect(await s.page.getByTestId('simulation-results').textContent()).toContain('Quick spike: 150 mentions');
    await expect.poll(() => s.page.locator('[data-toast=info]').allTextContents()).toEqual([expect.stringContaining('Simulation cancelled.')]);

    // Leaving Simulate mode during a run stops it; coming back shows Run again, not a stuck bar.
    await s.page.getByTestId('run-simulation').click();
    await s.page.getByTestId('simulation-progress').waitFor();
    await s.page.locator('[data-mode="design"]').click();
    await s.page.locator('[data-mode="simulate"]').click();
    await s.page.getByTestId('run-simulation').waitFor();
    expect(await s.page.getByTestId('simulation-progress').count()).toBe(0);
  });
});

describe('simulate mode on a map with a crisis', () => {
  it('shows the crisis windows that simulateMap finds', async () => {
    const dir = join(import.meta.dirname, '..', 'examples', 'network-outage-crisis');
    const outage = JSON.parse(readFileSync(join(dir, 'network-outage-crisis.map.json'), 'utf8')) as BatonMap;
    const evening = JSON.parse(readFileSync(join(dir, 'mast-fire-evening.scenario.json'), 'utf8')) as Scenario;
    const expected = simulateMap(outage, evening).metrics;
    expect(expected.crisis.length).toBeGreaterThan(0);
    await s.page.goto(`${s.server.url}/#/maps`);
    await s.page.getByTestId('new-map').click();
    await s.page.locator('[data-new-map="network-outage-crisis"]').click();
    await s.page.getByTestId('designer').waitFor();
    await s.page.locator('[data-mode="simulate"]').click();
    await s.page.locator('[data-scenario="network-outage-crisis/mast-fire-evening"]').click();
    await s.page.getByTestId('run-simulation').click();
    await s.page.getByTestId('simulation-results').waitFor();
    expect(await s.page.locator('.axis-window').count()).toBe(expected.crisis.length);
    for (const [nodeId, { entered }] of Object.entries(expected.byNode)) {
      expect(await s.page.locator(`[data-sim-node="${nodeId}"]`).getAttribute('data-sim-entered'), nodeId).toBe(String(entered));
    }
    await s.page.waitForTimeout(300);
    await screenshot(s.page, 'sim-06-crisis');
    expect(s.pageErrors).toEqual([]);
  });
});
