/**
 * A prototype of the one data layer both databases run through (docs/postgres.md, "One code path"):
 * business code awaits drizzle's query builders, typed against the SQLite schema, and gets the
 * right tables for the database it runs on from {@link tablesFor}. Transactions go through
 * {@link withTransaction}, which is serialisable on both: on SQLite an in-process mutex plus
 * `BEGIN IMMEDIATE` (one writer at a time, as today), on PostgreSQL `SERIALIZABLE` with a retry
 * when the server cancels one of two conflicting transactions.
 *
 * Rules for code written this way: await every query (`await tx.select()…`, `await
 * tx.update()…returning()`), never `.get()`/`.all()`/`.run()` (SQLite only); take one row with
 * `.limit(1)` and `[0]`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '../client.ts';
import type { PgDb } from '../pg/client.ts';
import * as pgSchema from '../pg/schema.ts';
import * as sqliteSchema from '../schema.ts';

/** Either database. */
export type AnyDb = Db | PgDb;

/** True when `db` is PostgreSQL. */
export function isPostgres(db: AnyDb): db is PgDb {
  return !('prepare' in (db.$client as object));
}

/**
 * The tables of `db`'s dialect, typed as the SQLite schema: the PostgreSQL mirror has the same
 * names and gives the same JS values (pgSchema.test.ts holds it to that), so one typed code path
 * serves both.
 */
export function tablesFor(db: AnyDb): typeof sqliteSchema {
  return isPostgres(db) ? (pgSchema as unknown as typeof sqliteSchema) : sqliteSchema;
}

/** A promise chain: each holder runs after the one before has finished. */
class Mutex {
  private tail: Promise<void> = Promise.resolve();

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const before = this.tail;
    let release!: () => void;
    this.tail = new Promise((r) => (release = r));
    await before;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

const mutexes = new WeakMap<object, Mutex>();
/** The transaction the current async context runs in, with the connection pool or file it belongs to. */
const inTransaction = new AsyncLocalStorage<{ client: object; tx: Db }>();

/** PostgreSQL's "could not serialize" and "deadlock detected": the transaction may simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);

/**
 * Runs `fn` in a transaction that behaves as if it ran alone, on either database; commits when it
 * resolves, rolls back when it throws. A transaction inside a transaction joins it. On
 * PostgreSQL `fn` may run more than once (up to `retries` + 1 times), so keep it free of side
 * effects outside the database.
 * @example
 * await withTransaction(db, async (tx) => {
 *   const t = tablesFor(db);
 *   const [c] = await tx.select().from(t.cases).where(eq(t.cases.id, id)).limit(1);
 *   await tx.update(t.cases).set({ holder: me }).where(eq(t.cases.id, id));
 * });
 */
export async function withTransaction<T>(db: AnyDb, fn: (tx: Db) => Promise<T>, opts: { retries?: number } = {}): Promise<T> {
  const outer = inTransaction.getStore();
  if (outer?.client === db.$client) return fn(outer.tx);
  if (isPostgres(db)) {
    const retries = opts.retries ?? 10;
    for (let attempt = 0; ; attempt++) {
      try {
        return await db.transaction((tx) => inTransaction.run({ client: db.$client, tx: tx as unknown as Db }, () => fn(tx as unknown as Db)), { isolationLevel: 'serializable' });
      } catch (e) {
        const code = (e as { code?: string; cause?: { code?: string } }).code ?? (e as { cause?: { code?: string } }).cause?.code;
        if (!code || !RETRYABLE.has(code) || attempt >= retries) throw e;
        await new Promise((r) => setTimeout(r, Math.random() * 5 * (attempt + 1)));
      }
    }
  }
  const sqlite = db.$client;
  let mutex = mutexes.get(sqlite);
  if (!mutex) mutexes.set(sqlite, (mutex = new Mutex()));
  return mutex.run(() =>
    inTransaction.run({ client: sqlite, tx: db }, async () => {
      sqlite.exec('BEGIN IMMEDIATE');
      try {
        const out = await fn(db);
        sqlite.exec('COMMIT');
        return out;
      } catch (e) {
        if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        throw e;
      }
    }),
  );
}
