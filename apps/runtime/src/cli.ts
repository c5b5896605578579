/**
 * The `baton` command: `serve`, `import` (maps into the database, or a file of mentions to a
 * running server), and the lead's `validate`, `compile`, `simulate`.
 * User mistakes end in one line and an exit code, never a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { CliError, option, parseArgs } from './cli/loadDocument.ts';

const USAGE = `Usage: baton <command>

  serve [--demo] [--port N] [--host H]   run the API and web app (PORT, HOST, BATON_DB also work)
  import MAP… [--approve]                 load map documents into the database (BATON_DB)
  import FILE --url URL --token TOKEN [--batch 500] [--brand B]
                                          send a CSV, NDJSON or JSON-array file of mentions to a
                                          running Baton, with progress; run it again after an
                                          interruption to go on (nothing is sent twice)
  validate MAP [--json]                   check a map; exit 1 when it has errors
  compile MAP                             print the XState machine config as JSON
  simulate MAP SCENARIO [--json]          rehearse a map against a scenario in virtual time
  db migrate --to postgres://…            create or update Baton's tables in PostgreSQL
  db copy --from FILE.db --to postgres://… [--replace]
                                          copy an install's SQLite file into PostgreSQL, with
                                          progress, and check every table's row count
`;

/** Builds the web app when its build is missing, so `npm start` serves a working UI. */
function buildWebAppIfMissing(repoRoot: string, webRoot: string): void {
  if (existsSync(join(webRoot, 'index.html')) || process.env.BATON_SKIP_WEB_BUILD === '1') return;
  console.log('Building the web app (first start only)…');
  const run = spawnSync('npm', ['run', 'build', '-w', '@baton/designer'], { cwd: repoRoot, stdio: 'inherit' });
  if (run.status !== 0) console.log('The web app did not build; serving the API only. Run `npm run build -w @baton/designer` to see why.');
}

async function serve(args: string[]): Promise<number> {
  if (process.env.BATON_DATABASE_URL) {
    // PostgreSQL: the schema is migrated on start, but the runtime does not serve from it yet.
    await (await import('./cli/dbCopy.ts')).migratePostgres(process.env.BATON_DATABASE_URL, 'BATON_DATABASE_URL');
    throw new CliError('PostgreSQL schema is up to date, but serving from PostgreSQL is not finished yet (README: "Running on PostgreSQL (in progress)"). Unset BATON_DATABASE_URL to serve from the SQLite file (BATON_DB).', 1);
  }
  const { optionsFromEnv, startServer, WEB_ROOT } = await import('./server.ts');
  const opts = optionsFromEnv(process.env);
  const port = option(args, 'port');
  if (port !== undefined) {
    if (!/^\d{1,5}$/.test(port) || Number(port) > 65535) throw new CliError(`--port must be a port number, not '${port}'`);
    opts.port = Number(port);
  }
  opts.host = option(args, 'host') ?? opts.host;
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new CliError(`PORT must be a port number, not '${process.env.PORT}'`);
  buildWebAppIfMissing(resolve(WEB_ROOT, '../../..'), WEB_ROOT);
  if (args.includes('--demo')) {
    const { runDemo } = await import('./demo.ts');
    opts.afterStart = runDemo;
  }
  try {
    await startServer(opts);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliError(`Port ${opts.port} is in use; set PORT or --port to another one`, 1);
    if (code === 'EACCES') throw new CliError(`Not allowed to listen on port ${opts.port}; choose one above 1024`, 1);
    throw e;
  }
  return -1; // keep running
}

async function importMaps(args: string[]): Promise<number> {
  const { positional, flags } = parseArgs(args);
  if (!positional.length) throw new CliError('missing map file argument');
  const { openDb } = await import('./db/client.ts');
  const { importMap } = await import('./maps/importMap.ts');
  const db = openDb(process.env.BATON_DB || './data/baton.db');
  try {
    for (const path of positional) {
      const mentionsHint = `${path}: looks like a file of mentions; send it to a running Baton with: baton import ${path} --url URL --token TOKEN`;
      if (/\.(csv|ndjson|jsonl)$/i.test(path)) throw new CliError(mentionsHint);
      let doc: Record<string, unknown>;
      try {
        doc = JSON.parse(await readFile(path, 'utf8'));
      } catch (e) {
        throw new CliError(`${path}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not valid JSON'}`);
      }
      if (Array.isArray(doc)) throw new CliError(mentionsHint);
      try {
        const { id, version } = importMap(db, doc, { approve: flags.has('approve'), createTeams: flags.has('approve'), actor: 'cli', now: Date.now() });
        console.log(`${path}: map ${id} version ${version}${flags.has('approve') ? ' approved' : ' saved as draft'}`);
      } catch (e) {
        throw new CliError(`${path}: ${(e as Error).message}`, 1);
      }
    }
  } finally {
    db.$client.close();
  }
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'serve':
      return serve(args);
    case 'import':
      // With a server to send to, the file is mentions; without, map documents for the database.
      return args.some((a) => /^--(url|token)(=|$)/.test(a)) ? (await import('./cli/importMentions.ts')).runImportMentions(args) : importMaps(args);
    case 'validate':
      return (await import('./cli/validate.ts')).runValidate(args);
    case 'compile':
      return (await import('./cli/compile.ts')).runCompile(args);
    case 'simulate':
      return (await import('./cli/simulate.ts')).runSimulate(args);
    case 'db':
      return (await import('./cli/dbCopy.ts')).runDb(args);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      throw new CliError(`unknown command '${command}'\n\n${USAGE}`);
  }
}

/**
 * Output piped into a reader that stops early (`baton simulate … | head`) closes the pipe under us:
 * the reader has what it wanted, so the command ends quietly instead of with an EPIPE stack trace.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream, onClosed: () => void): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') return onClosed();
    throw e;
  });
}
quietOnClosedPipe(process.stdout, () => process.exit(0));
quietOnClosedPipe(process.stderr, () => {});

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exitCode = code;
  },
  (e: unknown) => {
    if (e instanceof CliError) {
      process.stderr.write(`baton: ${e.message}\n`);
      process.exitCode = e.exitCode;
    } else {
      process.stderr.write(`baton: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    }
  },
);
