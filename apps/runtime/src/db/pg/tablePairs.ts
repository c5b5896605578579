import { is } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as sqliteSchema from '../schema.ts';
import * as pgSchema from './schema.ts';

/** One table as both databases know it, under its TypeScript export name. */
export interface TablePair {
  exportName: string;
  /** The SQL name (the same on both). */
  name: string;
  sqlite: SQLiteTable;
  /** Missing when the PostgreSQL mirror lacks the table (pgSchema.test.ts fails then). */
  pg: PgTable | undefined;
}

/** Every table of the SQLite schema, with its PostgreSQL mirror. */
export function tablePairs(): TablePair[] {
  const pgTables = pgSchema as Record<string, unknown>;
  return Object.entries(sqliteSchema as Record<string, unknown>)
    .filter((e): e is [string, SQLiteTable] => is(e[1], SQLiteTable))
    .map(([exportName, sqlite]) => {
      const pg = pgTables[exportName];
      return { exportName, name: sqliteConfig(sqlite).name, sqlite, pg: is(pg, PgTable) ? pg : undefined };
    });
}

/** Every table of the PostgreSQL schema by export name (to find tables only it has). */
export function pgTables(): Map<string, PgTable> {
  return new Map(Object.entries(pgSchema as Record<string, unknown>).filter((e): e is [string, PgTable] => is(e[1], PgTable)));
}

/**
 * The tables in an order where every table comes after the tables its foreign keys point at
 * (ties by name, so the order is stable). Self references are allowed; a cycle throws.
 */
export function dependencyOrder(pairs: TablePair[]): TablePair[] {
  const byName = new Map(pairs.map((p) => [p.name, p]));
  const needs = new Map(pairs.map((p) => [p.name, new Set(sqliteConfig(p.sqlite).foreignKeys.map((fk) => sqliteConfig(fk.reference().foreignTable as SQLiteTable).name).filter((n) => n !== p.name && byName.has(n)))]));
  const out: TablePair[] = [];
  const done = new Set<string>();
  while (out.length < pairs.length) {
    const ready = [...needs].filter(([n, deps]) => !done.has(n) && [...deps].every((d) => done.has(d))).map(([n]) => n).sort();
    if (!ready.length) throw new Error(`foreign keys form a cycle among: ${[...needs.keys()].filter((n) => !done.has(n)).join(', ')}`);
    for (const n of ready) {
      done.add(n);
      out.push(byName.get(n)!);
    }
  }
  return out;
}

export { pgConfig, sqliteConfig };
