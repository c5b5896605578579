import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/postgresCluster.ts';

const BATON = resolve(import.meta.dirname, '../../bin/baton.mjs');

describe('BATON_DATABASE_URL', () => {
  let target: TestDatabase | undefined;
  afterAll(async () => {
    await target?.drop();
  });

  it('makes `baton serve` migrate PostgreSQL, then stop saying serving from it is not finished', async () => {
    target = await createTestDatabase(inject('postgresUrl'));
    const run = spawnSync(process.execPath, [BATON, 'serve', '--port', '0'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, BATON_DATABASE_URL: target.url, BATON_SKIP_WEB_BUILD: '1' } });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^baton: PostgreSQL schema is up to date, but serving from PostgreSQL is not finished yet .*Unset BATON_DATABASE_URL/);
    const c = new pg.Client({ connectionString: target.url });
    await c.connect();
    const { rows } = await c.query<{ n: string }>("select count(*) as n from information_schema.tables where table_schema = 'public' and table_name in ('cases', 'mentions', 'rate_buckets')");
    await c.end();
    expect(Number(rows[0]!.n)).toBe(3);
  });

  it('refuses a URL that is not PostgreSQL', () => {
    const run = spawnSync(process.execPath, [BATON, 'serve'], { encoding: 'utf8', timeout: 120_000, env: { ...process.env, BATON_DATABASE_URL: 'sqlite://x.db', BATON_SKIP_WEB_BUILD: '1' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("baton: BATON_DATABASE_URL must be a postgres:// URL, not 'sqlite://x.db'\n");
  });
});
