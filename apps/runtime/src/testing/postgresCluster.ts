/**
 * A throwaway PostgreSQL cluster for tests: `initdb` into a temporary folder, `pg_ctl start` on a
 * free loopback port (its unix socket in the same folder, fsync off), a database per test file, and
 * everything removed afterwards. A run that crashed leaves its folder behind; the next start stops
 * that cluster and deletes the folder.
 *
 * initdb refuses to run as root. As root, the cluster runs as Debian's `postgres` system user
 * (created by the `postgresql` package that scripts/ensure-postgres.mjs installs), through
 * `runuser -u postgres --`; otherwise as whoever runs the tests.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';

const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
const PREFIX = 'baton-pg-';
/** The superuser of every test cluster (no password: loopback connections are trusted). */
export const TEST_PG_USER = 'baton';

/** A running test cluster. */
export interface TestCluster {
  /** `postgres://baton@127.0.0.1:<port>/postgres`: the maintenance database, to create others from. */
  url: string;
  /** Its folder (data, socket, log). */
  dir: string;
  /** Stops the server at once and deletes the folder. */
  stop(): void;
}

/** initdb's folder, installing PostgreSQL when missing (scripts/ensure-postgres.mjs). */
function postgresBin(): string {
  const out = execFileSync(process.execPath, [join(REPO_ROOT, 'scripts/ensure-postgres.mjs'), '--print-bin'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return out.trim();
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function runPg(bin: string, program: string, args: string[]): string {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] : [join(bin, program), args];
  try {
    return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    const err = e as { stderr?: string; stdout?: string };
    throw new Error(`${program} failed: ${err.stderr || err.stdout || String(e)}`);
  }
}

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no free port'))));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Stops and deletes clusters left by test runs that are gone (their `owner.pid` no longer runs).
 * Folders of runs still going are left alone.
 */
export function cleanStaleClusters(bin = postgresBin()): string[] {
  const removed: string[] = [];
  for (const name of readdirSync(tmpdir())) {
    if (!name.startsWith(PREFIX)) continue;
    const dir = join(tmpdir(), name);
    const ownerFile = join(dir, 'owner.pid');
    const owner = existsSync(ownerFile) ? Number(readFileSync(ownerFile, 'utf8')) : NaN;
    if (Number.isInteger(owner) && alive(owner)) continue;
    if (existsSync(join(dir, 'data', 'postmaster.pid'))) {
      try {
        runPg(bin, 'pg_ctl', ['-D', join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped; the folder goes anyway
      }
    }
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

/** Initialises and starts a cluster on a free loopback port; `stop()` removes every trace of it. */
export async function startTestCluster(): Promise<TestCluster> {
  const bin = postgresBin();
  cleanStaleClusters(bin);
  const dir = mkdtempSync(join(tmpdir(), PREFIX));
  writeFileSync(join(dir, 'owner.pid'), String(process.pid));
  const data = join(dir, 'data');
  if (isRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    try {
      if (existsSync(join(data, 'postmaster.pid'))) runPg(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    runPg(bin, 'initdb', ['-D', data, '-U', TEST_PG_USER, '--auth=trust', '--no-sync', '-E', 'UTF8', '--locale=C']);
    const port = await freePort();
    const options = [`-p ${port}`, `-k ${dir}`, "-c listen_addresses='127.0.0.1'", '-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c max_connections=200'].join(' ');
    runPg(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    return { url: `postgres://${TEST_PG_USER}@127.0.0.1:${port}/postgres`, dir, stop };
  } catch (e) {
    stop();
    throw e;
  }
}

/** A database of its own for one test file. */
export interface TestDatabase {
  url: string;
  name: string;
  /** Drops it (closing whatever is still connected). */
  drop(): Promise<void>;
}

/** Creates an empty database in the cluster at `clusterUrl` (the globalSetup provides it as `postgresUrl`). */
export async function createTestDatabase(clusterUrl: string): Promise<TestDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: clusterUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(clusterUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const c = new pg.Client({ connectionString: clusterUrl });
      await c.connect();
      try {
        await c.query(`drop database if exists ${name} with (force)`);
      } finally {
        await c.end();
      }
    },
  };
}
