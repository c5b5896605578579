import { getTableConfig as pgConfig, type PgColumn } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, type SQLiteColumn } from 'drizzle-orm/sqlite-core';
import { describe, expect, it } from 'vitest';
import { dependencyOrder, pgTables, tablePairs } from './tablePairs.ts';

/** The PostgreSQL column type each SQLite column type becomes (see the note atop pg/coreSchema.ts). */
const PG_TYPE_OF: Record<string, string> = {
  SQLiteInteger: 'PgBigInt53',
  SQLiteBoolean: 'PgBoolean',
  SQLiteTextJson: 'PgJsonb',
  SQLiteText: 'PgText',
  SQLiteReal: 'PgDoublePrecision',
};

function sqliteShape(c: SQLiteColumn) {
  return {
    type: PG_TYPE_OF[c.columnType] ?? `no PostgreSQL type for ${c.columnType}`,
    notNull: c.notNull,
    primary: c.primary,
    // An SQLite integer primary key is the rowid and so "has a default"; only autoincrement ones need an identity.
    hasDefault: c.hasDefault && !(c.primary && c.columnType === 'SQLiteInteger'),
    identity: (c as SQLiteColumn & { autoIncrement?: boolean }).autoIncrement === true,
  };
}
function pgShape(c: PgColumn) {
  return { type: c.columnType, notNull: c.notNull, primary: c.primary, hasDefault: c.hasDefault && !c.generatedIdentity, identity: c.generatedIdentity !== undefined };
}

describe('the PostgreSQL schema mirrors the SQLite one', () => {
  const pairs = tablePairs();

  it('has every table of the SQLite schema, under the same names, and no other', () => {
    const missing = pairs.filter((p) => !p.pg).map((p) => `${p.exportName} (${p.name})`);
    expect(missing, 'tables missing from src/db/pg/ (mirror them there and generate drizzle-pg/)').toEqual([]);
    for (const p of pairs) expect(pgConfig(p.pg!).name, p.exportName).toBe(p.name);
    expect([...pgTables().keys()].sort()).toEqual(pairs.map((p) => p.exportName).sort());
  });

  it('has every column with the matching type, nullability, key and default', () => {
    for (const p of pairs.filter((x) => x.pg)) {
      const pgCols = new Map(pgConfig(p.pg!).columns.map((c) => [c.name, c]));
      for (const c of sqliteConfig(p.sqlite).columns) {
        const twin = pgCols.get(c.name);
        expect(twin, `column ${p.name}.${c.name} missing from the PostgreSQL schema`).toBeDefined();
        expect(pgShape(twin!), `${p.name}.${c.name}`).toEqual(sqliteShape(c));
        pgCols.delete(c.name);
      }
      expect([...pgCols.keys()], `columns of ${p.name} only PostgreSQL has`).toEqual([]);
    }
  });

  it('has the same composite keys, indexes and foreign keys', () => {
    for (const p of pairs.filter((x) => x.pg)) {
      const s = sqliteConfig(p.sqlite);
      const g = pgConfig(p.pg!);
      const keys = (pks: { columns: { name: string }[] }[]) => pks.map((k) => k.columns.map((c) => c.name).join(',')).sort();
      expect(keys(g.primaryKeys), `${p.name} primary keys`).toEqual(keys(s.primaryKeys));
      const idx = (list: { config: { name?: string; unique: boolean; columns: unknown[]; where?: unknown } }[]) => list.map((i) => `${i.config.name}${i.config.unique ? ' unique' : ''} ${i.config.columns.length} columns${i.config.where ? ' partial' : ''}`).sort();
      expect(idx(g.indexes as never), `${p.name} indexes`).toEqual(idx(s.indexes as never));
      const fks = (list: { reference(): { columns: { name: string }[]; foreignColumns: { name: string }[] } }[]) => list.map((f) => { const r = f.reference(); return `${r.columns.map((c) => c.name)}→${r.foreignColumns.map((c) => c.name)}`; }).sort();
      expect(fks(g.foreignKeys), `${p.name} foreign keys`).toEqual(fks(s.foreignKeys));
    }
  });

  it('orders tables so each comes after the tables it refers to', () => {
    const order = dependencyOrder(pairs).map((p) => p.name);
    expect(order.length).toBe(pairs.length);
    expect(order.indexOf('users')).toBeLessThan(order.indexOf('sessions'));
    expect(order.indexOf('cases')).toBeLessThan(order.indexOf('case_events'));
    expect(order.indexOf('maps')).toBeLessThan(order.indexOf('map_versions'));
  });
});
