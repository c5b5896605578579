// Sources: a burst of 10,000 Bluesky posts in 10 s from the fake Jetstream into a real
// `baton serve` (customer-complaint map approved). Measures, in one run:
// 1. exactly once: every post stored once, none missing;
// 2. lag from the post leaving the fake Jetstream to its mention (and case) being committed, p50/p99
//    (observed by polling the database every 5 ms, so it includes up to 5 ms of polling);
// 3. server CPU per post, beside the server CPU per single-mention POST /api/mentions (autocannon,
//    50 connections) measured on the same server right after.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { FakeJetstream } from '../test/fakes/fakeJetstream.ts';
import { cpuMsOf, waitForOutput } from './serverProcess.ts';

const root = join(import.meta.dirname, '..');
const POSTS = Number(process.env.BENCH_POSTS ?? 10_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const TOKEN = 'bench-ingest-token-0123456789abcdef';
const texts = ['@acme my order never arrived, terrible', '@acme is the network down? no signal', '@acme love the new app', '@acme refund still not here after 3 weeks', '@acme great service today'];

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const dir = mkdtempSync(join(tmpdir(), 'baton-bench-sources-'));
const dbPath = join(dir, 'baton.db');
const env = { ...process.env, BATON_DB: dbPath, PORT: '0', HOST: '127.0.0.1', BATON_SKIP_WEB_BUILD: '1',
  BATON_ADMIN_EMAIL: 'bench@example.test', BATON_ADMIN_PASSWORD: 'bench-password-123456', BATON_INGEST_TOKEN: TOKEN, BATON_RATE_LIMIT: 'off' };
const bin = join(root, 'apps/runtime/bin/baton.mjs');
const imported = spawn(process.execPath, [bin, 'import', '--approve', join(root, 'examples/customer-complaint/customer-complaint.map.json')], { env, stdio: 'inherit' });
await new Promise((ok) => imported.once('exit', ok));
const child = spawn(process.execPath, [bin, 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
const url = await waitForOutput(child, /running at (http:\/\/\S+)/);
const jet = await new FakeJetstream().start();
try {
  const dids = Array.from({ length: 500 }, (_, i) => jet.user({ did: `did:plc:bench${String(i).padStart(19, '0')}`, handle: `fan${i}.example.test`, displayName: `Fan ${i}`, followersCount: i * 37 }).did);
  const session = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.test', password: 'bench-password-123456' }) });
  const { token } = (await session.json()) as { token: string };
  const created = await fetch(`${url}/api/sources`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ kind: 'bluesky', name: 'Bench', brand: 'shopco', settings: { service: jet.url, jetstream: jet.jetstream, handle: jet.me.handle }, secrets: { appPassword: jet.appPassword } }),
  });
  if (created.status !== 201) throw new Error(`source: ${created.status} ${await created.text()}`);
  while (jet.liveConnections < 1) await sleep(20);

  const db = new Database(dbPath, { readonly: true });
  const newer = db.prepare("select seq, id, received_at as at from mentions where seq > ? and id like 'bluesky:%' order by seq");
  const sentAt = new Map<string, number>();
  const lags: number[] = [];
  let lastSeq = 0;
  let seen = 0;
  let watching = true;
  const watch = (async () => {
    while (watching) {
      for (const r of newer.all(lastSeq) as { seq: number; id: string; at: number }[]) {
        lastSeq = r.seq;
        seen++;
        const sent = sentAt.get(r.id);
        if (sent !== undefined) lags.push(Date.now() - sent);
      }
      await sleep(5);
    }
  })();

  const cpu0 = cpuMsOf(child.pid!);
  const t0 = Date.now();
  const perTick = POSTS / (SECONDS * 100); // a tick every 10 ms
  for (let i = 0; i < POSTS; ) {
    const due = t0 + (i / perTick) * 10;
    if (Date.now() < due) await sleep(due - Date.now());
    for (let k = 0; k < perTick && i < POSTS; k++, i++) {
      const now = Date.now();
      const post = jet.post(dids[i % dids.length]!, texts[i % texts.length]!, { mention: true });
      sentAt.set(`bluesky:${post.uri}`, now);
    }
  }
  const sendMs = Date.now() - t0;
  const until = Date.now() + 120_000;
  while (seen < POSTS && Date.now() < until) await sleep(20);
  const cpuSources = cpuMsOf(child.pid!) - cpu0;
  await sleep(500);
  watching = false;
  await watch;
  const rows = db.prepare("select count(*) as n, count(distinct id) as d from mentions where id like 'bluesky:%'").get() as { n: number; d: number };
  const missing = [...sentAt.keys()].filter((id) => !db.prepare('select 1 from mentions where id = ?').get(id)).length;
  const cases = (db.prepare("select count(*) as n from cases c join mentions m on m.id = c.mention_id where m.id like 'bluesky:%'").get() as { n: number }).n;
  db.close();
  lags.sort((a, b) => a - b);
  console.log(`burst: ${POSTS.toLocaleString('en')} posts sent by the fake Jetstream in ${(sendMs / 1000).toFixed(1)} s (machine load average ${loadavg()[0]!.toFixed(1)} on ${(await import('node:os')).cpus().length} cores)`);
  console.log(`  stored: ${rows.n.toLocaleString('en')} mentions (${rows.d.toLocaleString('en')} distinct, ${missing} missing) — ${rows.n === POSTS && missing === 0 ? 'exactly once' : 'NOT exactly once'}; ${cases.toLocaleString('en')} cases opened`);
  console.log(`  lag, post sent → mention committed: p50 ${pct(lags, 50)} ms, p99 ${pct(lags, 99)} ms, max ${lags.at(-1)} ms (goal p99 < 1000 ms)`);
  const cpuPerPost = (cpuSources * 1000) / POSTS;
  console.log(`  server CPU: ${Math.round(cpuPerPost)} µs/post (reading the stream, profile lookups, ingest and routing)`);

  // Single POSTs on the same server, for comparison.
  let n = 0;
  const cpu1 = cpuMsOf(child.pid!);
  const single = await autocannon({
    url: `${url}/api/mentions`, connections: 50, duration: 5, method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    requests: [{ setupRequest: (req: object) => ({ ...req, body: JSON.stringify({ id: `single:${n}`, network: 'twitter', author: { handle: `@user${n % 997}` }, text: texts[n++ % texts.length]!.slice(6), createdAt: '2026-03-02T09:00:00Z', brand: 'shopco' }) }) }],
  });
  const cpuPerRequest = ((cpuMsOf(child.pid!) - cpu1) * 1000) / Math.max(1, single.requests.total);
  console.log(`single POST /api/mentions on the same server (50 connections, 5 s): ${Math.round(single.requests.average).toLocaleString('en')} req/s, server CPU ${Math.round(cpuPerRequest)} µs/request`);
  console.log(`  ratio: a post from a source costs ${(cpuPerPost / cpuPerRequest).toFixed(2)}× the server CPU of a single POST`);
  if (rows.n !== POSTS || missing) process.exitCode = 1;
} finally {
  child.kill('SIGTERM');
  await jet.stop();
}
