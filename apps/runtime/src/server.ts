import { Server as HttpServer } from 'node:http';
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve as listen } from '@hono/node-server';
import { createApp, type BatonApp } from './app.ts';
import { bootstrap } from './auth/bootstrap.ts';
import { configFromEnv } from './config.ts';
import { openDb } from './db/client.ts';
import { consoleLogger } from './logger.ts';
import { DigestMailer, digestHourFromEnv } from './digest/DigestMailer.ts';
import { loadSecretKey } from './sources/sourceSecrets.ts';

/** Where the built web app lives. */
export const WEB_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../designer/dist');

/** How to start the server. */
export interface ServeOptions {
  port: number;
  host: string;
  dbPath: string;
  env: Record<string, string | undefined>;
  /** Runs after start-up with the app (the demo feeds its scenario here). */
  afterStart?: (app: BatonApp, url: string) => Promise<void>;
}

/** Reads serve options from the environment (`PORT`, `HOST`, `BATON_DB`). */
export function optionsFromEnv(env: Record<string, string | undefined>): ServeOptions {
  return {
    port: env.PORT ? Number(env.PORT) : 8787,
    // Safe by default: only this machine can reach Baton until HOST says otherwise (HOST=0.0.0.0 behind
    // a TLS proxy, with BATON_SECURE_COOKIES=1 and, if the proxy sets X-Forwarded-For, BATON_TRUST_PROXY=1).
    host: env.HOST || '127.0.0.1',
    dbPath: env.BATON_DB || './data/baton.db',
    env,
  };
}

/**
 * Starts Baton: opens the database (applying migrations), creates the first admin or prints the
 * one-time setup secret, starts the deadline scheduler and the outbox worker, and serves API and
 * web app on one port. SIGTERM/SIGINT stop it cleanly. Resolves once it is listening.
 */
export async function startServer(opts: ServeOptions): Promise<{ app: BatonApp; url: string; close(): Promise<void> }> {
  const digestHour = digestHourFromEnv(opts.env);
  const db = openDb(opts.dbPath);
  const secretKey = loadSecretKey(opts.env, opts.dbPath);
  const app = createApp({
    db,
    log: consoleLogger,
    sources: { secretKey: secretKey.key },
    config: configFromEnv(opts.env, existsSync(WEB_ROOT) ? WEB_ROOT : null),
  });
  const first = await bootstrap(app.rt, opts.env);
  if (first.created) console.log(`Created the admin account ${first.created} from BATON_ADMIN_EMAIL.`);
  if (first.setupSecret) {
    console.log('Baton has no accounts yet. Create the first admin with this one-time setup secret');
    console.log('(in the web app, or POST /api/setup {secret, email, name, password}):');
    console.log(`\n    ${first.setupSecret}\n`);
  }
  const server = await new Promise<ReturnType<typeof listen>>((ok, fail) => {
    const s = listen({ fetch: app.fetch, port: opts.port, hostname: opts.host }, () => ok(s));
    s.once('error', fail);
  });
  // Idle keep-alive connections stay open longer than a load balancer's or client's idle timeout
  // (commonly 60 s), so the server is never the side that closes a connection the other end is
  // about to reuse (which that end sees as a failed request).
  if (server instanceof HttpServer) {
    server.keepAliveTimeout = 65_000;
    server.headersTimeout = 66_000;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
  app.scheduler.start();
  app.outbox.start();
  const digest = new DigestMailer(app.rt, { hour: digestHour });
  digest.start();
  app.sources.start();
  app.drills.start();
  console.log(`Source secrets are encrypted with the key from ${secretKey.from}`);
  console.log(`Baton is running at ${url} (database ${opts.dbPath === ':memory:' ? 'in memory' : resolve(opts.dbPath)})`);

  let closing: Promise<void> | null = null;
  const close = () =>
    (closing ??= (async () => {
      app.scheduler.stop();
      app.drills.stop();
      await app.sources.stop();
      await app.outbox.stop();
      await digest.stop();
      await new Promise<void>((ok) => server.close(() => ok()));
      db.$client.close();
    })());
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      console.log(`\n${signal}: stopping Baton`);
      void close().then(() => process.exit(0));
      // Open SSE streams keep connections alive; do not wait on them forever.
      setTimeout(() => process.exit(0), 3000).unref();
    });
  }
  if (opts.afterStart) await opts.afterStart(app, url);
  return { app, url, close };
}
