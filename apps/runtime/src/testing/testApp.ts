import { createApp, type BatonApp } from '../app.ts';
import { ManualClock } from '../clock.ts';
import { openDb } from '../db/client.ts';
import { silentLogger } from '../logger.ts';
import { bootstrap } from '../auth/bootstrap.ts';
import type { OutboxOptions } from '../outbox/OutboxWorker.ts';
import type { RuntimeConfig } from '../config.ts';
import type { SourceManagerOptions } from '../sources/SourceManager.ts';

/** Start of every test's manual clock. */
export const T0 = Date.parse('2026-01-01T09:00:00Z');

/** JSON over `app.request()`, signed in as someone (a bearer token) or with the ingest token. */
export type Call = (method: string, path: string, body?: unknown) => Promise<{ status: number; body: any; headers: Headers }>;

/** A test runtime on `:memory:` with a manual clock, an admin, and helpers to act as people. */
export interface TestRuntime {
  app: BatonApp;
  clock: ManualClock;
  admin: Call;
  ingest: Call;
  anonymous: Call;
  /** Signs in as an existing user. */
  as(email: string, password?: string): Promise<Call>;
  /** Creates a user (admin call) and signs in as them. */
  user(email: string, roles: string[], teams?: string[], backupTeams?: string[]): Promise<Call & { id: string }>;
  /** Advances the clock and fires whatever fell due. */
  advance(ms: number): void;
}

const PASSWORD = 'correct horse battery';

function caller(app: BatonApp, token?: string): Call {
  return async (method, path, body) => {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await app.request(path, { method, headers, ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed, headers: res.headers };
  };
}

/** Builds a fresh runtime for one test. */
export async function testRuntime(opts: { outbox?: OutboxOptions; config?: Partial<RuntimeConfig>; sources?: SourceManagerOptions; /** A SQLite file instead of `:memory:`. */ dbPath?: string } = {}): Promise<TestRuntime> {
  const clock = new ManualClock(T0);
  const app = createApp({ db: openDb(opts.dbPath ?? ':memory:'), clock, log: silentLogger(), ...(opts.outbox ? { outbox: opts.outbox } : {}), ...(opts.config ? { config: opts.config } : {}), ...(opts.sources ? { sources: opts.sources } : {}) });
  await bootstrap(app.rt, { BATON_ADMIN_EMAIL: 'admin@example.test', BATON_ADMIN_PASSWORD: PASSWORD, BATON_INGEST_TOKEN: 'ingest-token-for-tests' });
  const as = async (email: string, password = PASSWORD) => {
    const res = await caller(app)('POST', '/api/session', { email, password });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(res.body)}`);
    return caller(app, res.body.token);
  };
  const admin = await as('admin@example.test');
  return {
    app, clock, admin, as,
    ingest: caller(app, 'ingest-token-for-tests'),
    anonymous: caller(app),
    async user(email, roles, teams = [], backupTeams = []) {
      const res = await admin('POST', '/api/users', { email, name: email.split('@')[0], password: PASSWORD, roles, teams, backupTeams });
      if (res.status !== 201) throw new Error(`creating ${email} failed: ${JSON.stringify(res.body)}`);
      return Object.assign(await as(email), { id: res.body.user.id as string });
    },
    advance(ms) {
      clock.advance(ms);
      app.scheduler.tick();
    },
  };
}

/**
 * Directory and an approved complaint map: teams social/care/supervisors, a manager who drew the
 * map, an approver who approved it, hub agent `hub@`, care agents `care1@`/`care2@`, backup
 * `backup@` (care), supervisor `sup@`.
 */
export async function withApprovedMap(t: TestRuntime, map: Record<string, unknown>) {
  for (const [id, name] of [['social', 'Social Hub'], ['care', 'Customer Care'], ['supervisors', 'Supervisors']]) {
    await t.admin('POST', '/api/teams', { id, name });
  }
  const manager = await t.user('manager@example.test', ['manager']);
  const approver = await t.user('approver@example.test', ['approver']);
  const hub = await t.user('hub@example.test', ['agent'], ['social']);
  const care1 = await t.user('care1@example.test', ['agent'], ['care']);
  const care2 = await t.user('care2@example.test', ['agent'], ['care']);
  const backup = await t.user('backup@example.test', ['agent'], [], ['care']);
  const sup = await t.user('sup@example.test', ['agent'], ['supervisors']);
  const created = await manager('POST', '/api/maps', map);
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  const submitted = await manager('POST', `/api/maps/${map.id}/submit`);
  if (submitted.status !== 200) throw new Error(JSON.stringify(submitted.body));
  const approved = await approver('POST', `/api/maps/${map.id}/versions/${submitted.body.version}/approve`, {});
  if (approved.status !== 200) throw new Error(JSON.stringify(approved.body));
  return { manager, approver, hub, care1, care2, backup, sup };
}
