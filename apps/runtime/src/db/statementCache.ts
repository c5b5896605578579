import type Database from 'better-sqlite3';

/**
 * Makes `prepare` reuse statements for SQL it has seen. drizzle prepares every one-shot query
 * afresh, and compiling SQL is most of the cost of a small query; a request that runs a few dozen
 * statements spends its time there. Cached statements are handed back in plain (non-raw) mode,
 * as a fresh one would be, since drizzle switches a statement to raw mode just before it reads
 * arrays from it.
 */
export function cacheStatements(sqlite: Database.Database, limit = 1000): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const cache = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let stmt = cache.get(source);
    if (stmt) {
      if (stmt.reader) stmt.raw(false);
      return stmt;
    }
    stmt = prepare(source);
    if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
    cache.set(source, stmt);
    return stmt;
  }) as typeof sqlite.prepare;
}
