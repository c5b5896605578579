// First: the app loads @hono/zod-openapi, which must extend zod before the engine's schemas are made
// (routes call `.openapi()` on them); the schema imports below load the engine.
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPgDb } from '../db/pg/client.ts';
import { tablePairs } from '../db/pg/tablePairs.ts';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { createTestDatabase, type TestDatabase } from '../testing/postgresCluster.ts';

const BATON = resolve(import.meta.dirname, '../../bin/baton.mjs');

function baton(...args: string[]) {
  const run = spawnSync(process.execPath, [BATON, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: run.status, out: run.stdout, err: run.stderr };
}

/** Row counts of every Baton table in the SQLite file. */
function sqliteCounts(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(tablePairs().map((p) => [p.name, (db.prepare(`select count(*) as n from "${p.name}"`).get() as { n: number }).n]));
  } finally {
    db.close();
  }
}

async function pgQuery<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, values)).rows;
  } finally {
    await c.end();
  }
}

async function pgCounts(url: string): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const p of tablePairs()) out[p.name] = Number((await pgQuery<{ n: string }>(url, `select count(*) as n from "${p.name}"`))[0]!.n);
  return out;
}

describe('baton db copy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'baton-copy-'));
  const file = join(dir, 'baton.db');
  const dbs: TestDatabase[] = [];
  let closedCase = '';

  beforeAll(async () => {
    // A SQLite file made by the real runtime: a directory, an approved map, mentions, a claim, a close.
    const t = await testRuntime({ dbPath: file });
    const { hub, care1 } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      const res = await t.ingest('POST', '/api/mentions', mention(`my order ${i} arrived broken`));
      ids.push(res.body.results[0].caseId);
    }
    closedCase = ids[0]!;
    await hub('POST', `/api/cases/${closedCase}/checklist`, { item: 'Screenshot', done: true });
    await hub('POST', `/api/cases/${closedCase}/checklist`, { item: 'Check CRM', done: true });
    expect((await care1('POST', `/api/cases/${closedCase}/claim`)).status).toBe(200);
    await care1('POST', `/api/cases/${closedCase}/notes`, { text: 'called the customer' });
    // A contact fills care_contacts and, through SQLite-only triggers, the full-text index care_text.
    expect((await care1('POST', `/api/cases/${closedCase}/contacts`, { kind: 'phone', summary: 'called the customer back' })).status).toBeLessThan(300);
    expect((await care1('POST', `/api/cases/${closedCase}/outcome`, { outcome: 'resolved' })).status).toBe(200);
    t.app.rt.db.$client.close();
  });
  afterAll(async () => {
    for (const d of dbs) await d.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies every table, keeps values and ids, sets sequences past them, and checks the counts', async () => {
    const target = await createTestDatabase(inject('postgresUrl'));
    dbs.push(target);
    const run = baton('db', 'copy', '--from', file, '--to', target.url);
    expect(run.err).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/every count matches/);
    expect(run.err).toMatch(/copied mentions: 40 rows/); // plain lines when not on a terminal

    const before = sqliteCounts(file);
    expect(before.mentions).toBe(40);
    expect(before.claims).toBeGreaterThan(0);
    expect(await pgCounts(target.url)).toEqual(before);
    expect(before.care_contacts).toBe(1);

    // SQLite-only objects (the FTS5 index care_text and its shadow tables, the view care_case_author) stay behind.
    const sqliteOnly = new Database(file, { readonly: true });
    const skipped = (sqliteOnly.prepare("select name from sqlite_master where name like 'care_text%' or name = 'care_case_author'").all() as { name: string }[]).map((r) => r.name);
    sqliteOnly.close();
    expect(skipped).toEqual(expect.arrayContaining(['care_text', 'care_text_data', 'care_case_author']));
    expect(await pgQuery(target.url, "select table_name from information_schema.tables where table_schema = 'public' and (table_name like 'care_text%' or table_name = 'care_case_author')")).toEqual([]);

    const sqlite = new Database(file, { readonly: true });
    const original = sqlite.prepare('select status, holder, view, opened_at, claimed_by_backup from cases where id = ?').get(closedCase) as Record<string, unknown>;
    const maxEvent = (sqlite.prepare('select max(id) as m from case_events').get() as { m: number }).m;
    sqlite.close();
    const [copied] = await pgQuery<Record<string, unknown>>(target.url, 'select status, holder, view, opened_at, claimed_by_backup from cases where id = $1', [closedCase]);
    expect(copied).toEqual({ ...original, view: JSON.parse(original.view as string), opened_at: String(original.opened_at), claimed_by_backup: false });
    expect(copied!.status).toBe(original.status);

    // New rows get ids past the copied ones.
    const [added] = await pgQuery<{ id: string }>(target.url, "insert into case_events (case_id, at, type) values ($1, 0, 'test') returning id", [closedCase]);
    expect(Number(added!.id)).toBe(maxEvent + 1);
  });

  it('refuses a target that holds Baton data unless told --replace, which empties it first', async () => {
    const target = await createTestDatabase(inject('postgresUrl'));
    dbs.push(target);
    expect(baton('db', 'copy', '--from', file, '--to', target.url).code).toBe(0);
    const again = baton('db', 'copy', '--from', file, '--to', target.url);
    expect(again.code).toBe(2);
    expect(again.err).toMatch(/already holds Baton data: .*mentions \(40\).*add --replace/);
    const replaced = baton('db', 'copy', '--from', file, `--to=${target.url}`, '--replace');
    expect(replaced.code, replaced.err).toBe(0);
    expect(await pgCounts(target.url)).toEqual(sqliteCounts(file));
  });

  it('exits 1 naming the table whose count differs after the copy', async () => {
    const target = await createTestDatabase(inject('postgresUrl'));
    dbs.push(target);
    const db = await openPgDb(target.url);
    // A trigger that quietly drops notes stands in for anything that loses rows on the way.
    await db.$client.query('create function drop_row() returns trigger language plpgsql as $$ begin return null; end $$');
    await db.$client.query('create trigger lose_notes before insert on notes for each row execute function drop_row()');
    await db.$client.end();
    const run = baton('db', 'copy', '--from', file, '--to', target.url);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/^notes\s+1 →\s+0 {2}MISMATCH$/m);
    expect(run.err).toMatch(/row counts differ for notes/);
  });

  it('answers a bad URL, an unreachable server and a missing file in one line', () => {
    const notPg = baton('db', 'copy', '--from', file, '--to', 'mysql://u:secret@localhost/db');
    expect(notPg.code).toBe(2);
    expect(notPg.err).toBe("baton: --to must be a postgres:// URL, not 'mysql://u:***@localhost/db'\n");
    const down = baton('db', 'copy', '--from', file, '--to', 'postgres://baton:secret@127.0.0.1:1/baton');
    expect(down.code).toBe(2);
    expect(down.err).toBe('baton: Cannot reach PostgreSQL at postgres://baton:***@127.0.0.1:1/baton: nothing is listening there (is the server running?)\n');
    const missing = baton('db', 'copy', '--from', join(dir, 'nope.db'), '--to', 'postgres://baton@127.0.0.1:1/baton');
    expect(missing.err).toBe(`baton: ${join(dir, 'nope.db')}: no such file\n`);
    expect(baton('db', 'copy', '--from', file).err).toMatch(/^baton: missing --to postgres:/);
  });
});
