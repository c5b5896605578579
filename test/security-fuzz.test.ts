// Fuzzing the real app (docs/api.md: bad input gets a 4xx, never a 500 or a stack trace; the security rules as an attacker tries them):
// more than 10,000 generated requests — malformed JSON, wrong types, huge strings, unicode,
// deep nesting, missing or forged credentials, forged cookies, replayed and stale signatures —
// through `app.request()` against a runtime on a temporary SQLite file. Every answer must be
// below 500 with a JSON error for 4xx, nothing may be logged as an internal error, and a request
// that is refused must leave the database exactly as it found it (checked by a checksum of every
// table; failed sign-ins are the one thing a refused request records, in the audit log).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BatonApp } from '../apps/runtime/src/app.ts';
import { bootstrap } from '../apps/runtime/src/auth/bootstrap.ts';
import { signBody } from '../apps/runtime/src/auth/verifySignature.ts';
import { ManualClock } from '../apps/runtime/src/clock.ts';
import { openDb } from '../apps/runtime/src/db/client.ts';
import { silentLogger } from '../apps/runtime/src/logger.ts';
import { complaintMap } from '../apps/runtime/src/testing/fixtures.ts';
import { T0 } from '../apps/runtime/src/testing/testApp.ts';

const PASSWORD = 'correct horse battery';
const SEED = Number(process.env.BATON_FUZZ_SEED ?? 20260101);
const RUNS = { anyRoute: 6_000, ingest: 2_500, credentials: 1_500, maps: 1_000, signIn: 300 };

type Who = 'admin' | 'manager' | 'approver' | 'agent' | 'outsider';
const WHO: Who[] = ['admin', 'manager', 'approver', 'agent', 'outsider'];

interface World {
  app: BatonApp;
  dir: string;
  tokens: Record<Who, string>;
  csrf: Record<Who, string>;
  ingestToken: string;
  signed: { token: string; secret: string; replay: { body: string; stamp: string; signature: string } };
  ids: { cases: string[]; users: string[]; tokens: string[] };
  errors: Record<string, unknown>[];
}

const json = { 'content-type': 'application/json' };

async function signIn(app: BatonApp, email: string): Promise<{ token: string; csrf: string }> {
  // From an address of its own, so fuzzed wrong passwords never lock the fixture out.
  const res = await app.request('/api/session', { method: 'POST', headers: json, body: JSON.stringify({ email, password: PASSWORD }) }, { incoming: { socket: { remoteAddress: '198.51.100.1' } } });
  if (res.status !== 200) throw new Error(`sign-in ${email}: ${res.status} ${await res.text()}`);
  const body = await res.json();
  const csrf = /baton_csrf=([^;]+)/.exec(res.headers.getSetCookie().join('\n'))?.[1] ?? '';
  return { token: body.token, csrf };
}

async function buildWorld(): Promise<World> {
  const dir = mkdtempSync(join(tmpdir(), 'baton-fuzz-'));
  const errors: Record<string, unknown>[] = [];
  const app = createApp({
    db: openDb(join(dir, 'baton.db')), clock: new ManualClock(T0), log: silentLogger(errors),
    // Rate limits off so all 10,000+ requests reach the routes (security-auth.test.ts covers 429s);
    // a small body limit so some generated bodies meet the 413.
    config: { rateLimit: { ip: null, token: null }, bodyLimit: 256 * 1024 },
  });
  await bootstrap(app.rt, { BATON_ADMIN_EMAIL: 'admin@example.test', BATON_ADMIN_PASSWORD: PASSWORD, BATON_INGEST_TOKEN: 'ingest-token-for-fuzz' });
  const admin = (await signIn(app, 'admin@example.test')).token;
  const call = async (token: string, method: string, path: string, body?: unknown) => {
    const res = await app.request(path, { method, headers: { ...json, authorization: `Bearer ${token}` }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const parsed = await res.json().catch(() => null);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(parsed)}`);
    return parsed as any;
  };
  for (const [id, name] of [['social', 'Social Hub'], ['care', 'Customer Care'], ['supervisors', 'Supervisors']]) await call(admin, 'POST', '/api/teams', { id, name });
  const users: string[] = [];
  const accounts: [string, string[], string[]][] = [
    ['manager', ['manager'], []], ['approver', ['approver'], []], ['agent', ['agent'], ['social', 'care']], ['outsider', ['agent'], ['supervisors']],
  ];
  for (const [who, roles, teams] of accounts) users.push((await call(admin, 'POST', '/api/users', { email: `${who}@example.test`, name: who, password: PASSWORD, roles, teams })).user.id);
  const sessions = Object.fromEntries(await Promise.all(WHO.map(async (w) => [w, await signIn(app, `${w}@example.test`)] as const)));
  const t = (w: Who) => sessions[w]!.token;
  await call(t('manager'), 'POST', '/api/maps', complaintMap());
  await call(t('manager'), 'POST', '/api/maps/complaints/submit');
  await call(t('approver'), 'POST', '/api/maps/complaints/versions/1/approve', {});
  const cases: string[] = [];
  for (let i = 0; i < 4; i++) {
    const r = await call('ingest-token-for-fuzz', 'POST', '/api/mentions', { id: `twitter:seed-${i}`, network: 'twitter', author: { handle: '@ana' }, text: 'it arrived broken', createdAt: '2026-01-01T09:00:00Z' });
    cases.push(r.results[0].caseId);
  }
  await call(t('agent'), 'POST', `/api/cases/${cases[1]}/checklist`, { item: 'Screenshot' });
  await call(t('agent'), 'POST', `/api/cases/${cases[1]}/checklist`, { item: 'Check CRM' });
  // A decoy token the fuzzer may revoke; the main ingest token stays usable throughout.
  const decoy = await call(admin, 'POST', '/api/tokens', { name: 'decoy', scope: 'ingest' });
  const signedToken = await call(admin, 'POST', '/api/tokens', { name: 'signed', scope: 'ingest', signed: true });
  const replayBody = JSON.stringify({ id: 'twitter:signed-1', network: 'twitter', author: { handle: '@sig' }, text: 'signed hello', createdAt: '2026-01-01T09:00:00Z' });
  const stamp = String(Math.floor(T0 / 1000));
  const signature = signBody(signedToken.signingSecret, stamp, replayBody);
  const first = await app.request('/api/mentions', { method: 'POST', headers: { ...json, authorization: `Bearer ${signedToken.token}`, 'x-baton-timestamp': stamp, 'x-baton-signature': signature }, body: replayBody });
  if (first.status !== 200) throw new Error(`signed ingest: ${first.status}`);
  return {
    app, dir, errors,
    tokens: Object.fromEntries(WHO.map((w) => [w, t(w)])) as Record<Who, string>,
    csrf: Object.fromEntries(WHO.map((w) => [w, sessions[w]!.csrf])) as Record<Who, string>,
    ingestToken: 'ingest-token-for-fuzz',
    signed: { token: signedToken.token, secret: signedToken.signingSecret, replay: { body: replayBody, stamp, signature } },
    ids: { cases, users, tokens: [decoy.id] },
  };
}

// ── the database's fingerprint ──────────────────────────────────────────────

function checksum(app: BatonApp): string {
  const db = app.rt.db.$client;
  const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name").all() as { name: string }[];
  const h = createHash('sha256');
  for (const { name } of tables) {
    // The rate limiter's buckets and the sign-in throttle's failure counts are kept in the database
    // (so several nodes share them): counting a refused request is their whole job, not a change of data.
    if (name === 'rate_buckets' || name === 'login_failures') continue;
    const where = name === 'audit_log' ? " where action <> 'session.login.failed'" : '';
    h.update(`\u0001${name}\u0001`);
    // A table WITHOUT ROWID (the full-text index's own bookkeeping) is read in its key's order.
    const withoutRowid = (db.prepare(`select sql from sqlite_master where name = ?`).get(name) as { sql: string | null }).sql?.match(/without rowid\s*$/i);
    for (const row of db.prepare(`select * from "${name}"${where}${withoutRowid ? '' : ' order by rowid'}`).raw().iterate()) h.update(JSON.stringify(row));
  }
  return h.digest('hex');
}
const totalChanges = (app: BatonApp) => (app.rt.db.$client.prepare('select total_changes() as n').get() as { n: number }).n;

// ── generated requests ──────────────────────────────────────────────────────

interface FuzzRequest {
  method: string;
  path: string;
  auth: Auth;
  headers: Record<string, string>;
  body?: string;
}
type Auth =
  | { kind: 'none' } | { kind: 'bearer'; who: Who } | { kind: 'ingest' } | { kind: 'cookie'; who: Who; csrf: 'right' | 'missing' | 'wrong' | 'other-user' }
  | { kind: 'forged-bearer'; value: string } | { kind: 'forged-cookie'; value: string } | { kind: 'malformed'; value: string }
  | { kind: 'signed'; variant: 'replayed' | 'stale' | 'wrong' | 'missing' | 'garbage-stamp' | 'good' };

/** Every API route the app serves (so a new route is fuzzed the day it lands), plus two it does not. */
function templatesOf(app: BatonApp): string[] {
  const served = app.routes.filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*')).map((r) => `${r.method} ${r.path}`);
  return [...new Set(served), 'GET /api/nowhere', 'POST /api/'];
}

const unicode = fc.string({ unit: 'binary', maxLength: 40 });
const hugeString = fc.integer({ min: 5_000, max: 100_000 }).map((n) => 'ä'.repeat(n));
const deep = fc.tuple(fc.integer({ min: 30, max: 20_000 }), fc.boolean()).map(([n, obj]) => (obj ? '{"a":'.repeat(n) + '1' + '}'.repeat(n) : '['.repeat(n) + ']'.repeat(n)));
const malformed = fc.oneof(
  fc.constantFrom('', '{', '[', '{"a":', 'nul', '"unterminated', '{"id":}', '{,}', '\u0000', '\ufeff{}', '{"__proto__":{"admin":true}}', 'NaN', '1e999999', '[1,]', "{'a':1}"),
  fc.string({ maxLength: 60 }),
  unicode,
);
const scalar = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.string({ maxLength: 20 }), unicode, hugeString);
const anyJson = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v));
const idish = fc.oneof(
  fc.constantFrom('complaints', 'care', 'social', 'nope', '1', 'active', 'draft', 'latest', '0', '-1', '999999999999', '..', '%2e%2e', 'a'.repeat(300), '%E0%A4%A', '%00', 'null', 'undefined', '__proto__', 'constructor'),
  fc.string({ maxLength: 30 }),
  unicode,
);

function mentionLike(): fc.Arbitrary<unknown> {
  const base = { id: 'twitter:fuzz', network: 'twitter', author: { handle: '@fuzz' }, text: 'it arrived broken', createdAt: '2026-01-01T09:00:00Z' };
  const field = fc.constantFrom('id', 'network', 'author', 'text', 'createdAt', 'inReplyTo', 'sentiment', 'url', 'lang', 'directedAtBrand', 'extra');
  const one = fc.tuple(field, fc.oneof(scalar, fc.jsonValue({ maxDepth: 3 }), fc.constant(undefined)), fc.string({ maxLength: 12 }))
    .map(([k, v, suffix]) => ({ ...base, id: `twitter:fuzz-${suffix}`, [k]: v }));
  return fc.oneof(one, fc.array(one, { maxLength: 30 }), fc.jsonValue({ maxDepth: 3 }), fc.array(fc.constant(base), { minLength: 1001, maxLength: 1003 }));
}

function mapLike(): fc.Arbitrary<unknown> {
  const map = complaintMap() as unknown as Record<string, unknown>;
  const pattern = fc.oneof(fc.stringMatching(/^[a-z()+*?|\\1=<!{},.\[\]^$-]{0,24}$/), fc.constantFrom('(a+)+$', '(?=x)', '\\1', '(a|aa)*b', '[', '(?i)ok'));
  const condition = fc.oneof(
    pattern.map((value) => ({ field: 'text', op: 'matches', value })),
    fc.record({ field: idish, op: idish, value: fc.jsonValue({ maxDepth: 2 }) }),
    fc.integer({ min: 1, max: 60 }).map((n) => { let c: unknown = { field: 'text', op: 'eq', value: 'x' }; for (let i = 0; i < n; i++) c = { not: c }; return c; }),
  );
  return fc.oneof(
    condition.map((when) => ({ ...map, nodes: (map.nodes as Record<string, unknown>[]).map((n) => (n.type === 'trigger' ? { ...n, when } : n)) })),
    fc.tuple(fc.constantFrom('format', 'id', 'name', 'hub', 'teams', 'nodes', 'edges', 'crisis'), fc.oneof(scalar, fc.jsonValue({ maxDepth: 3 }))).map(([k, v]) => ({ ...map, [k]: v })),
    fc.jsonValue({ maxDepth: 4 }),
  );
}

/** Sign-in and setup attempts: known and unknown e-mails, right, wrong and hostile passwords. */
const credentials = fc.record({
  email: fc.oneof(fc.constantFrom(...WHO.map((w) => `${w}@example.test`), 'ADMIN@EXAMPLE.TEST ', 'nobody@example.test', ''), fc.string({ maxLength: 40 }), unicode),
  password: fc.oneof(fc.constant(PASSWORD), fc.constantFrom('', 'admin', 'password', PASSWORD + ' '), fc.string({ maxLength: 40 }), unicode, fc.integer()),
  secret: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
  name: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
});

const body = (semantic: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 4, arbitrary: semantic.map((v) => JSON.stringify(v) ?? '') },
    { weight: 2, arbitrary: anyJson },
    { weight: 2, arbitrary: malformed },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: hugeString.map((s) => JSON.stringify({ text: s, name: s, comment: s, item: s })) },
  );

const auth: fc.Arbitrary<Auth> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...WHO).map((who) => ({ kind: 'bearer', who }) as Auth) },
  { weight: 1, arbitrary: fc.constant({ kind: 'none' } as Auth) },
  { weight: 1, arbitrary: fc.constant({ kind: 'ingest' } as Auth) },
  { weight: 2, arbitrary: fc.record({ who: fc.constantFrom(...WHO), csrf: fc.constantFrom('right', 'missing', 'wrong', 'other-user') }).map((c) => ({ kind: 'cookie', ...c }) as Auth) },
  { weight: 1, arbitrary: fc.oneof(fc.constantFrom('bts_', 'bti_', 'ingest-token-for-fuzz ', 'ingest-token-for-fuz'), fc.stringMatching(/^[A-Za-z0-9_-]{1,80}$/)).map((value) => ({ kind: 'forged-bearer', value }) as Auth) },
  { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z0-9_=-]{0,80}$/).map((value) => ({ kind: 'forged-cookie', value }) as Auth) },
  { weight: 1, arbitrary: fc.constantFrom('Basic YWRtaW46YWRtaW4=', 'Bearer', 'Bearer  ', 'bearer a b', 'Token x', 'Bearer ' + 'x'.repeat(5000), 'Bearer ä').map((value) => ({ kind: 'malformed', value }) as Auth) },
  { weight: 1, arbitrary: fc.constantFrom('replayed', 'stale', 'wrong', 'missing', 'garbage-stamp', 'good').map((variant) => ({ kind: 'signed', variant }) as Auth) },
);

const extraHeaders = fc.record({
  'content-type': fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=utf-16', ''),
  'x-request-id': fc.oneof(fc.constant(''), fc.stringMatching(/^[ -~]{0,80}$/)),
  'x-forwarded-for': fc.oneof(fc.constant(''), fc.constantFrom('1.2.3.4', '::1', '1.2.3.4, 5.6.7.8', 'not-an-ip')),
}, { requiredKeys: [] });

function pathFor(template: string): fc.Arbitrary<string> {
  const params = template.match(/:[a-zA-Z]+/g) ?? [];
  const query = fc.array(fc.tuple(fc.constantFrom('team', 'status', 'map', 'holder', 'limit', 'from', 'to', 'format', 'before', 'action', 'actor', 'x'), fc.oneof(idish, fc.integer().map(String))), { maxLength: 4 })
    .map((pairs) => (pairs.length ? '?' + pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&') : ''));
  const value = fc.oneof(idish.map(encodeURIComponent), idish.filter((s) => /^[A-Za-z0-9._%-]*$/.test(s)));
  return fc.tuple(fc.array(value, { minLength: params.length, maxLength: params.length }), query).map(([vals, q]) => {
    let i = 0;
    return template.split(' ')[1]!.replace(/:[a-zA-Z]+/g, () => vals[i++] || 'x') + q;
  });
}

function requestFor(templates: string[], semantic: fc.Arbitrary<unknown>, w: () => World): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...templates).chain((template) =>
    fc.record({
      method: fc.oneof({ weight: 6, arbitrary: fc.constant(template.split(' ')[0]!) }, { weight: 1, arbitrary: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD') }),
      // Mostly real ids, so requests reach the code behind the route checks.
      path: fc.oneof({ weight: 2, arbitrary: pathFor(template) }, { weight: 3, arbitrary: fc.constant(0).map(() => concrete(template, w())) }),
      auth,
      headers: extraHeaders,
      body: fc.option(body(semantic), { nil: undefined, freq: 4 }),
    }),
  );
}

function concrete(template: string, w: World): string {
  return template.split(' ')[1]!
    .replace('/api/cases/:id', `/api/cases/${w.ids.cases[template.length % w.ids.cases.length]}`)
    .replace('/api/teams/:id/members/:userId', `/api/teams/care/members/${w.ids.users[3]}`)
    .replace('/api/teams/:id', '/api/teams/care')
    .replace('/api/tokens/:id', `/api/tokens/${w.ids.tokens[0]}`)
    .replace('/api/users/:id', `/api/users/${w.ids.users[template.length % w.ids.users.length]}`)
    .replace('/api/notifications/:id', '/api/notifications/1')
    .replace(':version', '1')
    .replace(':id', 'complaints');
}

function headersFor(r: FuzzRequest, w: World): Record<string, string> {
  const h: Record<string, string> = {};
  for (const [k, v] of Object.entries(r.headers)) if (v) h[k] = v;
  const a = r.auth;
  if (a.kind === 'bearer') h.authorization = `Bearer ${w.tokens[a.who]}`;
  if (a.kind === 'ingest') h.authorization = `Bearer ${w.ingestToken}`;
  if (a.kind === 'forged-bearer') h.authorization = `Bearer ${a.value}`;
  if (a.kind === 'malformed') h.authorization = a.value;
  if (a.kind === 'forged-cookie') h.cookie = `baton_session=${a.value}; baton_csrf=${a.value}`;
  if (a.kind === 'cookie') {
    const csrf = a.csrf === 'right' ? w.csrf[a.who] : a.csrf === 'other-user' ? w.csrf[a.who === 'admin' ? 'agent' : 'admin'] : 'forged';
    h.cookie = `baton_session=${w.tokens[a.who]}; baton_csrf=${a.csrf === 'other-user' ? csrf : w.csrf[a.who]}`;
    if (a.csrf !== 'missing') h['x-csrf-token'] = csrf;
  }
  if (a.kind === 'signed') {
    h.authorization = `Bearer ${w.signed.token}`;
    const stamp = a.variant === 'stale' ? String(Math.floor(T0 / 1000) - 3600) : a.variant === 'garbage-stamp' ? '12abc' : w.signed.replay.stamp;
    if (a.variant === 'replayed') Object.assign(h, { 'x-baton-timestamp': w.signed.replay.stamp, 'x-baton-signature': w.signed.replay.signature });
    else if (a.variant === 'wrong') Object.assign(h, { 'x-baton-timestamp': stamp, 'x-baton-signature': signBody('bsk_wrong', stamp, r.body ?? '') });
    else if (a.variant !== 'missing') Object.assign(h, { 'x-baton-timestamp': stamp, 'x-baton-signature': signBody(w.signed.secret, stamp, r.body ?? '') });
  }
  return h;
}

// ── running them ────────────────────────────────────────────────────────────

interface Tally { runs: number; byStatus: Record<number, number>; byCode: Record<string, number>; refusedWrites: number }

async function send(w: World, r: FuzzRequest, baseline: { sum: string }, tally: Tally): Promise<void> {
  const before = totalChanges(w.app);
  const hasBody = r.body !== undefined && r.method !== 'GET' && r.method !== 'HEAD';
  const replayed = r.auth.kind === 'signed' && r.auth.variant === 'replayed';
  const res = await w.app.request(r.path, {
    method: r.method,
    headers: headersFor(r, w),
    ...(hasBody ? { body: replayed ? w.signed.replay.body : r.body } : {}),
  });
  const type = res.headers.get('content-type') ?? '';
  const text = type.includes('event-stream') ? (await res.body?.cancel(), '') : await res.text();
  tally.runs++;
  tally.byStatus[res.status] = (tally.byStatus[res.status] ?? 0) + 1;
  const label = `${r.method} ${r.path.slice(0, 120)} (${r.auth.kind}) → ${res.status} ${text.slice(0, 200)}`;
  expect(res.status, label).toBeLessThan(500);
  expect(res.headers.get('x-request-id'), label).toBeTruthy();
  if (res.status >= 400 && r.method !== 'HEAD') {
    const parsed = JSON.parse(text) as { error?: { code?: string; message?: string } };
    expect(parsed.error?.code, label).toMatch(/^[A-Z_0-9]+$/);
    tally.byCode[parsed.error!.code!] = (tally.byCode[parsed.error!.code!] ?? 0) + 1;
    expect(text, label).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/); // never a stack trace
  }
  const after = totalChanges(w.app);
  if (after === before) return;
  const sum = checksum(w.app);
  if (res.status >= 400) {
    tally.refusedWrites++;
    expect(sum, `a refused request changed the database: ${label}`).toBe(baseline.sum);
  }
  baseline.sum = sum;
  // Keep the cast signed in when a fuzzed request signs someone out.
  if (r.method === 'DELETE' && r.path.startsWith('/api/session') && res.status === 204) {
    for (const who of WHO) {
      const me = await w.app.request('/api/session', { headers: { authorization: `Bearer ${w.tokens[who]}` } });
      if (me.status === 401) {
        const s = await signIn(w.app, `${who}@example.test`);
        w.tokens[who] = s.token;
        w.csrf[who] = s.csrf;
      }
    }
    baseline.sum = checksum(w.app);
  }
}

describe('fuzzing the API with fast-check', () => {
  let w: World;
  const tally: Tally = { runs: 0, byStatus: {}, byCode: {}, refusedWrites: 0 };
  const baseline = { sum: '' };
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    process.on('uncaughtException', onUnhandled);
    w = await buildWorld();
    baseline.sum = checksum(w.app);
  }, 60_000);

  afterAll(() => {
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
    w?.app.rt.db.$client.close();
    if (w) rmSync(w.dir, { recursive: true, force: true });
  });

  const property = (templates: string[], semantic: fc.Arbitrary<unknown>, numRuns: number, seedOffset: number) =>
    fc.assert(fc.asyncProperty(requestFor(templates, semantic, () => w), (r) => send(w, r, baseline, tally)), { numRuns, seed: SEED + seedOffset, endOnFailure: true });

  it(`any route: ${RUNS.anyRoute} requests`, async () => {
    await property(templatesOf(w.app), fc.oneof(mentionLike(), mapLike(), credentials, fc.jsonValue({ maxDepth: 3 })), RUNS.anyRoute, 0);
  }, 120_000);

  it(`ingest: ${RUNS.ingest} mentions and batches, malformed, mistyped and oversized`, async () => {
    await property(['POST /api/mentions'], mentionLike(), RUNS.ingest, 1);
  }, 120_000);

  it(`credentials: ${RUNS.credentials} requests with missing, forged, replayed or mismatched credentials`, async () => {
    const writes = templatesOf(w.app).filter((t) => !t.startsWith('GET'));
    await property([...writes, 'POST /api/session', 'POST /api/session', 'POST /api/setup'], fc.oneof(credentials, mentionLike(), fc.jsonValue({ maxDepth: 2 })), RUNS.credentials, 2);
  }, 120_000);

  it(`maps: ${RUNS.maps} map documents with hostile conditions and patterns`, async () => {
    await property(['POST /api/maps', 'PUT /api/maps/:id', 'POST /api/maps/validate'], mapLike(), RUNS.maps, 3);
  }, 120_000);

  it(`sign-in: ${RUNS.signIn} attempts with right, wrong and hostile passwords until the lock engages`, async () => {
    const attempt = fc.tuple(credentials, auth).map(([cred, a]): FuzzRequest => ({
      method: 'POST', path: '/api/session', auth: a, headers: { 'content-type': 'application/json' }, body: JSON.stringify(cred),
    }));
    await fc.assert(fc.asyncProperty(attempt, (r) => send(w, r, baseline, tally)), { numRuns: RUNS.signIn, seed: SEED + 4, endOnFailure: true });
    expect(tally.byCode.TOO_MANY_ATTEMPTS, 'the sign-in lock engaged').toBeGreaterThan(0);
  }, 120_000);

  it('sent at least 10,000 requests; nothing crashed, nothing was logged as an internal error', async () => {
    if (process.env.BATON_FUZZ_VERBOSE) console.log(JSON.stringify(tally));
    expect(tally.runs).toBeGreaterThanOrEqual(10_000);
    expect(unhandled).toEqual([]);
    expect(w.errors).toEqual([]);
    // The app still answers, and the fixture's people can still work.
    expect((await w.app.request('/api/health')).status).toBe(200);
    const mine = await w.app.request('/api/cases', { headers: { authorization: `Bearer ${w.tokens.agent}` } });
    expect(mine.status).toBe(200);
    // Both sides of the coin were exercised: plenty refused, some accepted.
    const refused = Object.entries(tally.byStatus).filter(([s]) => Number(s) >= 400).reduce((n, [, c]) => n + c, 0);
    const accepted = Object.entries(tally.byStatus).filter(([s]) => Number(s) < 400).reduce((n, [, c]) => n + c, 0);
    expect(refused).toBeGreaterThan(5_000);
    expect(accepted).toBeGreaterThan(300);
    for (const s of [400, 401, 403, 404, 413]) expect(tally.byStatus[s], `status ${s} seen`).toBeGreaterThan(0);
    // The attacks reached the defences meant for them.
    for (const code of ['CSRF', 'REPLAYED', 'STALE_SIGNATURE', 'BAD_SIGNATURE', 'SIGNATURE_REQUIRED', 'TOO_DEEP', 'PAYLOAD_TOO_LARGE', 'INVALID_CREDENTIALS', 'UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'INVALID']) {
      expect(tally.byCode[code], `error code ${code} seen`).toBeGreaterThan(0);
    }
  });
});
