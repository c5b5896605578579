/**
 * A rough feel for a large map: opens a generated 500-node map (mocked API) and times the first
 * render and an edit (which re-validates the whole map). `npx tsx test/browser/benchDesigner.ts`.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, screenshot } from './launch.ts';
import { mockApi } from './mockApi.ts';
import { serveStatic } from './staticServer.ts';

function bigMap(passes: number) {
  const nodes: unknown[] = [{ id: 't', type: 'trigger', label: 'Start', position: { x: 0, y: 0 }, when: { field: 'text', op: 'containsAny', value: ['help'] }, priority: 0 }];
  const edges: unknown[] = [];
  let prev = 't';
  let prevOn: string | undefined;
  for (let i = 0; i < passes; i++) {
    const id = `p${i}`;
    nodes.push({ id, type: 'pass', label: `Pass ${i}`, position: { x: (i % 10) * 360, y: Math.floor(i / 10) * 420 }, to: { team: 'care' }, expected: { action: 'reply', within: 'PT1H', outcomes: ['done', 'next'] } });
    nodes.push({ id: `e${i}`, type: 'end', label: `End ${i}`, position: { x: (i % 10) * 360, y: Math.floor(i / 10) * 420 + 220 }, outcome: 'done' });
    edges.push({ id: `x${i}`, source: prev, target: id, ...(prevOn ? { on: prevOn } : {}) });
    edges.push({ id: `d${i}`, source: id, target: `e${i}`, on: 'done' });
    edges.push({ id: `t${i}`, source: id, target: `e${i}`, on: 'timeout' });
    prev = id;
    prevOn = 'next';
  }
  nodes.push({ id: 'last', type: 'end', label: 'Last', position: { x: 0, y: -200 }, outcome: 'done' });
  edges.push({ id: 'xl', source: prev, target: 'last', on: 'next' });
  return { format: 'baton.map/v1', id: 'big', name: 'Big map', hub: 'care', teams: [{ id: 'care', name: 'Care' }], nodes, edges };
}

const file = join(mkdtempSync(join(tmpdir(), 'baton-big-')), 'big.map.json');
const map = bigMap(250);
writeFileSync(file, JSON.stringify(map));
const server = await serveStatic(join(import.meta.dirname, '..', '..', 'apps', 'designer', 'dist'));
const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  page.on('pageerror', (e) => console.log('pageerror:', e.message));
  await mockApi(page);
  await page.goto(`${server.url}/#/maps`);
  await page.getByTestId('import-map').waitFor();
  let t = Date.now();
  await page.getByTestId('import-file').setInputFiles(file);
  await page.getByTestId('designer').waitFor();
  console.log(`designer shown after ${Date.now() - t} ms`);
  await page.locator('.react-flow__node').first().waitFor();
  console.log(`${map.nodes.length} nodes, ${map.edges.length} edges: first render ${Date.now() - t} ms`);
  await page.waitForTimeout(1500);
  await page.locator('[data-palette-item="action"]').click();
  const label = page.getByTestId('inspector').locator('input[name=label]');
  t = Date.now();
  await label.pressSequentially('abcdefghij');
  console.log(`10 keystrokes in the inspector (each re-validates): ${Date.now() - t} ms`);
  t = Date.now();
  await page.getByTestId('auto-layout').click();
  await page.waitForTimeout(100);
  await page.waitForFunction(`!document.querySelector('[data-testid=auto-layout]')?.matches(':disabled')`);
  console.log(`problems shown: ${await page.locator('[data-problem-code]').count()}`);
  console.log(await screenshot(page, 'bench-500-nodes'));
} finally {
  await browser.close();
  await server.stop();
}
