// Search and the customer's record over a big install, each beside a floor measured in the same run:
// 1. a full-text search with two filters (`GET /api/cases?q=…&network=…&status=open`) over
//    BENCH_CASES cases (default 1,000,000), p50/p95, for a word in ~0.2% of cases and one in ~5%;
//    floor: the bare FTS5 lookup of the same word (raw better-sqlite3, first 50 rows);
// 2. a person page (`GET /api/people/twitter/bigfan`) with 1,000 interactions;
//    floor: the raw indexed read of that person's mentions.
// The database is built with direct SQL inserts (the index triggers run as in production).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../apps/runtime/src/app.ts';
import { bootstrap } from '../apps/runtime/src/auth/bootstrap.ts';
import { openDb } from '../apps/runtime/src/db/client.ts';
import { silentLogger } from '../apps/runtime/src/logger.ts';

const CASES = Number(process.env.BENCH_CASES ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const VOCAB = Array.from({ length: 4000 }, (_, i) => `w${i.toString(36)}x`);
const NETWORKS = ['twitter', 'mastodon', 'bluesky', 'facebook', 'review'];
const T0 = Date.parse('2025-01-01T00:00:00Z');

let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)]!;

const dir = mkdtempSync(join(tmpdir(), 'baton-search-bench-'));
const db = openDb(join(dir, 'baton.db'));
const sqlite = db.$client;
const app = createApp({ db, log: silentLogger() });
await bootstrap(app.rt, { BATON_ADMIN_EMAIL: 'bench@example.test', BATON_ADMIN_PASSWORD: 'bench-password-123456' });

console.log(`building ${CASES.toLocaleString('en')} cases (direct inserts; the full-text triggers run)…`);
const built = performance.now();
const insMention = sqlite.prepare('insert into mentions (id, received_at, status, case_id, document, brand) values (?, ?, ?, ?, ?, ?)');
const insCase = sqlite.prepare(`insert into cases (id, map_id, map_version, mention_id, trigger, node, node_type, status, team, priority, breaches, snapshot, view, facts, opened_at, updated_at, ended_at)
  values (?, 'complaints', 1, ?, 't', ?, ?, ?, ?, 0, ?, '{}', ?, '{}', ?, ?, ?)`);
const insTag = sqlite.prepare('insert into tags (case_id, tag, at) values (?, ?, ?)');
const insNote = sqlite.prepare('insert into notes (case_id, author, text, at) values (?, ?, ?, ?)');
const insEvent = sqlite.prepare("insert into case_events (case_id, at, type, actor, data) values (?, ?, 'outcome', 'agent', ?)");
const BATCH = 20_000;
function addCase(i: number, handle: string, network: string, text: string) {
  const at = T0 + i * 30_000;
  const id = `case_${i.toString(36).padStart(8, '0')}`;
  const ended = i % 3 !== 0;
  const mid = `${network}:${i}`;
  insCase.run(id, mid, ended ? 'done' : 'care', ended ? 'end' : 'pass', ended ? 'ended' : 'waiting', 'care', i % 17 === 0 ? 1 : 0,
    JSON.stringify(ended ? { endOutcome: 'resolved' } : {}), at, at, ended ? at + 3_600_000 : null);
  insMention.run(mid, at, 'routed', id, JSON.stringify({ id: mid, network, author: { handle, followers: i % 5000 }, text, createdAt: new Date(at).toISOString() }), i % 2 ? 'shopco' : 'netco');
  if (i % 10 === 0) insTag.run(id, pick(['billing', 'outage', 'vip', 'delivery']), at);
  return { id, at };
}
for (let start = 0; start < CASES; start += BATCH) {
  sqlite.transaction(() => {
    for (let i = start; i < Math.min(CASES, start + BATCH); i++) {
      const words = Array.from({ length: 8 }, () => pick(VOCAB));
      if (i % 20 === 0) words.push('refund');
      addCase(i, `@user${i % 200_000}`, pick(NETWORKS), words.join(' '));
    }
  })();
  if ((start / BATCH) % 10 === 9) console.log(`  ${(start + BATCH).toLocaleString('en')} cases, ${((performance.now() - built) / 1000).toFixed(0)} s`);
}
// One customer with 1,000 interactions: 250 cases, each a mention, the case, a note and an outcome.
sqlite.transaction(() => {
  for (let k = 0; k < 250; k++) {
    const { id, at } = addCase(CASES + k, '@bigfan', 'twitter', `bigfan writes again about ${pick(VOCAB)}`);
    insNote.run(id, 'agent', `Called back about ${pick(VOCAB)}`, at + 60_000);
    insEvent.run(id, at + 120_000, JSON.stringify({ node: 'care', outcome: 'resolved' }));
  }
})();
sqlite.pragma('optimize');
console.log(`built in ${((performance.now() - built) / 1000).toFixed(0)} s`);

const token = (await (await app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@example.test', password: 'bench-password-123456' }) })).json() as { token: string }).token;
const get = async (path: string) => {
  const res = await app.request(path, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json() as Promise<{ items?: unknown[]; interactions?: unknown[] }>;
};

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)]!;
}
async function time(fn: (i: number) => unknown): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn(i);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn(i);
    ms.push(performance.now() - t);
  }
  return ms;
}
const line = (what: string, ms: number[], floor: number[]) =>
  console.log(`${what.padEnd(58)} p50 ${pct(ms, 50).toFixed(1).padStart(6)} ms  p95 ${pct(ms, 95).toFixed(1).padStart(6)} ms   floor p50 ${pct(floor, 50).toFixed(2).padStart(6)} ms  (×${(pct(ms, 50) / pct(floor, 50)).toFixed(1)})`);
const fts = sqlite.prepare('select rowid, case_id from care_text where care_text match ? limit 50');

const rare = VOCAB.slice(100, 100 + RUNS + 5);
let found = 0;
const rareMs = await time(async (i) => { found += (await get(`/api/cases?q=${rare[i % rare.length]}&network=twitter&status=open&limit=50`)).items!.length; });
const rareFloor = await time((i) => fts.all(`"${rare[i % rare.length]}"`));
const commonMs = await time(async (i) => { found += (await get(`/api/cases?q=refund&network=${NETWORKS[i % NETWORKS.length]}&status=open&limit=50`)).items!.length; });
const commonFloor = await time(() => fts.all('"refund"'));
const personRead = sqlite.prepare("select seq, document from mentions where lower(ltrim(json_extract(document, '$.author.handle'), '@')) = ? and json_extract(document, '$.network') = ?");
let interactions = 0;
const personMs = await time(async () => { interactions = (await get('/api/people/twitter/bigfan')).interactions!.length; });
const personFloor = await time(() => personRead.all('bigfan', 'twitter'));

const requestMs = await time(() => get('/api/search/saved'));
console.log(`\n${CASES.toLocaleString('en')} cases; ${RUNS} runs each; in-process requests (routing, auth, JSON included). The machine is shared with other work: figures are noisy.`);
line('search: rare word (~0.2% of cases) + network + status', rareMs, rareFloor);
line('search: common word (5% of cases) + network + status', commonMs, commonFloor);
line(`person page: ${interactions} interactions`, personMs, personFloor);
console.log(`an authenticated request that reads one small table (GET /api/search/saved): p50 ${pct(requestMs, 50).toFixed(1)} ms, p95 ${pct(requestMs, 95).toFixed(1)} ms`);
console.log(`(results seen: ${found})`);
