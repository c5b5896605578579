import { sql } from 'drizzle-orm';
import { getTableConfig as pgConfig, type PgColumn, type PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.ts';
import type { PgDb } from './client.ts';
import { dependencyOrder, tablePairs, type TablePair } from './tablePairs.ts';

/** Rows per INSERT: PostgreSQL takes at most 65,535 parameters in one statement. */
function batchSize(columns: number): number {
  return Math.max(1, Math.min(1000, Math.floor(60_000 / columns)));
}

/** What one table's copy came to. */
export interface CopiedTable {
  table: string;
  /** Rows in the SQLite file. */
  source: number;
  /** Rows in PostgreSQL after the copy. */
  target: number;
}

/** Tables of the target that already hold rows, with how many. */
export async function nonEmptyTables(pg: PgDb): Promise<{ table: string; rows: number }[]> {
  const out: { table: string; rows: number }[] = [];
  for (const p of tablePairs()) {
    const { rows } = await pg.$client.query<{ n: string }>(`select count(*) as n from "${p.name}"`);
    const n = Number(rows[0]!.n);
    if (n > 0) out.push({ table: p.name, rows: n });
  }
  return out;
}

/** Options of {@link copyToPostgres}. */
export interface CopyOptions {
  /** Empty every Baton table of the target first (in the same transaction as the copy). */
  replace?: boolean;
  /** Called after every batch: the table, rows copied of it, rows in it, rows copied in all, rows in all. */
  onProgress?(p: { table: string; done: number; of: number; doneAll: number; ofAll: number }): void;
  /** Called when a table is finished. */
  onTable?(t: { table: string; rows: number }): void;
}

/**
 * Copies every table of a Baton SQLite database into a migrated PostgreSQL one, parents before
 * children, in batches of up to 1,000 rows (one INSERT, so one round trip, per batch), all in one
 * transaction: a copy that fails leaves the target as it was. Values go through both schemas'
 * column mappings (JSON text → jsonb, 0/1 → boolean), ids are kept, and identity sequences are
 * set past the highest id so new rows do not collide. Answers the row counts of both sides, read
 * after the commit; the caller decides what a mismatch means.
 * @example const counts = await copyToPostgres(openDb('baton.db'), await openPgDb(url));
 */
export async function copyToPostgres(sqlite: Db, pg: PgDb, opts: CopyOptions = {}): Promise<CopiedTable[]> {
  const pairs = dependencyOrder(tablePairs());
  const missing = pairs.filter((p) => !p.pg).map((p) => p.name);
  if (missing.length) throw new Error(`the PostgreSQL schema lacks tables: ${missing.join(', ')}`);
  const raw = sqlite.$client;
  const sourceCount = (name: string) => (raw.prepare(`select count(*) as n from "${name}"`).get() as { n: number }).n;
  const counts = new Map(pairs.map((p) => [p.name, sourceCount(p.name)]));
  const ofAll = [...counts.values()].reduce((a, b) => a + b, 0);
  let doneAll = 0;

  await pg.transaction(async (tx) => {
    if (opts.replace) await tx.execute(sql.raw(`truncate ${pairs.map((p) => `"${p.name}"`).join(', ')} restart identity cascade`));
    for (const pair of pairs) {
      const of = counts.get(pair.name)!;
      const copy = rowCopier(pair);
      let batch: Record<string, unknown>[] = [];
      let done = 0;
      const flush = async () => {
        if (!batch.length) return;
        await tx.insert(pair.pg!).values(batch as never);
        done += batch.length;
        doneAll += batch.length;
        batch = [];
        opts.onProgress?.({ table: pair.name, done, of, doneAll, ofAll });
      };
      for (const row of raw.prepare(`select * from "${pair.name}"`).iterate() as Iterable<Record<string, unknown>>) {
        batch.push(copy(row));
        if (batch.length >= copy.batch) await flush();
      }
      await flush();
      for (const c of copy.identities) {
        await tx.execute(sql.raw(`select setval(pg_get_serial_sequence('"${pair.name}"', '${c}'), coalesce((select max("${c}") from "${pair.name}"), 0) + 1, false)`));
      }
      opts.onTable?.({ table: pair.name, rows: done });
    }
  });

  const out: CopiedTable[] = [];
  for (const p of pairs) {
    const { rows } = await pg.$client.query<{ n: string }>(`select count(*) as n from "${p.name}"`);
    out.push({ table: p.name, source: sourceCount(p.name), target: Number(rows[0]!.n) });
  }
  return out;
}

/** Turns a raw SQLite row (SQL names, stored values) into the PostgreSQL table's insert values. */
function rowCopier(pair: TablePair): ((row: Record<string, unknown>) => Record<string, unknown>) & { batch: number; identities: string[] } {
  const pgColumns = new Map(Object.entries(pair.pg! as unknown as Record<string, PgColumn>).filter(([, c]) => c && typeof c === 'object' && 'columnType' in c).map(([key, c]) => [c.name, { key, c }]));
  const columns = sqliteConfig(pair.sqlite).columns.map((c) => {
    const twin = pgColumns.get(c.name);
    if (!twin) throw new Error(`${pair.name}.${c.name} has no PostgreSQL column`);
    return { sql: c.name, key: twin.key, fromSqlite: (v: unknown) => (v === null || v === undefined ? null : c.mapFromDriverValue(v)) };
  });
  const copy = (row: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const c of columns) out[c.key] = c.fromSqlite(row[c.sql]);
    return out;
  };
  const identities = pgConfig(pair.pg as PgTable).columns.filter((c) => c.generatedIdentity).map((c) => c.name);
  return Object.assign(copy, { batch: batchSize(columns.length), identities });
}
