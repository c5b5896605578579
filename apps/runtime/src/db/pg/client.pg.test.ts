import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../testing/postgresCluster.ts';
import { openPgDb, PgConnectError } from './client.ts';
import { pgTables } from './tablePairs.ts';

describe('openPgDb', () => {
  const made: TestDatabase[] = [];
  afterAll(async () => {
    for (const d of made) await d.drop();
  });

  it('applies the committed migrations, giving every table and column of the schema', async () => {
    const target = await createTestDatabase(inject('postgresUrl'));
    made.push(target);
    const db = await openPgDb(target.url);
    try {
      const { rows } = await db.$client.query<{ table_name: string; column_name: string; data_type: string }>(
        "select table_name, column_name, data_type from information_schema.columns where table_schema = 'public'",
      );
      const actual = new Map<string, string>(rows.map((r) => [`${r.table_name}.${r.column_name}`, r.data_type]));
      const wanted = [...pgTables().values()].flatMap((t) => {
        const c = getTableConfig(t);
        return c.columns.map((col) => `${c.name}.${col.name}`);
      });
      expect(wanted.filter((w) => !actual.has(w)), 'columns the migrations do not create (generate drizzle-pg/)').toEqual([]);
      expect(actual.get('cases.snapshot')).toBe('jsonb');
      expect(actual.get('cases.opened_at')).toBe('bigint');
      expect(actual.get('sources.paused')).toBe('boolean');
    } finally {
      await db.$client.end();
    }
  });

  it('lets several nodes start at once: they migrate one after the other', async () => {
    const target = await createTestDatabase(inject('postgresUrl'));
    made.push(target);
    const nodes = await Promise.all([openPgDb(target.url), openPgDb(target.url), openPgDb(target.url)]);
    const { rows } = await nodes[0]!.$client.query<{ n: string }>('select count(*) as n from drizzle.__drizzle_migrations');
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    const again = await openPgDb(target.url);
    const after = await again.$client.query<{ n: string }>('select count(*) as n from drizzle.__drizzle_migrations');
    expect(after.rows[0]!.n).toBe(rows[0]!.n);
    for (const n of [...nodes, again]) await n.$client.end();
  });

  it('says plainly when the URL is wrong or nothing answers', async () => {
    await expect(openPgDb('mysql://x@localhost/db')).rejects.toThrow(PgConnectError);
    await expect(openPgDb('postgres://baton@127.0.0.1:1/baton')).rejects.toThrow(/Cannot reach PostgreSQL at postgres:\/\/baton@127\.0\.0\.1:1\/baton: nothing is listening/);
    const noDb = new URL(inject('postgresUrl'));
    noDb.pathname = '/no_such_database';
    await expect(openPgDb(noDb.toString())).rejects.toThrow(/has no such database/);
    await expect(openPgDb('postgres://baton:secret@127.0.0.1:1/baton')).rejects.toThrow(/postgres:\/\/baton:\*\*\*@127/);
  });
});
