// Baton's security (docs/api.md) as an attacker tries it, one door at a time: password guessing, forged and replayed
// ingest signatures, floods, oversized and deeply nested bodies, unsafe patterns, and the audit
// trail that records who came in, from where. In-process (`app.request()`) on :memory: with a
// manual clock; the real server process is exercised by security-xss.test.ts.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApp } from '../apps/runtime/src/app.ts';
import { bootstrap } from '../apps/runtime/src/auth/bootstrap.ts';
import { signBody } from '../apps/runtime/src/auth/verifySignature.ts';
import { ManualClock } from '../apps/runtime/src/clock.ts';
import { openDb } from '../apps/runtime/src/db/client.ts';
import { silentLogger } from '../apps/runtime/src/logger.ts';
import type { RuntimeConfig } from '../apps/runtime/src/config.ts';
import { complaintMap, mention } from '../apps/runtime/src/testing/fixtures.ts';
import { T0, testRuntime, withApprovedMap } from '../apps/runtime/src/testing/testApp.ts';
import { startServer } from './helpers/startServer.ts';

const PASSWORD = 'correct horse battery';
const json = { 'content-type': 'application/json' };
/** What @hono/node-server passes as the request's env: the socket the request came in on. */
const from = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });

async function bareApp(config: Partial<RuntimeConfig> = {}) {
  const clock = new ManualClock(T0);
  const app = createApp({ db: openDb(':memory:'), clock, log: silentLogger(), config });
  await bootstrap(app.rt, { BATON_ADMIN_EMAIL: 'admin@example.test', BATON_ADMIN_PASSWORD: PASSWORD, BATON_INGEST_TOKEN: 'ingest-token-for-tests' });
  const signIn = (password: string, ip = '10.0.0.1', email = 'admin@example.test') =>
    app.request('/api/session', { method: 'POST', headers: json, body: JSON.stringify({ email, password }) }, from(ip));
  return { app, clock, signIn };
}

describe('password guessing', () => {
  it('locks sign-in for an e-mail from an address after five wrong passwords, with Retry-After, even for the right one', async () => {
    const { clock, signIn } = await bareApp();
    for (let i = 1; i <= 4; i++) expect((await signIn(`wrong-${i}`)).status).toBe(401);
    const fifth = await signIn('wrong-5');
    expect(fifth.status).toBe(429);
    expect(Number(fifth.headers.get('retry-after'))).toBe(60);
    const right = await signIn(PASSWORD);
    expect(right.status).toBe(429);
    expect((await right.json()).error.code).toBe('TOO_MANY_ATTEMPTS');
    // Another address is not punished for this one's guesses.
    expect((await signIn(PASSWORD, '10.0.0.2')).status).toBe(200);
    clock.advance(60_000);
    expect((await signIn(PASSWORD)).status).toBe(200);
  });

  it('doubles the lock for each further wrong password, and a success starts the count over', async () => {
    const { clock, signIn } = await bareApp();
    for (let i = 0; i < 5; i++) await signIn('wrong');
    clock.advance(60_000);
    const sixth = await signIn('wrong');
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBe(120);
    clock.advance(120_000);
    expect((await signIn(PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await signIn('wrong')).status).toBe(401);
  });

  it('locks an address that sprays one password over many e-mails', async () => {
    const { signIn } = await bareApp();
    let last = 0;
    for (let i = 0; i < 50; i++) last = (await signIn('Summer2026!', '10.9.9.9', `user${i}@example.test`)).status;
    expect(last).toBe(429);
    expect((await signIn(PASSWORD, '10.9.9.9')).status).toBe(429);
    expect((await signIn(PASSWORD, '10.9.9.10')).status).toBe(200);
  });
});

describe('no default passwords', () => {
  it('a first start without BATON_ADMIN_* creates nobody and offers only a one-time setup secret', async () => {
    const app = createApp({ db: openDb(':memory:'), clock: new ManualClock(T0), log: silentLogger() });
    const first = await bootstrap(app.rt, {});
    expect(first.setupSecret).toMatch(/^setup_[A-Za-z0-9_-]{40,}$/);
    for (const [email, password] of [['admin', 'admin'], ['admin@example.test', 'password'], ['admin@localhost', 'baton']]) {
      const res = await app.request('/api/session', { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
      expect(res.status).toBe(401);
    }
    const body = { email: 'owner@example.test', name: 'Owner', password: 'a long enough password' };
    expect((await app.request('/api/setup', { method: 'POST', headers: json, body: JSON.stringify({ ...body, secret: 'guess' }) })).status).toBe(403);
    expect((await app.request('/api/setup', { method: 'POST', headers: json, body: JSON.stringify({ ...body, secret: first.setupSecret }) })).status).toBe(201);
    const again = await app.request('/api/setup', { method: 'POST', headers: json, body: JSON.stringify({ ...body, email: 'second@example.test', secret: first.setupSecret }) });
    expect(again.status).toBe(409);
  });
});

describe('signed ingest', () => {
  async function signedToken() {
    const t = await testRuntime();
    const created = await t.admin('POST', '/api/tokens', { name: 'listening tool', scope: 'ingest', signed: true });
    expect(created.status).toBe(201);
    expect(created.body.signingSecret).toMatch(/^bsk_/);
    const listed = await t.admin('GET', '/api/tokens');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.signingSecret);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    const send = (body: string, headers: Record<string, string>) =>
      t.app.request('/api/mentions', { method: 'POST', headers: { ...json, authorization: `Bearer ${created.body.token}`, ...headers }, body });
    return { t, secret: created.body.signingSecret as string, id: created.body.id as string, send };
  }
  const now = () => Math.floor(T0 / 1000);

  it('accepts a body signed with the token secret over "timestamp.body"', async () => {
    const { secret, send } = await signedToken();
    const body = JSON.stringify(mention('hello there'));
    const res = await send(body, { 'x-baton-timestamp': String(now()), 'x-baton-signature': signBody(secret, now(), body) });
    expect(res.status).toBe(200);
    expect((await res.json()).results[0].status).toBe('unrouted');
  });

  it('refuses missing, wrong, tampered, stale and replayed signatures with 401, ingesting nothing', async () => {
    const { t, secret, send } = await signedToken();
    const m = mention('hello there');
    const body = JSON.stringify(m);
    const good = { 'x-baton-timestamp': String(now()), 'x-baton-signature': signBody(secret, now(), body) };
    const codes = async (b: string, h: Record<string, string>) => {
      const res = await send(b, h);
      return `${res.status} ${(await res.json()).error?.code ?? ''}`.trim();
    };
    expect(await codes(body, {})).toBe('401 SIGNATURE_REQUIRED');
    expect(await codes(body, { ...good, 'x-baton-signature': signBody('bsk_not-the-secret', now(), body) })).toBe('401 BAD_SIGNATURE');
    expect(await codes(JSON.stringify({ ...m, text: 'tampered' }), good)).toBe('401 BAD_SIGNATURE');
    expect(await codes(body, { ...good, 'x-baton-signature': 'sha256=zz' })).toBe('401 BAD_SIGNATURE');
    const old = now() - 301;
    expect(await codes(body, { 'x-baton-timestamp': String(old), 'x-baton-signature': signBody(secret, old, body) })).toBe('401 STALE_SIGNATURE');
    expect((await t.admin('GET', '/api/mentions/unrouted')).body.mentions).toHaveLength(0);
    expect(await codes(body, good)).toBe('200');
    expect(await codes(body, good)).toBe('401 REPLAYED');
  });

  it('remembers accepted signatures in the database: the same signed request is refused after a restart, and old ones are pruned', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-replay-'));
    const file = join(dir, 'baton.db');
    const clock = new ManualClock(T0);
    const first = createApp({ db: openDb(file), clock, log: silentLogger() });
    await bootstrap(first.rt, { BATON_ADMIN_EMAIL: 'admin@example.test', BATON_ADMIN_PASSWORD: PASSWORD });
    const session = await (await first.request('/api/session', { method: 'POST', headers: json, body: JSON.stringify({ email: 'admin@example.test', password: PASSWORD }) })).json();
    const created = await (await first.request('/api/tokens', { method: 'POST', headers: { ...json, authorization: `Bearer ${session.token}` }, body: JSON.stringify({ name: 'tool', scope: 'ingest', signed: true }) })).json();
    const body = JSON.stringify(mention('hello before the restart'));
    const signed = { ...json, authorization: `Bearer ${created.token}`, 'x-baton-timestamp': String(now()), 'x-baton-signature': signBody(created.signingSecret, now(), body) };
    expect((await first.request('/api/mentions', { method: 'POST', headers: signed, body })).status).toBe(200);
    first.rt.db.$client.close();

    clock.advance(60_000); // a minute later, well within the 5-minute window
    const second = createApp({ db: openDb(file), clock, log: silentLogger() });
    const again = await second.request('/api/mentions', { method: 'POST', headers: signed, body });
    expect(again.status).toBe(401);
    expect((await again.json()).error.code).toBe('REPLAYED');
    // A new signature of another body still goes through, and once the window has passed the
    // remembered signature is pruned (its request would be stale by then anyway).
    clock.advance(10 * 60_000);
    const later = Math.floor(clock.now() / 1000);
    const next = JSON.stringify(mention('hello after the restart'));
    const res = await second.request('/api/mentions', { method: 'POST', headers: { ...signed, 'x-baton-timestamp': String(later), 'x-baton-signature': signBody(created.signingSecret, later, next) }, body: next });
    expect(res.status).toBe(200);
    const remembered = second.rt.db.$client.prepare('select count(*) as n from seen_signatures').get() as { n: number };
    expect(remembered.n).toBe(1);
    second.rt.db.$client.close();
  });

  it('a revoked token is refused, signed or not', async () => {
    const { t, secret, id, send } = await signedToken();
    expect((await t.admin('DELETE', `/api/tokens/${id}`)).status).toBe(204);
    const body = JSON.stringify(mention('x'));
    expect((await send(body, { 'x-baton-timestamp': String(now()), 'x-baton-signature': signBody(secret, now(), body) })).status).toBe(401);
  });

  it('an ingest token opens nothing but ingest', async () => {
    const t = await testRuntime();
    for (const [method, path] of [['GET', '/api/cases'], ['GET', '/api/users'], ['POST', '/api/tokens'], ['GET', '/api/audit'], ['GET', '/api/session']] as const) {
      const res = await t.ingest(method, path, method === 'POST' ? { name: 'x', scope: 'ingest' } : undefined);
      expect(res.status, `${method} ${path}`).toBe(403);
    }
  });
});

describe('limits', () => {
  it('answers 429 with Retry-After once an address uses up its bucket, and refills with time', async () => {
    const { app, clock } = await bareApp({ rateLimit: { ip: { perMinute: 60, burst: 5 }, token: null } });
    const hit = (ip: string) => app.request('/api/health', {}, from(ip));
    for (let i = 0; i < 5; i++) expect((await hit('10.1.1.1')).status).toBe(200);
    const refused = await hit('10.1.1.1');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect((await refused.json()).error.code).toBe('RATE_LIMITED');
    expect((await hit('10.1.1.2')).status).toBe(200);
    clock.advance(1000);
    expect((await hit('10.1.1.1')).status).toBe(200);
    // Rotating through one IPv6 /64 does not buy fresh buckets.
    for (let i = 0; i < 5; i++) expect((await hit(`2001:db8:7:7::${i + 1}`)).status).toBe(200);
    expect((await hit('2001:db8:7:7:ffff::99')).status).toBe(429);
    expect((await hit('2001:db8:7:8::1')).status).toBe(200);
  });

  it('limits each ingest token on its own, whichever address it comes from', async () => {
    const { app } = await bareApp({ rateLimit: { ip: null, token: { perMinute: 6, burst: 3 } } });
    const post = (ip: string) =>
      app.request('/api/mentions', { method: 'POST', headers: { ...json, authorization: 'Bearer ingest-token-for-tests' }, body: JSON.stringify(mention('hi')) }, from(ip));
    for (let i = 0; i < 3; i++) expect((await post(`10.2.0.${i}`)).status).toBe(200);
    const refused = await post('10.2.0.99');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBe(10);
  });

  it('refuses a body over the size limit and a batch over 1,000 with 413, deep nesting with 400', async () => {
    const { app } = await bareApp({ bodyLimit: 64 * 1024 });
    const post = (body: string) => app.request('/api/mentions', { method: 'POST', headers: { ...json, authorization: 'Bearer ingest-token-for-tests' }, body });
    expect((await post(JSON.stringify(mention('x'.repeat(70_000))))).status).toBe(413);
    const big = await bareApp();
    const many = Array.from({ length: 1001 }, (_, i) => mention(`m${i}`));
    const res = await big.app.request('/api/mentions', { method: 'POST', headers: { ...json, authorization: 'Bearer ingest-token-for-tests' }, body: JSON.stringify(many) });
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe('TOO_MANY');
    const deep = '['.repeat(10_000) + ']'.repeat(10_000);
    const nested = await post(deep);
    expect(nested.status).toBe(400);
    expect((await nested.json()).error.code).toBe('TOO_DEEP');
    expect((await post(JSON.stringify({ ...mention('x'), text: 'y'.repeat(20_001) }))).status).toBe(400);
  });

  it('refuses to save a map whose regular expression could backtrack or is not RE2, and saves a safe one', async () => {
    const t = await testRuntime();
    await t.admin('POST', '/api/teams', { id: 'social', name: 'Social' });
    const map = complaintMap();
    const withPattern = (value: string) => ({
      ...map, nodes: map.nodes.map((n) => (n.type === 'trigger' ? { ...n, when: { field: 'text', op: 'matches', value } } : n)),
    });
    for (const pattern of ['(a+)+\\1', '(?=admin)x', '(?<!no)way', '[unclosed']) {
      const res = await t.admin('POST', '/api/maps', withPattern(pattern));
      expect(res.status, pattern).toBe(422);
      expect(res.body.error.code).toBe('UNSAFE_REGEX');
    }
    expect((await t.admin('POST', '/api/maps', withPattern('(?i)order #?\\d{5,}'))).status).toBe(201);
    expect((await t.admin('PUT', `/api/maps/${map.id}`, withPattern('(x+x+)+y\\1'))).status).toBe(422);
  });
});

describe('browser protections', () => {
  it('sends a CSP without inline scripts, nosniff and no framing on pages and API answers', async () => {
    const { app } = await bareApp();
    for (const path of ['/', '/api/health', '/api/nope']) {
      const res = await app.request(path);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
    }
  });

  it('marks the session cookie HttpOnly, SameSite and Secure behind TLS; the CSRF cookie readable', async () => {
    const { app } = await bareApp();
    const res = await app.request('https://baton.example.test/api/session', { method: 'POST', headers: json, body: JSON.stringify({ email: 'admin@example.test', password: PASSWORD }) });
    const cookies = res.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('baton_session='))!;
    const csrf = cookies.find((c) => c.startsWith('baton_csrf='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=(Lax|Strict)/);
    expect(session).toMatch(/Secure/);
    expect(csrf).not.toMatch(/HttpOnly/);
  });

  it('an idle session expires', async () => {
    const { app, clock } = await bareApp({ sessionIdleMs: 60 * 60_000 });
    const res = await app.request('/api/session', { method: 'POST', headers: json, body: JSON.stringify({ email: 'admin@example.test', password: PASSWORD }) });
    const { token } = await res.json();
    const me = () => app.request('/api/session', { headers: { authorization: `Bearer ${token}` } });
    expect((await me()).status).toBe(200);
    clock.advance(60 * 60_000 + 1);
    expect((await me()).status).toBe(401);
  });

  it('a session used every day still ends after the absolute cap (30 days by default), by bearer or cookie', async () => {
    const { app, clock } = await bareApp();
    expect(app.rt.config.sessionMaxMs).toBe(30 * 24 * 3_600_000);
    const res = await app.request('/api/session', { method: 'POST', headers: json, body: JSON.stringify({ email: 'admin@example.test', password: PASSWORD }) });
    const { token } = await res.json();
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
    const byBearer = () => app.request('/api/session', { headers: { authorization: `Bearer ${token}` } });
    const byCookie = () => app.request('/api/session', { headers: { cookie } });
    for (let day = 1; day < 30; day++) {
      clock.advance(24 * 3_600_000);
      expect((await byBearer()).status, `day ${day}`).toBe(200);
    }
    clock.advance(24 * 3_600_000); // day 30: never idle for more than a day, but 30 days old
    for (const res of [await byBearer(), await byCookie()]) {
      expect(res.status).toBe(401);
      expect((await res.json()).error).toMatchObject({ code: 'SESSION_ENDED', message: 'Your session has ended; sign in again' });
    }
    // The stale cookie does not stand in the way of signing in again.
    const again = await app.request('/api/session', { method: 'POST', headers: { ...json, cookie }, body: JSON.stringify({ email: 'admin@example.test', password: PASSWORD }) });
    expect(again.status).toBe(200);
  });
});

describe('audit', () => {
  it('records sign-ins, failed ones, claims, outcomes, approvals, token and directory changes with who, when and from where', async () => {
    const t = await testRuntime();
    const people = await withApprovedMap(t, complaintMap());
    await t.app.request('/api/session', { method: 'POST', headers: json, body: JSON.stringify({ email: 'care1@example.test', password: 'not it' }) }, from('203.0.113.7'));
    const token = await t.admin('POST', '/api/tokens', { name: 'tool', scope: 'ingest' });
    await t.admin('DELETE', `/api/tokens/${token.body.id}`);
    const routed = await t.ingest('POST', '/api/mentions', mention('my phone is broken'));
    const caseId = routed.body.results[0].caseId;
    await people.hub('POST', `/api/cases/${caseId}/checklist`, { item: 'Screenshot' });
    await people.hub('POST', `/api/cases/${caseId}/checklist`, { item: 'Check CRM' });
    expect((await people.care1('POST', `/api/cases/${caseId}/claim`)).status).toBe(200);
    expect((await people.care1('POST', `/api/cases/${caseId}/outcome`, { outcome: 'resolved' })).status).toBe(200);

    const log = await t.admin('GET', '/api/audit?limit=1000');
    expect(log.status).toBe(200);
    const actions = log.body.entries.map((e: { action: string }) => e.action);
    for (const a of ['session.login', 'session.login.failed', 'user.create', 'team.create', 'token.create', 'token.revoke', 'map.create', 'map.submit', 'map.approved', 'case.claim', 'case.outcome']) {
      expect(actions, a).toContain(a);
    }
    const failed = log.body.entries.find((e: { action: string }) => e.action === 'session.login.failed');
    expect(failed).toMatchObject({ ip: '203.0.113.7', target: 'care1@example.test', actor: people.care1.id });
    const claim = log.body.entries.find((e: { action: string }) => e.action === 'case.claim');
    expect(claim).toMatchObject({ actor: people.care1.id, actorEmail: 'care1@example.test', target: caseId, ip: 'local' });
    expect(Date.parse(claim.at)).toBe(T0);

    const mine = await t.admin('GET', `/api/audit?actor=care1@example.test&action=case.*`);
    expect(mine.body.entries.map((e: { action: string }) => e.action).sort()).toEqual(['case.claim', 'case.outcome']);

    expect((await people.care1('GET', '/api/audit')).status).toBe(403);
    expect((await people.approver('GET', '/api/audit/export')).status).toBe(403);
    expect((await t.anonymous('GET', '/api/audit')).status).toBe(401);
  });

  it('role, team and account changes take effect at once and are audited with before and after', async () => {
    const t = await testRuntime();
    await t.admin('POST', '/api/teams', { id: 'care', name: 'Care' });
    const ana = await t.user('ana@example.test', ['agent'], ['care']);
    expect((await ana('GET', '/api/users')).status).toBe(403);
    const promoted = await t.admin('PATCH', `/api/users/${ana.id}`, { roles: ['agent', 'admin'], teams: [] });
    expect(promoted.status).toBe(200);
    expect(promoted.body.user).toMatchObject({ roles: ['agent', 'admin'], teams: [] });
    expect((await ana('GET', '/api/users')).status).toBe(200); // the same session, the new role
    expect((await t.admin('PATCH', `/api/users/${ana.id}`, { teams: ['nope'] })).status).toBe(422);
    expect((await t.admin('PATCH', `/api/users/${ana.id}`, { disabled: true })).status).toBe(200);
    expect((await ana('GET', '/api/session')).status).toBe(401);
    expect((await t.anonymous('POST', '/api/session', { email: 'ana@example.test', password: PASSWORD })).status).toBe(401);
    const me = (await t.admin('GET', '/api/session')).body.user.id;
    expect((await t.admin('PATCH', `/api/users/${me}`, { roles: ['manager'] })).status).toBe(409);
    expect((await t.admin('PATCH', `/api/users/${me}`, { disabled: true })).status).toBe(409);
    const log = (await t.admin('GET', `/api/audit?target=${ana.id}`)).body.entries;
    expect(log.find((e: { action: string }) => e.action === 'user.roles').data).toEqual({ from: ['agent'], to: ['agent', 'admin'] });
    expect(log.find((e: { action: string }) => e.action === 'user.teams').data).toEqual({ from: ['care'], to: [] });
    expect(log.map((e: { action: string }) => e.action)).toContain('user.disable');
  });

  it('exports as CSV (formulas defused) and NDJSON, for admins only', async () => {
    const t = await testRuntime();
    await t.admin('POST', '/api/tokens', { name: '=HYPERLINK("http://evil.example","click")', scope: 'ingest' });
    const csv = await t.app.request('/api/audit/export?format=csv', { headers: { authorization: (await signInToken(t)) } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="baton-audit-.*\.csv"/);
    const text = await csv.text();
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header).toBe('id,at,actor,actorEmail,action,target,ip,requestId,data');
    expect(rows.some((r) => r.includes('"token.create"'))).toBe(true);
    expect(text).not.toMatch(/(^|,)"=HYPERLINK/m);
    const nd = await t.app.request('/api/audit/export?format=ndjson', { headers: { authorization: (await signInToken(t)) } });
    const lines = (await nd.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines[0].action).toBe('setup.env');
    expect(lines.some((l) => l.action === 'token.create' && l.data.name.startsWith('=HYPERLINK'))).toBe(true);
  });
});

async function signInToken(t: Awaited<ReturnType<typeof testRuntime>>): Promise<string> {
  const res = await t.anonymous('POST', '/api/session', { email: 'admin@example.test', password: PASSWORD });
  return `Bearer ${res.body.token}`;
}

describe('the real server process', () => {
  it('reads BATON_RATE_LIMIT, limits by the socket address, locks sign-in and audits the address', async () => {
    const server = await startServer({ env: { BATON_SKIP_WEB_BUILD: '1', BATON_RATE_LIMIT: 'ip=600/40' } });
    try {
      const signIn = (password: string) => fetch(`${server.url}/api/session`, { method: 'POST', headers: json, body: JSON.stringify({ email: server.adminEmail, password }) });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await signIn('not the password')).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429]);
      const locked = await signIn(server.adminPassword);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      // A forged X-Forwarded-For does not buy a fresh address: the proxy is not trusted by default.
      const forged = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { ...json, 'x-forwarded-for': '203.0.113.99' }, body: JSON.stringify({ email: server.adminEmail, password: server.adminPassword }) });
      expect(forged.status).toBe(429);
      let limited: Response | undefined;
      for (let i = 0; i < 60 && !limited; i++) {
        const res = await fetch(`${server.url}/api/health`);
        if (res.status === 429) limited = res;
      }
      expect(limited?.status).toBe(429);
      expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(server.output()).not.toMatch(/"level":"error"/);
    } finally {
      await server.stop();
    }
    // What the audit log recorded, read straight from the database file the server used.
    const db = openDb(server.dbPath);
    const failed = db.$client.prepare("select ip, target from audit_log where action = 'session.login.failed'").all() as { ip: string; target: string }[];
    expect(failed).toHaveLength(5); // the fifth is the one that locked
    for (const row of failed) expect(row).toEqual({ ip: expect.stringMatching(/^(::ffff:)?127\.0\.0\.1$/), target: server.adminEmail });
    db.$client.close();
  }, 120_000);
});
