import type { Db } from './client.ts';

const statements = new WeakMap<object, Map<string, unknown>>();

/**
 * A drizzle prepared query built once per database and reused. Building a query (not running
 * it) is most of what a one-shot drizzle statement costs; the hot paths (ingest, case steps,
 * authentication) prepare theirs once with `sql.placeholder` values.
 * @example
 * const byId = prepared(db, 'mentions.byId', () =>
 *   db.select().from(mentions).where(eq(mentions.id, sql.placeholder('id'))).prepare());
 * byId.get({ id });
 */
export function prepared<T>(db: Pick<Db, 'select'>, key: string, build: () => T): T {
  let forDb = statements.get(db);
  if (!forDb) statements.set(db, (forDb = new Map()));
  let statement = forDb.get(key) as T | undefined;
  if (statement === undefined) {
    statement = build();
    forDb.set(key, statement);
  }
  return statement;
}
