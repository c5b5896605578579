/**
 * `baton db copy --from FILE.db --to postgres://… [--replace]`: moves an install from its SQLite
 * file to PostgreSQL. The target's tables are created by the committed migrations; a target that
 * already holds Baton data is refused unless `--replace` says to empty it first. Ends with the
 * row count of every table on both sides, and exit code 1 when any differ.
 */
import { existsSync, statSync } from 'node:fs';
import type { Db } from '../db/client.ts';
import type { PgDb } from '../db/pg/client.ts';
import { CliError, option } from './loadDocument.ts';
import { progressBar } from './progressBar.ts';

export const DB_USAGE = `Usage: baton db migrate --to postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE

  Creates Baton's tables in PostgreSQL, or brings them up to date (several nodes may run it at once).

       baton db copy --from FILE.db --to postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE [--replace]

  Copies every table of a Baton SQLite file into PostgreSQL (creating the tables), then checks the
  row counts of both. The target must hold no Baton data; --replace empties it first.
`;

/** Runs `baton db <sub>`. */
export async function runDb(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === 'copy') return runDbCopy(rest);
  if (sub === 'migrate') {
    const to = option(rest, 'to');
    if (!to || to.startsWith('--')) throw new CliError(`missing --to postgres://…\n\n${DB_USAGE}`);
    await migratePostgres(to, '--to');
    console.log('PostgreSQL schema is up to date.');
    return 0;
  }
  if (sub === undefined || sub === 'help' || sub === '--help') {
    process.stdout.write(DB_USAGE);
    return sub === undefined ? 2 : 0;
  }
  throw new CliError(`unknown db command '${sub}'\n\n${DB_USAGE}`);
}

async function openSource(path: string): Promise<Db> {
  if (!existsSync(path)) throw new CliError(`${path}: no such file`);
  if (statSync(path).isDirectory()) throw new CliError(`${path}: is a folder, not a SQLite file`);
  const { openDb } = await import('../db/client.ts');
  try {
    return openDb(path); // brings an older file's tables up to date first, as `baton serve` would
  } catch (e) {
    throw new CliError(`${path}: not a Baton SQLite file (${(e as Error).message})`);
  }
}

/** Applies the PostgreSQL migrations at `url` (named `what` in messages) and disconnects. */
export async function migratePostgres(url: string, what: string): Promise<void> {
  const { isPostgresUrl, redactUrl } = await import('../db/pg/client.ts');
  if (!isPostgresUrl(url)) throw new CliError(`${what} must be a postgres:// URL, not '${redactUrl(url)}'`);
  await (await openTarget(url)).$client.end();
}

async function openTarget(url: string): Promise<PgDb> {
  const { openPgDb, PgConnectError } = await import('../db/pg/client.ts');
  try {
    return await openPgDb(url, { max: 2 });
  } catch (e) {
    if (e instanceof PgConnectError) throw new CliError(e.message);
    throw e;
  }
}

async function runDbCopy(args: string[]): Promise<number> {
  const from = option(args, 'from');
  const to = option(args, 'to');
  if (!from || from.startsWith('--')) throw new CliError(`missing --from FILE.db\n\n${DB_USAGE}`);
  if (!to || to.startsWith('--')) throw new CliError(`missing --to postgres://…\n\n${DB_USAGE}`);
  const { copyToPostgres, nonEmptyTables } = await import('../db/pg/copyToPostgres.ts');
  const { isPostgresUrl, redactUrl } = await import('../db/pg/client.ts');
  if (!isPostgresUrl(to)) throw new CliError(`--to must be a postgres:// URL, not '${redactUrl(to)}'`);
  const replace = args.includes('--replace');

  const sqlite = await openSource(from);
  let pg: PgDb | undefined;
  try {
    pg = await openTarget(to);
    const busy = await nonEmptyTables(pg);
    if (busy.length && !replace) {
      const list = busy.map((b) => `${b.table} (${b.rows})`).join(', ');
      throw new CliError(`${redactUrl(to)} already holds Baton data: ${list}. Copy into an empty database, or add --replace to delete what it holds first.`);
    }
    const tty = process.stderr.isTTY === true;
    const bar = progressBar('Copying');
    const started = performance.now();
    const counts = await copyToPostgres(sqlite, pg, {
      replace,
      onProgress: (p) => bar.update(p.doneAll, p.ofAll),
      onTable: (t) => {
        if (!tty) console.error(`copied ${t.table}: ${t.rows.toLocaleString('en')} rows`);
      },
    });
    bar.finish();
    const wrong = counts.filter((c) => c.source !== c.target);
    const width = Math.max(...counts.map((c) => c.table.length));
    for (const c of counts) console.log(`${c.table.padEnd(width)}  ${String(c.source).padStart(9)} → ${String(c.target).padStart(9)}${c.source === c.target ? '' : '  MISMATCH'}`);
    const total = counts.reduce((a, c) => a + c.target, 0);
    if (wrong.length) {
      console.error(`baton: row counts differ for ${wrong.map((c) => c.table).join(', ')}; the copy is not complete`);
      return 1;
    }
    console.log(`Copied ${total.toLocaleString('en')} rows in ${counts.length} tables to ${redactUrl(to)} in ${((performance.now() - started) / 1000).toFixed(1)} s; every count matches.`);
    return 0;
  } finally {
    sqlite.$client.close();
    await pg?.$client.end();
  }
}
