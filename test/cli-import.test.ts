/**
 * `baton import FILE --url URL --token TOKEN` against a real `baton serve`: a file of a few thousand
 * mentions is sent in batches; the import is interrupted (Ctrl-C, then killed outright) and run
 * again, and every mention ends up stored exactly once with a summary that adds up. Bad rows are
 * reported by line and field before anything is sent, and a wrong address, token or server gives
 * one line, never a stack trace. The same server takes CSV and NDJSON bodies over HTTP.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveMap, signIn } from './helpers/api.ts';
import { freePort, startServer, type RunningServer } from './helpers/startServer.ts';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'apps/runtime/bin/baton.mjs');
const tmp = mkdtempSync(join(tmpdir(), 'baton-import-'));
let server: RunningServer;

beforeAll(async () => {
  server = await startServer({ env: { BATON_SKIP_WEB_BUILD: '1' } });
  const admin = await signIn(server.url, server.adminEmail, server.adminPassword);
  await approveMap(server.url, admin, JSON.parse(readFileSync(join(root, 'examples/customer-complaint/customer-complaint.map.json'), 'utf8')));
}, 120_000);
afterAll(async () => {
  await server?.stop();
});

function baton(...args: string[]) {
  const run = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, BATON_INGEST_TOKEN: '' } });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** Runs an import in the background and interrupts it with `signal` once `batches` more batches were acknowledged. */
async function interrupt(file: string, args: string[], signal: NodeJS.Signals, batches: number): Promise<{ acknowledged: number; code: number | null; err: string }> {
  const state = `${file}.baton-import.json`;
  const before = existsSync(state) ? (JSON.parse(readFileSync(state, 'utf8')) as { acknowledged: number }).acknowledged : 0;
  const child = spawn(process.execPath, [bin, 'import', file, ...args], { cwd: root });
  let err = '';
  child.stderr.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  let acknowledged = before;
  while (acknowledged < before + batches && child.exitCode === null) {
    await new Promise((ok) => setTimeout(ok, 5));
    try {
      acknowledged = (JSON.parse(readFileSync(state, 'utf8')) as { acknowledged: number }).acknowledged;
    } catch {
      // not written yet, or being replaced this instant
    }
  }
  child.kill(signal);
  return { acknowledged, code: await exited, err };
}

function storedMentions() {
  const db = new Database(server.dbPath, { readonly: true });
  try {
    const rows = db.prepare("SELECT status, count(*) AS n, count(DISTINCT id) AS ids FROM mentions WHERE id LIKE 'imp:%' GROUP BY status").all() as { status: string; n: number; ids: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    db.close();
  }
}

const TOTAL = 3000;

/** A CSV of TOTAL mentions: complaints (routed), praise (unrouted), replies to the complaints (attached). */
function writeCsv(): string {
  const lines = ['id,network,author.handle,author.followers,text,createdAt,inReplyTo'];
  for (let i = 0; i < TOTAL; i++) {
    const kind = i % 3;
    const text = kind === 0 ? '"My order never arrived, this is unacceptable"' : kind === 1 ? 'Love the new store layout' : '"Any news on this? Still waiting"';
    lines.push(`imp:${i},twitter,@user${i},${i * 7},${text},2026-03-02T09:00:00Z,${kind === 2 ? `imp:${i - 2}` : ''}`);
  }
  const file = join(tmp, 'mentions.csv');
  writeFileSync(file, lines.join('\n') + '\n');
  return file;
}

describe('baton import', () => {
  it('sends a file of thousands of mentions, interrupted twice, with each stored exactly once', async () => {
    const file = writeCsv();
    const args = ['--url', server.url, '--token', server.ingestToken, '--batch', '100', '--brand', 'shopco'];

    const first = await interrupt(file, args, 'SIGINT', 3);
    expect(first.code).toBe(130);
    expect(first.err).toMatch(/stopped after [\d,]+ of 3,000 mentions; run the same command again to go on/);
    const second = await interrupt(file, args, 'SIGKILL', 4);
    expect(second.acknowledged).toBeGreaterThan(first.acknowledged);
    expect(second.code).toBeNull(); // killed
    expect(second.acknowledged).toBeLessThan(TOTAL / 100);

    const rest = baton('import', file, ...args);
    expect(rest.err).toContain(`going on from batch ${second.acknowledged + 1} of 30`);
    expect(rest.code).toBe(0);
    const summary = /Imported 3,000 mentions from .*: ([\d,]+) routed, ([\d,]+) attached, ([\d,]+) unrouted, ([\d,]+) duplicate/.exec(rest.out);
    expect(summary).not.toBeNull();
    const [routed, attached, unrouted, duplicate] = summary!.slice(1).map((n) => Number(n.replace(/,/g, '')));
    expect(routed! + attached! + unrouted! + duplicate!).toBe(TOTAL);
    // Ctrl-C waits for the batch in flight; a batch the server stored just as the import was
    // killed is sent again, and only duplicates come of it.
    expect(duplicate).toBeLessThanOrEqual(100);

    const stored = storedMentions();
    expect((stored.routed ?? 0) + (stored.attached ?? 0) + (stored.unrouted ?? 0)).toBe(TOTAL);
    expect(stored.routed).toBe(TOTAL / 3);
    expect(stored.attached).toBe(TOTAL / 3);
    expect(stored.unrouted).toBe(TOTAL / 3);
    expect(stored.routed! - routed! + stored.attached! - attached! + stored.unrouted! - unrouted!).toBe(duplicate);
    expect(existsSync(`${file}.baton-import.json`)).toBe(false);

    // Run once more: nothing is doubled, everything is a duplicate.
    const again = baton('import', file, ...args);
    expect(again.out).toContain('0 routed, 0 attached, 0 unrouted, 3,000 duplicate');
    expect(storedMentions()).toEqual(stored);
  }, 180_000);

  it('sends NDJSON and JSON arrays, giving --brand to mentions that name none', async () => {
    const m = (id: string, more: object = {}) => ({ id, network: 'twitter', author: { handle: '@a' }, text: 'My parcel never arrived, terrible', createdAt: '2026-03-02T09:00:00Z', ...more });
    const nd = join(tmp, 'few.ndjson');
    writeFileSync(nd, [m('imp:nd1'), m('imp:nd2', { brand: 'globex' })].map((x) => JSON.stringify(x)).join('\n'));
    const r = baton('import', nd, '--url', server.url, '--token', server.ingestToken, '--brand', 'shopco');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Imported 2 mentions');
    expect(r.out).toContain('1 routed, 0 attached, 1 unrouted');
    const arr = join(tmp, 'few.data');
    writeFileSync(arr, JSON.stringify([m('imp:ar1', { brand: 'shopco' })], null, 2));
    const j = baton('import', arr, `--url=${server.url}/`, `--token=${server.ingestToken}`);
    expect(j.out).toContain('Imported 1 mention from');
    expect(j.out).toContain('1 routed');
  }, 60_000);

  it('lists the bad rows by line and field and sends nothing', () => {
    const file = join(tmp, 'bad.csv');
    writeFileSync(file, 'id,network,author.handle,author.followers,text,createdAt\nimp:b1,twitter,@a,10,fine,2026-03-02T09:00:00Z\nimp:b2,twitter,@a,lots,"two\nlines",2026-03-02T09:00:00Z\nimp:b3,myspace,@a,1,x,2026-03-02T09:00:00Z\n');
    const r = baton('import', file, '--url', server.url, '--token', server.ingestToken);
    expect(r.code).toBe(1);
    expect(r.err).toContain('2 rows are not a mention; nothing was sent');
    expect(r.err).toContain('line 3, author.followers: must be a whole number');
    expect(r.err).toContain('line 5, network:');
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(storedMentions().routed).toBe(TOTAL / 3 + 2); // only the earlier tests' mentions
  });

  it('says in one line what is wrong with the address, the token or the server', async () => {
    const file = join(tmp, 'one.ndjson');
    writeFileSync(file, JSON.stringify({ id: 'imp:one', network: 'twitter', author: { handle: '@a' }, text: 'hi', createdAt: '2026-03-02T09:00:00Z' }));
    const badUrl = baton('import', file, '--url', 'localhost:3000', '--token', 'x');
    expect(badUrl.code).toBe(2);
    expect(badUrl.err.trim()).toBe("baton: --url must start with http:// or https:// (got 'localhost:3000')");
    const badToken = baton('import', file, '--url', server.url, '--token', 'not-a-token');
    expect(badToken.code).toBe(1);
    expect(badToken.err.trim()).toMatch(/^baton: the server refused the token \(401: .*\); pass an ingest token with --token$/);
    const nobody = baton('import', file, '--url', `http://127.0.0.1:${await freePort()}`, '--token', 'x');
    expect(nobody.code).toBe(1);
    expect(nobody.err.trim()).toMatch(/^baton: cannot reach http:\/\/127\.0\.0\.1:\d+ \(connection refused: is Baton running there\?\)/);
    const noToken = baton('import', file, '--url', server.url);
    expect(noToken.code).toBe(2);
    expect(noToken.err).toContain('missing --token');
    for (const r of [badUrl, badToken, nobody, noToken]) expect(r.err.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('is listed in baton --help', () => {
    expect(baton('--help').out).toContain('import FILE --url URL --token TOKEN');
  });
});

describe('POST /api/mentions with files, over HTTP', () => {
  const post = (body: string, type: string) =>
    fetch(`${server.url}/api/mentions`, { method: 'POST', headers: { authorization: `Bearer ${server.ingestToken}`, 'content-type': type }, body })
      .then(async (res) => ({ status: res.status, body: (await res.json()) as any }));

  it('takes a CSV body and refuses one with a bad row by line and field, storing nothing of it', async () => {
    const head = 'id,network,author.handle,author.followers,text,createdAt,brand';
    const good = await post(`${head}\nhttp:c1,twitter,@a,5,"Broken on arrival, unacceptable",2026-03-02T09:00:00Z,shopco\nhttp:c2,twitter,@b,,hello,2026-03-02T09:00:00Z,\n`, 'text/csv');
    expect(good.status).toBe(200);
    expect(good.body.results.map((r: { status: string }) => r.status)).toEqual(['routed', 'unrouted']);
    const bad = await post(`${head}\nhttp:c3,twitter,@a,5,fine,2026-03-02T09:00:00Z,\nhttp:c4,twitter,@a,-5,"multi\nline",2026-03-02T09:00:00Z,\n`, 'text/csv');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toMatchObject({ line: 3, field: 'author.followers' });
    const db = new Database(server.dbPath, { readonly: true });
    expect(db.prepare("SELECT id FROM mentions WHERE id LIKE 'http:%' ORDER BY id").all()).toEqual([{ id: 'http:c1' }, { id: 'http:c2' }]);
    db.close();
  });

  it('takes an NDJSON body and refuses one with a bad line', async () => {
    const m = (id: string, more: object = {}) => JSON.stringify({ id, network: 'twitter', author: { handle: '@a' }, text: 'hello', createdAt: '2026-03-02T09:00:00Z', ...more });
    const good = await post(`${m('http:n1')}\n${m('http:n2')}\n`, 'application/x-ndjson');
    expect(good.body.results.map((r: { status: string }) => r.status)).toEqual(['unrouted', 'unrouted']);
    const bad = await post(`${m('http:n3')}\n\n${m('http:n4', { createdAt: 'yesterday' })}\n`, 'application/x-ndjson');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toMatchObject({ line: 3, field: 'createdAt' });
  });
});
