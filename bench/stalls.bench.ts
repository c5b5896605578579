// Stalls under load, against a real `baton serve` process on 127.0.0.1:
// 1. "Take next" (POST /api/cases/next) with 10 and with 100,000 cases waiting in a team's queue:
//    p50/p99 of one agent pressing it (goal p99 < 20 ms, the same at both sizes); then 20 agents
//    pressing it at once while a prober asks /api/health (goal: health p99 < 50 ms).
// 2. 10,000 deadlines falling due at one instant (they fell due while the server was stopped and
//    fire when it starts): the longest wait of /api/health meanwhile, which bounds the longest
//    event-loop stall (goal < 100 ms), and the time until all have fired.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { waitForOutput } from './serverProcess.ts';

const root = join(import.meta.dirname, '..');
const WAITING = Number(process.env.BENCH_WAITING ?? 100_000);
const DEADLINES = Number(process.env.BENCH_DEADLINES ?? 10_000);
const AGENTS = 20;
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TOKEN = 'bench-ingest-token-0123456789abcdef';
const ADMIN = { email: 'bench@example.test', password: 'bench-password-123456' };
/** `take-next` or `deadlines` runs one part only (`BENCH_ONLY=deadlines npm run bench -- stalls`). */
const ONLY = process.env.BENCH_ONLY;

/** Every mention becomes a case waiting in `care`'s queue, or in `small`'s when its text says "tiny"; deadline `within`. */
function benchMap(within: string) {
  const pass = (id: string, team: string, y: number, by = within) => ({
    id, type: 'pass', label: `To ${team}`, position: { x: 2, y }, to: { team },
    expected: { action: 'Answer', within: by, outcomes: ['resolved'] },
  });
  return {
    format: 'baton.map/v1', id: 'stalls', name: 'Stalls bench', hub: 'care',
    teams: [{ id: 'care', name: 'Care' }, { id: 'small', name: 'Small' }, { id: 'late', name: 'Late' }],
    nodes: [
      { id: 't', type: 'trigger', label: 'Anything', position: { x: 0, y: 0 }, priority: 0, when: { field: 'text', op: 'exists' } },
      { id: 'd', type: 'decision', label: 'Which queue', position: { x: 1, y: 0 } },
      pass('care', 'care', 0),
      pass('small', 'small', 1),
      pass('late', 'late', 2, 'PT8H'), // a missed deadline hands the case on once, not in a cascade
      { id: 'done', type: 'end', label: 'Done', position: { x: 3, y: 0 }, outcome: 'resolved' },
    ],
    edges: [
      { id: 'e1', source: 't', target: 'd' },
      { id: 'e2', source: 'd', target: 'small', when: { field: 'text', op: 'containsAny', value: ['tiny'] } },
      { id: 'e3', source: 'd', target: 'care' },
      { id: 'e4', source: 'care', target: 'done', on: 'resolved' },
      { id: 'e5', source: 'small', target: 'done', on: 'resolved' },
      { id: 'e6', source: 'care', target: 'late', on: 'timeout' },
      { id: 'e7', source: 'late', target: 'done', on: 'resolved' },
      { id: 'e8', source: 'small', target: 'done', on: 'timeout' },
      { id: 'e9', source: 'late', target: 'done', on: 'timeout' },
    ],
  };
}

function envFor(dir: string) {
  return { ...process.env, BATON_DB: join(dir, 'baton.db'), PORT: '0', HOST: '127.0.0.1', BATON_SKIP_WEB_BUILD: '1',
    BATON_ADMIN_EMAIL: ADMIN.email, BATON_ADMIN_PASSWORD: ADMIN.password, BATON_INGEST_TOKEN: TOKEN, BATON_RATE_LIMIT: 'off' };
}

async function importMap(dir: string, within: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'stalls.map.json');
  writeFileSync(file, JSON.stringify(benchMap(within)));
  const imported = spawn(process.execPath, [join(root, 'apps/runtime/bin/baton.mjs'), 'import', '--approve', file], { env: envFor(dir), stdio: 'inherit' });
  await new Promise((ok) => imported.once('exit', ok));
}

/** A port nobody listens on now, so a prober can knock before the server says it is up. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const port = (probe.address() as AddressInfo).port;
  await new Promise((ok) => probe.close(ok));
  return port;
}

async function serve(dir: string, port = 0): Promise<{ child: ChildProcess; url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(root, 'apps/runtime/bin/baton.mjs'), 'serve'], { env: { ...envFor(dir), PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await waitForOutput(child, /running at (http:\/\/\S+)/);
  const stop = () => new Promise<void>((ok) => {
    if (child.exitCode !== null) return ok();
    child.once('exit', () => ok());
    child.kill('SIGTERM');
  });
  return { child, url, stop };
}

async function call(url: string, method: string, path: string, token: string | null, body?: unknown): Promise<{ status: number; body: any }> {
  const res = await fetch(url + path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function ingest(url: string, count: number, text: (i: number) => string, prefix: string): Promise<void> {
  for (let i = 0; i < count; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - i) }, (_, j) => ({
      id: `${prefix}:${i + j}`, network: 'twitter', author: { handle: `@user${(i + j) % 997}` }, text: text(i + j), createdAt: '2026-03-02T09:00:00Z',
    }));
    const res = await call(url, 'POST', '/api/mentions', TOKEN, batch);
    if (res.status !== 200) throw new Error(`ingest: ${res.status} ${JSON.stringify(res.body)}`);
  }
}

/** Nearest-rank percentile of `ms` (sorted copy). */
function pct(ms: number[], p: number): number {
  const s = [...ms].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] ?? NaN;
}
const f = (ms: number) => `${ms.toFixed(1)} ms`;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}

/**
 * Asks /api/health back to back until `stop()`; answers every latency. Refused connections (the
 * server not listening yet) are retried and not counted; once it listens, a request waits as long
 * as the server's event loop is held.
 */
function probeHealth(url: string) {
  const latencies: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      try {
        const [ms, res] = await timed(() => fetch(`${url}/api/health`));
        await res.arrayBuffer();
        latencies.push(ms);
      } catch {
        // not listening yet
      }
      await new Promise((ok) => setTimeout(ok, 5));
    }
  })();
  return { latencies, stop: async () => { running = false; await done; return latencies; } };
}

async function agents(url: string, admin: string, n: number, team: string): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < n; i++) {
    const email = `${team}-agent-${i}@example.test`;
    const made = await call(url, 'POST', '/api/users', admin, { email, name: `${team} agent ${i}`, password: 'agent-password-123456', roles: ['agent'], teams: [team] });
    if (made.status !== 201) throw new Error(`user: ${made.status} ${JSON.stringify(made.body)}`);
    tokens.push((await call(url, 'POST', '/api/session', null, { email, password: 'agent-password-123456' })).body.token);
  }
  return tokens;
}

/** One agent pressing Take next `times` times, one after the other; the latencies. */
async function takeNext(url: string, token: string, team: string, times: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < times; i++) {
    const [ms, res] = await timed(() => call(url, 'POST', '/api/cases/next', token, { team }));
    if (res.status !== 200 || !res.body.case) throw new Error(`take next: ${res.status} ${JSON.stringify(res.body)}`);
    out.push(ms);
  }
  return out;
}

const base = mkdtempSync(join(tmpdir(), 'baton-bench-stalls-'));

// ── 1. Take next ───────────────────────────────────────────────────────────
if (ONLY !== 'deadlines') {
  const dir = join(base, 'take-next');
  await importMap(dir, 'PT8H');
  const s = await serve(dir);
  try {
    const admin = (await call(s.url, 'POST', '/api/session', null, ADMIN)).body.token as string;
    let [ms] = await timed(() => ingest(s.url, WAITING, () => 'where is my order', 'care'));
    console.log(`setup: ${WAITING.toLocaleString('en')} cases waiting in care's queue (ingested in ${(ms / 1000).toFixed(1)} s)`);
    [ms] = await timed(() => ingest(s.url, 10 + 300, () => 'a tiny question', 'small'));
    const [careAgent, ...others] = await agents(s.url, admin, AGENTS, 'care');
    const [smallAgent] = await agents(s.url, admin, 1, 'small');
    await takeNext(s.url, careAgent!, 'care', 20); // warm up
    await takeNext(s.url, smallAgent!, 'small', 20);
    // The small queue holds 290 now; take 280 so that the last calls see ~10 waiting.
    const small = await takeNext(s.url, smallAgent!, 'small', 280);
    const smallTail = small.slice(-100);
    const care = await takeNext(s.url, careAgent!, 'care', 300);
    console.log('Take next, one agent, one call after another:');
    console.log(`  ${(WAITING - 20).toLocaleString('en')}–${(WAITING - 320).toLocaleString('en')} waiting: p50 ${f(pct(care, 50))}, p99 ${f(pct(care, 99))}, max ${f(Math.max(...care))} (goal p99 < 20 ms)`);
    console.log(`  110–10 waiting:  p50 ${f(pct(smallTail, 50))}, p99 ${f(pct(smallTail, 99))}, max ${f(Math.max(...smallTail))}`);

    const probe = probeHealth(s.url);
    const all = [careAgent!, ...others];
    const until = performance.now() + LOAD_SECONDS * 1000;
    const taken: number[] = [];
    await Promise.all(all.map(async (token) => {
      while (performance.now() < until) {
        const [took, res] = await timed(() => call(s.url, 'POST', '/api/cases/next', token, { team: 'care' }));
        if (res.status !== 200 || !res.body.case) throw new Error(`take next under load: ${res.status}`);
        taken.push(took);
      }
    }));
    const health = await probe.stop();
    console.log(`${AGENTS} agents pressing Take next at once for ${LOAD_SECONDS} s (${taken.length.toLocaleString('en')} cases taken, ${Math.round(taken.length / LOAD_SECONDS)}/s):`);
    console.log(`  Take next: p50 ${f(pct(taken, 50))}, p99 ${f(pct(taken, 99))}`);
    console.log(`  /api/health meanwhile (${health.length} asks): p50 ${f(pct(health, 50))}, p99 ${f(pct(health, 99))}, max ${f(Math.max(...health))} (goal p99 < 50 ms)`);
  } finally {
    await s.stop();
  }
}

// ── 2. Deadlines falling due together ──────────────────────────────────────
if (ONLY !== 'take-next') {
  const dir = join(base, 'deadlines');
  const WITHIN_S = 20;
  await importMap(dir, `PT${WITHIN_S}S`);
  let s = await serve(dir);
  const started = Date.now();
  await ingest(s.url, DEADLINES, () => 'where is my order', 'due');
  const ingestedIn = Date.now() - started;
  await s.stop();
  const db = new Database(join(dir, 'baton.db'), { readonly: true });
  const count = db.prepare("select count(*) as n from deadlines where kind = 'timeout' and fired_at is null and cancelled_at is null and due_at <= ?");
  const earlyFired = (db.prepare("select count(*) as n from deadlines where kind = 'timeout' and fired_at is not null").get() as { n: number }).n;
  console.log(`setup: ${DEADLINES.toLocaleString('en')} deadlines of ${WITHIN_S} s, ingested in ${(ingestedIn / 1000).toFixed(1)} s${earlyFired ? ` (${earlyFired} fired before the stop: ingest took too long)` : ''}; server stopped until all are due`);
  await new Promise((ok) => setTimeout(ok, Math.max(0, started + WITHIN_S * 1000 + ingestedIn + 1000 - Date.now())));

  const cutoff = Date.now();
  const t0 = performance.now();
  const port = await freePort();
  // Knocking from the start: the first deadlines fire while the server starts.
  const probe = probeHealth(`http://127.0.0.1:${port}`);
  s = await serve(dir, port);
  let allFiredMs = NaN;
  let left = DEADLINES;
  for (let i = 0; i < 60_000 && left > 0; i++) {
    left = (count.get(cutoff) as { n: number }).n;
    if (left === 0) allFiredMs = performance.now() - t0;
    else await new Promise((ok) => setTimeout(ok, 10));
  }
  const health = await probe.stop();
  await s.stop();
  db.close();
  console.log(`${DEADLINES.toLocaleString('en')} deadlines due at one instant (fired when the server starts):`);
  console.log(left ? `  ${left.toLocaleString('en')} still unfired after 10 minutes` : `  all fired ${(allFiredMs / 1000).toFixed(2)} s after the process started (start-up included)`);
  console.log(`  /api/health meanwhile (${health.length} asks): p50 ${f(pct(health, 50))}, p99 ${f(pct(health, 99))}, longest ${f(Math.max(...health))} — bounds the longest event-loop stall (goal < 100 ms)`);
}
