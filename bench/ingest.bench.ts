// Ingest speed, each against a floor measured in the same run:
// 1. single-mention POSTs over HTTP (autocannon, 50 connections) vs a bare Hono route doing one raw
//    better-sqlite3 insert per request;
// 2. 1,000-mention batches vs raw batched inserts of the same rows plus a bare XState actor per mention;
// 3. memory with 100,000 open cases.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { createActor, createMachine } from 'xstate';
import { cpuMsOf, waitForOutput } from './serverProcess.ts';

const root = join(import.meta.dirname, '..');
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const TOKEN = 'bench-ingest-token-0123456789abcdef';
const texts = ['My order never arrived, terrible', 'Is the network down? no signal', 'Love the new app', 'Refund still not here after 3 weeks', 'Great service today'];

/** A mention about ShopCo, the brand the customer-complaint example listens to (so it is routed as before brands). */
function mention(id: string, i: number) {
  return { id, network: 'twitter', author: { handle: `@user${i % 997}`, followers: i % 20000 }, text: texts[i % texts.length], createdAt: '2026-03-02T09:00:00Z', directedAtBrand: true, brand: 'shopco' };
}

async function startBaton(dir: string): Promise<{ child: ChildProcess; url: string }> {
  const env = { ...process.env, BATON_DB: join(dir, 'baton.db'), PORT: '0', HOST: '127.0.0.1', BATON_SKIP_WEB_BUILD: '1',
    BATON_ADMIN_EMAIL: 'bench@example.test', BATON_ADMIN_PASSWORD: 'bench-password-123456', BATON_INGEST_TOKEN: TOKEN, BATON_RATE_LIMIT: 'off' };
  const bin = join(root, 'apps/runtime/bin/baton.mjs');
  const imported = spawn(process.execPath, [bin, 'import', '--approve', join(root, 'examples/customer-complaint/customer-complaint.map.json')], { env, stdio: 'inherit' });
  await new Promise((ok) => imported.once('exit', ok));
  const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await waitForOutput(child, /running at (http:\/\/\S+)/);
  return { child, url };
}

async function hammer(url: string, prefix: string, pid: number) {
  let n = 0;
  const cpu0 = cpuMsOf(pid);
  const result = await autocannon({
    url: `${url}/api/mentions`, connections: 50, duration: DURATION, method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    requests: [{ setupRequest: (req: object) => ({ ...req, body: JSON.stringify(mention(`${prefix}:${n}`, n++)) }) }],
  });
  const cpuUsPerRequest = ((cpuMsOf(pid) - cpu0) * 1000) / Math.max(1, result.requests.total);
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx, errors: result.errors, cpuUsPerRequest };
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

const dir = mkdtempSync(join(tmpdir(), 'baton-bench-'));
const floorServer = spawn(process.execPath, ['--import', 'tsx', join(root, 'bench/floors/insertServer.ts'), join(dir, 'floor.db')], { stdio: ['ignore', 'pipe', 'pipe'] });
const floorUrl = `http://127.0.0.1:${await waitForOutput(floorServer, /PORT (\d+)/)}`;
const baton = await startBaton(dir);
try {
  // 1. single POSTs
  await hammer(floorUrl, 'warm', floorServer.pid!);
  const floor = await hammer(floorUrl, 'floor', floorServer.pid!);
  const ours = await hammer(baton.url, 'single', baton.child.pid!);
  console.log(`single POSTs, 50 connections, ${DURATION} s each:`);
  console.log(`  baton: ${Math.round(ours.rps).toLocaleString('en')} req/s, p50 ${ours.p50} ms, p99 ${ours.p99} ms, server CPU ${Math.round(ours.cpuUsPerRequest)} µs/request (non-2xx ${ours.non2xx}, errors ${ours.errors})`);
  console.log(`  floor: ${Math.round(floor.rps).toLocaleString('en')} req/s, p50 ${floor.p50} ms, p99 ${floor.p99} ms, server CPU ${Math.round(floor.cpuUsPerRequest)} µs/request (bare Hono + one better-sqlite3 insert)`);
  console.log(`  ratio: ${(ours.rps / floor.rps).toFixed(2)} of the floor (goal ≥ 0.70); by server CPU per request ${(floor.cpuUsPerRequest / ours.cpuUsPerRequest).toFixed(2)}`);

  // 2. batches of 1,000
  const BATCHES = Number(process.env.BENCH_BATCHES ?? 20);
  const batch = (b: number) => Array.from({ length: 1000 }, (_, i) => mention(`batch:${b}:${i}`, b * 1000 + i));
  let t0 = performance.now();
  for (let b = 0; b < BATCHES; b++) {
    const res = await fetch(`${baton.url}/api/mentions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(batch(b)) });
    if (!res.ok) throw new Error(`batch ${b}: ${res.status} ${await res.text()}`);
  }
  const batchMs = performance.now() - t0;
  const raw = new Database(join(dir, 'floor-batch.db'));
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = NORMAL');
  raw.exec('create table mentions (id text primary key, body text not null)');
  const insert = raw.prepare('insert into mentions (id, body) values (?, ?)');
  const states: Record<string, object> = {};
  for (let i = 0; i < 10; i++) states[`s${i}`] = { on: { NEXT: `s${(i + 1) % 10}` } };
  const machine = createMachine({ id: 'floor', initial: 's0', states });
  t0 = performance.now();
  for (let b = 0; b < BATCHES; b++) {
    const rows = JSON.parse(JSON.stringify(batch(b))) as { id: string }[];
    raw.transaction(() => { for (const r of rows) insert.run(r.id, JSON.stringify(r)); })();
    for (let i = 0; i < rows.length; i++) {
      const actor = createActor(machine).start();
      actor.send({ type: 'NEXT' }); actor.send({ type: 'NEXT' }); actor.send({ type: 'NEXT' });
      actor.stop();
    }
  }
  const floorBatchMs = performance.now() - t0;
  const rate = (ms: number) => (BATCHES * 1000) / (ms / 1000);
  console.log(`1,000-mention batches (${BATCHES}):`);
  console.log(`  baton: ${Math.round(rate(batchMs)).toLocaleString('en')} mentions/s over HTTP`);
  console.log(`  floor: ${Math.round(rate(floorBatchMs)).toLocaleString('en')} mentions/s (raw batched inserts + a bare XState actor per mention, in process)`);
  console.log(`  ratio: ${(rate(batchMs) / rate(floorBatchMs)).toFixed(2)} of the floor (goal ≥ 0.50)`);

  // 3. 100k open cases
  const OPEN = Number(process.env.BENCH_OPEN ?? 100_000);
  for (let b = 0; b * 1000 < OPEN; b++) {
    const rows = Array.from({ length: 1000 }, (_, i) => ({ ...mention(`open:${b}:${i}`, i), text: 'My order never arrived, terrible service' }));
    const res = await fetch(`${baton.url}/api/mentions`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` }, body: JSON.stringify(rows) });
    if (!res.ok) throw new Error(`open batch ${b}: ${res.status}`);
  }
  console.log(`memory: RSS ${Math.round(rssOf(baton.child.pid!) / 1048576)} MB with ${OPEN.toLocaleString('en')} more cases opened (goal < 300 MB)`);
} finally {
  baton.child.kill('SIGTERM');
  floorServer.kill('SIGTERM');
}
