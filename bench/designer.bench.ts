// Designer speed with a large map, in headless Chromium against the real server:
// - time for a generated 500-node map to become interactive (nodes drawn and a click selects one);
// - frame times while dragging a node (p50/p95 of the intervals between animation frames).
// Floors measured in the same run: the same app opening a 3-node map, and the page's frame
// interval when nothing happens (what the browser gives a page that does no work).
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const NODES = Number(process.env.BENCH_NODES ?? 500);
const PASSWORD = 'bench-password-123456';
const at = (x: number, y: number) => ({ x, y });

/** A map of `size` nodes: a trigger, then rows of decision → pass → end, chained by outcomes. */
function generatedMap(id: string, size: number) {
  const nodes: object[] = [{ id: 't', type: 'trigger', label: 'Complaint', position: at(0, 0), priority: 0,
    when: { field: 'text', op: 'containsAny', value: ['broken', 'refund', 'down'] } }];
  const edges: object[] = [];
  let prev = 't';
  let prevOn: string | undefined;
  for (let i = 0; nodes.length + 3 <= size - 1; i++) {
    const x = (i % 8) * 420;
    const y = Math.floor(i / 8) * 520 + 160;
    nodes.push(
      { id: `d${i}`, type: 'decision', label: `Order issue ${i}?`, position: at(x, y) },
      { id: `p${i}`, type: 'pass', label: `Care ${i}`, position: at(x, y + 140), to: { team: 'care' },
        preAction: { checklist: ['Screenshot the post'] }, expected: { action: 'Reply in DM', within: 'PT1H', outcomes: ['done', 'next'] } },
      { id: `e${i}`, type: 'end', label: `Resolved ${i}`, position: at(x + 200, y + 360), outcome: 'resolved' },
    );
    edges.push(
      { id: `in${i}`, source: prev, target: `d${i}`, ...(prevOn ? { on: prevOn } : {}) },
      { id: `dy${i}`, source: `d${i}`, target: `p${i}`, when: { field: 'sentiment', op: 'lt', value: 0 } },
      { id: `dn${i}`, source: `d${i}`, target: `e${i}` },
      { id: `pd${i}`, source: `p${i}`, target: `e${i}`, on: 'done' },
      { id: `pt${i}`, source: `p${i}`, target: `e${i}`, on: 'timeout' },
    );
    prev = `p${i}`;
    prevOn = 'next';
  }
  nodes.push({ id: 'last', type: 'end', label: 'Last', position: at(-300, 0), outcome: 'done' });
  edges.push({ id: 'last', source: prev, target: 'last', on: prevOn });
  return { format: 'baton.map/v1', id, name: `Generated ${nodes.length}-node map`, hub: 'care', teams: [{ id: 'care', name: 'Care' }], nodes, edges };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function openMap(page: Page, url: string, id: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(`${url}/#/maps/${id}`);
  await page.locator('.react-flow__node').first().waitFor();
  const node = page.locator(`.react-flow__node[data-id="${await visibleNode(page)}"]`);
  await node.click();
  await page.getByTestId('inspector').locator('input[name=label]').waitFor();
  return Date.now() - t0;
}

/** The id of a node drawn wholly inside the canvas (not under the palette or the inspector). */
async function visibleNode(page: Page): Promise<string> {
  const id = await page.evaluate(`(() => {
    const pane = document.querySelector('.react-flow').getBoundingClientRect();
    const inside = [...document.querySelectorAll('.react-flow__node')].find((n) => {
      const r = n.getBoundingClientRect();
      return r.left > pane.left + 20 && r.right < pane.right - 200 && r.top > pane.top + 20 && r.bottom < pane.bottom - 20;
    });
    return inside ? inside.getAttribute('data-id') : null;
  })()`);
  if (typeof id !== 'string') throw new Error('no node is wholly visible in the canvas');
  return id;
}

/** Frame intervals while the page runs `during` (recorded in the page with requestAnimationFrame). */
async function frames(page: Page, during: () => Promise<void>): Promise<number[]> {
  await page.evaluate(`(() => { window.__frames = []; let last = performance.now();
    const tick = (t) => { window.__frames.push(t - last); last = t; if (window.__frames.length < 100000) window.__raf = requestAnimationFrame(tick); };
    window.__raf = requestAnimationFrame(tick); })()`);
  await during();
  return (await page.evaluate('(() => { cancelAnimationFrame(window.__raf); return window.__frames.slice(2); })()')) as number[];
}

const dir = mkdtempSync(join(tmpdir(), 'baton-bench-designer-'));
const port = 20000 + Math.floor(Math.random() * 20000);
const url = `http://127.0.0.1:${port}`;
const server = spawn(process.execPath, [join(root, 'apps/runtime/bin/baton.mjs'), 'serve'], {
  env: { ...process.env, PORT: String(port), BATON_DB: join(dir, 'baton.db'), BATON_ADMIN_EMAIL: 'bench@example.test', BATON_ADMIN_PASSWORD: PASSWORD, BATON_RATE_LIMIT: 'off' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((ok, fail) => {
  server.stdout!.on('data', (d: Buffer) => (d.toString().includes('running at') ? ok() : undefined));
  server.once('exit', (code) => fail(new Error(`baton serve exited ${code}`)));
});
const browser = await chromium.launch({ executablePath: process.env.BATON_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await page.goto(url);
  await page.fill('input[name=email]', 'bench@example.test');
  await page.fill('input[name=password]', PASSWORD);
  await page.click('button[type=submit]');
  await page.getByText('Sign out').waitFor();
  for (const [id, size] of [['small', 6], ['big', NODES]] as const) {
    const res = await page.evaluate(async ([doc]) => {
      const csrf = document.cookie.split('; ').find((c) => c.startsWith('baton_csrf='))?.slice(11) ?? '';
      const r = await fetch('/api/maps', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrf }, body: JSON.stringify(doc) });
      return r.status;
    }, [generatedMap(id, size)]);
    if (res !== 201) throw new Error(`creating map ${id}: ${res}`);
  }
  const smallMs = await openMap(page, url, 'small');
  const bigMs = await openMap(page, url, 'big');
  const count = await page.locator('.react-flow__node').count();
  const idle = await frames(page, () => page.waitForTimeout(1500));
  const box = (await page.locator(`.react-flow__node[data-id="${await visibleNode(page)}"]`).boundingBox())!;
  const drag = await frames(page, async () => {
    await page.mouse.move(box.x + box.width / 2, box.y + 10);
    await page.mouse.down();
    for (let i = 1; i <= 90; i++) await page.mouse.move(box.x + box.width / 2 + i * 3, box.y + 10 + i * 2, { steps: 1 });
    await page.mouse.up();
  });
  // The same drag with the whole map in view (the Fit view control): every node drawn.
  await page.locator('.react-flow__controls-fitview').click();
  await page.waitForTimeout(500);
  const allDrawn = await page.locator('.react-flow__node').count();
  const fitBox = (await page.locator(`.react-flow__node[data-id="${await visibleNode(page)}"]`).boundingBox())!;
  // Main-thread time of the page during that drag (Chrome's own counters), per pointer move: less
  // coarse than frame intervals, which only show work once it overruns a frame.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const busy = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await busy();
  const dragStart = Date.now();
  const dragAll = await frames(page, async () => {
    await page.mouse.move(fitBox.x + fitBox.width / 2, fitBox.y + 4);
    await page.mouse.down();
    for (let i = 1; i <= 90; i++) await page.mouse.move(fitBox.x + fitBox.width / 2 + i * 3, fitBox.y + 4 + i * 2, { steps: 1 });
    await page.mouse.up();
  });
  const dragMs = Date.now() - dragStart;
  const after = await busy();
  const perMove = (metric: string) => (((after[metric] ?? 0) - (before[metric] ?? 0)) * 1000 / 91).toFixed(1);
  console.log(`map: ${NODES} nodes (${count} drawn in view; React Flow skips off-screen nodes)`);
  console.log(`interactive: ${bigMs} ms for the ${NODES}-node map; floor ${smallMs} ms for a 6-node map (goal < 1000 ms)`);
  console.log(`drag frames: p50 ${percentile(drag, 50).toFixed(1)} ms, p95 ${percentile(drag, 95).toFixed(1)} ms over ${drag.length} frames (goal: p95 within one 60 Hz frame, 16.7 ms)`);
  console.log(`whole map:   p50 ${percentile(dragAll, 50).toFixed(1)} ms, p95 ${percentile(dragAll, 95).toFixed(1)} ms dragging with all ${allDrawn} nodes in view (fit view)`);
  console.log(`             per pointer move: ${(dragMs / 91).toFixed(1)} ms wall clock, main thread ${perMove('TaskDuration')} ms busy (${perMove('ScriptDuration')} ms script)`);
  console.log(`floor:       p50 ${percentile(idle, 50).toFixed(1)} ms, p95 ${percentile(idle, 95).toFixed(1)} ms with nothing happening`);
  console.log(`ratio:       ${(percentile(idle, 95) / percentile(drag, 95)).toFixed(2)} (idle p95 / drag p95; 1.00 = dragging costs no frames)`);
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
