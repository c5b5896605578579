import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDb } from '../client.ts';
import { openPgDb } from '../pg/client.ts';
import { createTestDatabase, type TestDatabase } from '../../testing/postgresCluster.ts';
import { tablesFor, withTransaction, type AnyDb } from './withTransaction.ts';

/** One code path for both databases: a read, an await, then a write that depends on the read. */
async function addOne(db: AnyDb, key: string): Promise<void> {
  const t = tablesFor(db);
  await withTransaction(db, async (tx) => {
    const [row] = await tx.select().from(t.rateBuckets).where(eq(t.rateBuckets.key, key)).limit(1);
    await new Promise((r) => setTimeout(r, 1)); // let the other transactions run meanwhile
    if (row) await tx.update(t.rateBuckets).set({ tokens: row.tokens + 1 }).where(eq(t.rateBuckets.key, key));
    else await tx.insert(t.rateBuckets).values({ key, tokens: 1, at: 0, granted: 0 });
  });
}

async function tokensOf(db: AnyDb, key: string): Promise<number | undefined> {
  const t = tablesFor(db);
  const [row] = await (db as ReturnType<typeof openDb>).select().from(t.rateBuckets).where(eq(t.rateBuckets.key, key)).limit(1);
  return row?.tokens;
}

describe.each(['sqlite', 'postgres'] as const)('withTransaction on %s', (kind) => {
  let db: AnyDb;
  let target: TestDatabase | undefined;
  beforeAll(async () => {
    if (kind === 'sqlite') db = openDb(':memory:');
    else {
      target = await createTestDatabase(inject('postgresUrl'));
      db = await openPgDb(target.url);
    }
  });
  afterAll(async () => {
    if (kind === 'postgres') {
      await (db as Awaited<ReturnType<typeof openPgDb>>).$client.end();
      await target!.drop();
    }
  });

  it('runs concurrent read-then-write transactions as if one after the other: no update is lost', async () => {
    await Promise.all(Array.from({ length: 20 }, () => addOne(db, 'counter')));
    expect(await tokensOf(db, 'counter')).toBe(20);
  });

  it('rolls everything back when the function throws, and a nested call joins the outer one', async () => {
    const t = tablesFor(db);
    await expect(
      withTransaction(db, async (tx) => {
        await tx.insert(t.rateBuckets).values({ key: 'gone', tokens: 1, at: 0, granted: 0 });
        await withTransaction(db, async (inner) => {
          await inner.insert(t.rateBuckets).values({ key: 'gone too', tokens: 1, at: 0, granted: 0 });
        });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await tokensOf(db, 'gone')).toBeUndefined();
    expect(await tokensOf(db, 'gone too')).toBeUndefined();
    await withTransaction(db, async (tx) => {
      await tx.insert(t.rateBuckets).values({ key: 'kept', tokens: 7, at: 0, granted: 0 });
    });
    expect(await tokensOf(db, 'kept')).toBe(7);
  });
});
