import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { cleanStaleClusters, createTestDatabase, startTestCluster } from './postgresCluster.ts';

describe('the throwaway PostgreSQL of the tests', () => {
  const dbs: { drop(): Promise<void> }[] = [];
  afterAll(async () => {
    for (const d of dbs) await d.drop();
  });

  it('answers on loopback without a password, with a database of its own per file', async () => {
    const a = await createTestDatabase(inject('postgresUrl'));
    const b = await createTestDatabase(inject('postgresUrl'));
    dbs.push(a, b);
    expect(a.name).not.toBe(b.name);
    const client = new pg.Client({ connectionString: a.url });
    await client.connect();
    const { rows } = await client.query<{ db: string; version: number; fsync: string }>("select current_database() as db, current_setting('server_version_num')::int as version, current_setting('fsync') as fsync");
    await client.end();
    expect(rows[0]).toEqual({ db: a.name, version: expect.any(Number), fsync: 'off' });
    expect(rows[0]!.version).toBeGreaterThanOrEqual(150000);
  });

  it('removes a cluster whose test run died, and leaves a live run alone', async () => {
    const live = await startTestCluster();
    const stale = await startTestCluster();
    try {
      writeFileSync(join(stale.dir, 'owner.pid'), '999999999'); // a run that is gone
      const removed = cleanStaleClusters();
      expect(removed).toContain(stale.dir);
      expect(existsSync(stale.dir)).toBe(false);
      expect(existsSync(live.dir)).toBe(true);
      const probe = new pg.Client({ connectionString: stale.url, connectionTimeoutMillis: 2000 });
      await expect(probe.connect()).rejects.toThrow();
    } finally {
      live.stop();
      stale.stop();
    }
    expect(existsSync(live.dir)).toBe(false);
  });
});
