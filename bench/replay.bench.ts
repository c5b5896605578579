// Replay of real mentions: BENCH_DAYS (7) days × BENCH_PER_DAY (100,000) mentions stored in a SQLite
// file, replayed through `POST /api/maps/:id/replay` on a draft and the active version of the
// customer-complaint example (the draft sends order trouble to Care instead of Billing). Floor,
// measured in the same run: reading the same rows page by page with raw better-sqlite3 and parsing
// their JSON (what any replay must do before routing). Peak RSS is the process's maximum.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../apps/runtime/src/app.ts';
import { bootstrap } from '../apps/runtime/src/auth/bootstrap.ts';
import { openDb } from '../apps/runtime/src/db/client.ts';
import { silentLogger } from '../apps/runtime/src/logger.ts';

const DAYS = Number(process.env.BENCH_DAYS ?? 7);
const PER_DAY = Number(process.env.BENCH_PER_DAY ?? 100_000);
const TOTAL = DAYS * PER_DAY;
const DAY = 86_400_000;
const dir = mkdtempSync(join(tmpdir(), 'baton-replay-'));
const db = openDb(join(dir, 'baton.db'));
const app = createApp({ db, log: silentLogger() });
const password = 'bench password 1234';
await bootstrap(app.rt, { BATON_ADMIN_EMAIL: 'admin@bench.test', BATON_ADMIN_PASSWORD: password });

async function call(token: string | null, method: string, path: string, body?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const json = (await res.json()) as any;
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(json)}`);
  return json;
}
const signIn = async (email: string) => (await call(null, 'POST', '/api/session', { email, password })).token as string;
const admin = await signIn('admin@bench.test');
const map = JSON.parse(readFileSync(new URL('../examples/customer-complaint/customer-complaint.map.json', import.meta.url), 'utf8'));
for (const t of map.teams) await call(admin, 'POST', '/api/teams', t);
await call(admin, 'POST', '/api/users', { email: 'approver@bench.test', name: 'Approver', password, roles: ['approver'] });
const approver = await signIn('approver@bench.test');
await call(admin, 'POST', '/api/maps', map);
await call(admin, 'POST', `/api/maps/${map.id}/submit`);
await call(approver, 'POST', `/api/maps/${map.id}/versions/1/approve`, {});
await call(admin, 'PUT', `/api/maps/${map.id}`, { ...map, edges: map.edges.map((e: { id: string }) => (e.id === 'e3' ? { ...e, target: 'p_care' } : e)) });

// The mentions: a mix of complaints (order trouble, other), questions and praise, over the last DAYS days.
const texts = [
  'My order never arrived, terrible service', 'Charged twice for one parcel, this is a scam', 'Still waiting for my refund',
  'The app is useless today', 'Awful experience in the shop, staff were rude', 'Where is my delivery? Tracking says nothing',
  'Love the new store layout!', 'Do you open on Sunday?', 'Great help from your team, thanks', 'Broken item in the box, furious',
];
const sqlite = db.$client;
const insert = sqlite.prepare("insert into mentions (id, received_at, status, document, brand) values (?, ?, 'routed', ?, 'shopco')");
const now = Date.now();
const t0 = performance.now();
const batch = sqlite.transaction((from: number, to: number) => {
  for (let i = from; i < to; i++) {
    const at = now - DAYS * DAY + Math.floor(((i + 0.5) / TOTAL) * DAYS * DAY);
    const doc = { id: `bench:${i}`, network: i % 3 ? 'twitter' : 'facebook', author: { handle: `@user${i % 5000}` }, text: `${texts[i % texts.length]} #${i % 97}`, createdAt: new Date(at).toISOString(), brand: 'shopco', sentiment: i % 10 >= 6 ? 0.6 : -0.7 };
    insert.run(doc.id, at, JSON.stringify(doc));
  }
});
for (let i = 0; i < TOTAL; i += 10_000) batch(i, Math.min(TOTAL, i + 10_000));
console.log(`stored:  ${TOTAL.toLocaleString('en')} mentions over ${DAYS} days in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

// Floor: read and parse every row, a page at a time.
globalThis.gc?.();
const page = sqlite.prepare('select seq, document from mentions where seq > ? and received_at >= ? order by seq limit 2000');
const f0 = performance.now();
let after = 0;
let read = 0;
for (;;) {
  const rows = page.all(after, now - DAYS * DAY) as { seq: number; document: string }[];
  if (!rows.length) break;
  for (const r of rows) if (JSON.parse(r.document).id) read++;
  after = rows[rows.length - 1]!.seq;
}
const floorMs = performance.now() - f0;

globalThis.gc?.();
const r0 = performance.now();
const replay = await call(approver, 'POST', `/api/maps/${map.id}/replay`, { version: 'draft', days: DAYS + 0.01 });
const replayMs = performance.now() - r0;
const peakMb = Math.round(process.resourceUsage().maxRSS / 1024);
const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en');
console.log(`replay:  ${replay.mentions.toLocaleString('en')} mentions on v2 and active v1 in ${(replayMs / 1000).toFixed(2)} s wall (${rate(replay.mentions, replayMs)} mentions/s; goal < 30 s), peak RSS ${peakMb} MB`);
console.log(`result:  ${replay.changedCount.toLocaleString('en')} route differently; by team ${JSON.stringify(replay.byTeam)}`);
console.log(`floor:   read + parse ${read.toLocaleString('en')} rows in ${(floorMs / 1000).toFixed(2)} s (${rate(read, floorMs)} rows/s)`);
console.log(`ratio:   ${(floorMs / replayMs).toFixed(2)} of the floor's rate (routing two versions per mention costs the rest)`);
rmSync(dir, { recursive: true, force: true });
