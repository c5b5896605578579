import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** A running `baton serve` process and how to talk to it. */
export interface RunningServer {
  url: string;
  port: number;
  dbPath: string;
  adminEmail: string;
  adminPassword: string;
  ingestToken: string;
  /** Stops the process (SIGTERM by default; SIGKILL to simulate a crash) and waits for it to exit. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  /** Starts the process again on the same port and database (stopping it first if it runs). */
  restart(): Promise<void>;
  /** Everything the process printed so far (stdout and stderr). */
  output(): string;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? ok(address.port) : fail(new Error('no port'))));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, out: () => string, timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`baton serve exited with ${child.exitCode}:\n${out()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`baton serve did not answer /api/health within ${timeoutMs} ms:\n${out()}`);
}

/**
 * Starts the real runtime (`node apps/runtime/bin/baton.mjs serve`) on a free port with a fresh
 * SQLite file (or `dbPath`), a known admin and ingest token, and waits until `/api/health`
 * answers. `env` adds to or overrides the environment (e.g. `BATON_SKIP_WEB_BUILD: '1'`).
 * @example
 * const server = await startServer();
 * await fetch(`${server.url}/api/mentions`, { method: 'POST', headers: { authorization: `Bearer ${server.ingestToken}` }, body });
 * await server.stop();
 */
export async function startServer(opts: { env?: Record<string, string>; dbPath?: string } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dbPath = opts.dbPath ?? join(mkdtempSync(join(tmpdir(), 'baton-server-')), 'baton.db');
  const adminEmail = 'admin@example.test';
  const adminPassword = `pw-${randomBytes(12).toString('hex')}`;
  const ingestToken = `ingest-${randomBytes(16).toString('hex')}`;
  const url = `http://127.0.0.1:${port}`;
  let log = '';
  let child: ChildProcess | null = null;

  const launch = async () => {
    child = spawn(process.execPath, [join(root, 'apps/runtime/bin/baton.mjs'), 'serve'], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        BATON_DB: dbPath,
        BATON_ADMIN_EMAIL: adminEmail,
        BATON_ADMIN_PASSWORD: adminPassword,
        BATON_INGEST_TOKEN: ingestToken,
        ...opts.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
    await waitForHealth(url, child, () => log);
  };

  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    const c = child as ChildProcess | null;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise<void>((ok) => c.once('exit', () => ok()));
    c.kill(signal);
    const timer = setTimeout(() => c.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    child = null;
  };

  await launch();
  return {
    url, port, dbPath, adminEmail, adminPassword, ingestToken,
    stop,
    restart: async () => {
      await stop();
      await launch();
    },
    output: () => log,
  };
}
