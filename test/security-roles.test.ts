// The role matrix (docs/api.md): every API route the app serves × every kind of caller — anonymous,
// an ingest token, and people holding each role — against the status they must get. The route
// list comes from the app itself, so a new route without a row here fails the first test.
// Each cell runs on its own copy of one prepared database (SQLite serialize), so a cell that
// approves, revokes or signs out cannot change what the next cell sees.
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, type BatonApp } from '../apps/runtime/src/app.ts';
import { ManualClock } from '../apps/runtime/src/clock.ts';
import type { Db } from '../apps/runtime/src/db/client.ts';
import * as schema from '../apps/runtime/src/db/schema.ts';
import { silentLogger } from '../apps/runtime/src/logger.ts';
import { complaintMap, mention } from '../apps/runtime/src/testing/fixtures.ts';
import { T0, testRuntime, withApprovedMap } from '../apps/runtime/src/testing/testApp.ts';

const PRINCIPALS = ['anonymous', 'ingest', 'admin', 'approver', 'manager', 'agent', 'outsider'] as const;
type Principal = (typeof PRINCIPALS)[number];
type Expected = Record<Principal, number>;

/** Expected statuses in PRINCIPALS order. */
const as = (...s: number[]): Expected => Object.fromEntries(PRINCIPALS.map((p, i) => [p, s[i]!])) as Expected;
/** Any signed-in person gets `ok`; nobody else gets in. */
const people = (ok: number) => as(401, 403, ok, ok, ok, ok, ok);
/** Only the listed roles get `ok`; other people 403. */
const only = (ok: number, ...who: Principal[]) => as(401, 403, ...(['admin', 'approver', 'manager', 'agent', 'outsider'] as const).map((p) => (who.includes(p) ? ok : 403)));
const everyone = (s: number) => as(s, s, s, s, s, s, s);

const SCENARIO = {
  format: 'baton.scenario/v1', name: 'one complaint', start: '2026-01-01T09:00:00Z',
  mentions: [{ at: 'PT0S', mention: { id: 'twitter:sim-1', network: 'twitter', author: { handle: '@ana' }, text: 'it is broken', createdAt: '2026-01-01T09:00:00Z' } }],
  staff: { social: { members: 1, responseTime: 'PT1M' }, care: { members: 1, responseTime: 'PT5M' }, supervisors: { members: 1, responseTime: 'PT5M' } },
};

/** A scenario whose one mention comes an hour in, so a drill started on it feeds nothing while the matrix runs. */
const LATER = { ...SCENARIO, name: 'one complaint, later', mentions: [{ ...SCENARIO.mentions[0]!, at: 'PT1H' }] };

interface Fixture {
  image: Buffer;
  tokens: Record<Principal, string | null>;
  ids: {
    agent: string; outsider: string; ingestToken: string; preparing: string; waiting: string; held: string; closing: string; notification: number; unrouted: string; source: string; reply: string; canned: number; failedDelivery: number;
    drill: string; kept: string; saved: number; hook: number;
  };
}

/** One request per route, with the statuses each caller must get. */
function matrix(f: Fixture): Record<string, { path: string; body?: unknown; expect: Expected }> {
  const { ids } = f;
  const map = complaintMap();
  return {
    'GET /api/health': { path: '/api/health', expect: everyone(200) },
    'GET /api/openapi.json': { path: '/api/openapi.json', expect: everyone(200) },
    'GET /api/docs': { path: '/api/docs', expect: everyone(200) },
    'GET /api/setup': { path: '/api/setup', expect: everyone(200) },
    'POST /api/setup': { path: '/api/setup', body: { secret: 'setup_guess', email: 'x@example.test', name: 'X', password: 'a long password' }, expect: everyone(409) },
    'POST /api/session': { path: '/api/session', body: { email: 'agent@example.test', password: 'correct horse battery' }, expect: everyone(200) },
    'GET /api/session': { path: '/api/session', expect: people(200) },
    'DELETE /api/session': { path: '/api/session', expect: people(204) },
    'GET /api/users': { path: '/api/users', expect: only(200, 'admin') },
    'POST /api/users': { path: '/api/users', body: { email: 'new@example.test', name: 'New', password: 'a long password', roles: ['admin'], teams: [] }, expect: only(201, 'admin') },
    'PATCH /api/users/:id': { path: `/api/users/${ids.outsider}`, body: { roles: ['agent', 'manager'] }, expect: only(200, 'admin') },
    'GET /api/teams': { path: '/api/teams', expect: people(200) },
    'POST /api/teams': { path: '/api/teams', body: { id: 'newteam', name: 'New team' }, expect: only(201, 'admin') },
    'POST /api/teams/:id/members': { path: '/api/teams/care/members', body: { userId: ids.outsider }, expect: only(200, 'admin') },
    'DELETE /api/teams/:id/members/:userId': { path: `/api/teams/care/members/${ids.agent}`, expect: only(204, 'admin') },
    'GET /api/tokens': { path: '/api/tokens', expect: only(200, 'admin') },
    'POST /api/tokens': { path: '/api/tokens', body: { name: 'another tool', scope: 'ingest' }, expect: only(201, 'admin') },
    'DELETE /api/tokens/:id': { path: `/api/tokens/${ids.ingestToken}`, expect: only(204, 'admin') },
    // Sources: admins run them; managers may see how they do.
    'GET /api/sources': { path: '/api/sources', expect: only(200, 'admin', 'manager') },
    'POST /api/sources': { path: '/api/sources', body: { kind: 'rss', name: 'Forum', settings: { url: 'https://forum.example/feed.xml' } }, expect: only(201, 'admin') },
    'POST /api/sources/:id/pause': { path: `/api/sources/${ids.source}/pause`, expect: only(200, 'admin') },
    'POST /api/sources/:id/resume': { path: `/api/sources/${ids.source}/resume`, expect: only(200, 'admin') },
    'DELETE /api/sources/:id': { path: `/api/sources/${ids.source}`, expect: only(204, 'admin') },
    'GET /api/audit': { path: '/api/audit', expect: only(200, 'admin') },
    'GET /api/audit/export': { path: '/api/audit/export', expect: only(200, 'admin') },
    'GET /api/maps': { path: '/api/maps', expect: people(200) },
    'POST /api/maps': { path: '/api/maps', body: { ...map, id: 'fresh' }, expect: only(201, 'admin', 'manager') },
    'POST /api/maps/validate': { path: '/api/maps/validate', body: map, expect: people(200) },
    'GET /api/maps/:id': { path: '/api/maps/complaints', expect: people(200) },
    'GET /api/maps/:id/versions': { path: '/api/maps/complaints/versions', expect: people(200) },
    'GET /api/maps/:id/versions/:version': { path: '/api/maps/complaints/versions/1', expect: people(200) },
    'PUT /api/maps/:id': { path: '/api/maps/complaints', body: { ...map, name: 'Complaints, edited' }, expect: only(200, 'admin', 'manager') },
    'POST /api/maps/:id/submit': { path: '/api/maps/complaints/submit', expect: only(200, 'admin', 'manager') },
    'POST /api/maps/:id/versions/:version/approve': { path: '/api/maps/review/versions/1/approve', body: {}, expect: only(200, 'approver') },
    'POST /api/maps/:id/versions/:version/reject': { path: '/api/maps/review/versions/1/reject', body: { comment: 'Not yet' }, expect: only(200, 'approver') },
    'POST /api/maps/:id/versions/:version/retire': { path: '/api/maps/complaints/versions/1/retire', body: {}, expect: only(200, 'approver', 'admin') },
    'POST /api/maps/:id/simulate': { path: '/api/maps/complaints/simulate', body: { version: 'active', scenario: SCENARIO }, expect: only(200, 'admin', 'approver', 'manager') },
    'GET /api/maps/:id/diff': { path: '/api/maps/complaints/diff', expect: people(200) },
    'POST /api/mentions': { path: '/api/mentions', body: mention('my parcel is broken'), expect: as(401, 200, 200, 403, 200, 403, 403) },
    // Triage is the hub's work (the agent is in social, the map's hub; the outsider is not), managers' and admins'.
    'GET /api/mentions/unrouted': { path: '/api/mentions/unrouted', expect: as(401, 403, 200, 403, 200, 200, 403) },
    'POST /api/mentions/:id/start': { path: `/api/mentions/${ids.unrouted}/start`, body: { mapId: 'complaints' }, expect: as(401, 403, 201, 403, 201, 201, 403) },
    'POST /api/mentions/:id/tags': { path: `/api/mentions/${ids.unrouted}/tags`, body: { add: ['press'] }, expect: as(401, 403, 200, 403, 200, 200, 403) },
    'POST /api/mentions/:id/dismiss': { path: `/api/mentions/${ids.unrouted}/dismiss`, body: { reason: 'Not about us' }, expect: as(401, 403, 200, 403, 200, 200, 403) },
    'GET /api/cases': { path: '/api/cases', expect: people(200) },
    'POST /api/cases/next': { path: '/api/cases/next', body: { team: 'care' }, expect: only(200, 'admin', 'manager', 'agent') },
    // Another team's case is 404, as a case that does not exist is: an agent cannot learn it exists.
    'GET /api/cases/:id': { path: `/api/cases/${ids.waiting}`, expect: as(401, 403, 200, 200, 200, 200, 404) },
    'POST /api/cases/:id/claim': { path: `/api/cases/${ids.waiting}/claim`, body: {}, expect: as(401, 403, 200, 403, 200, 200, 404) },
    'POST /api/cases/:id/release': { path: `/api/cases/${ids.held}/release`, expect: as(401, 403, 200, 403, 200, 200, 404) },
    // Take-over: managers and admins only, with a reason; an agent (the holder here) is refused by role; the outsider cannot see the case.
    'POST /api/cases/:id/takeover': { path: `/api/cases/${ids.held}/takeover`, body: { reason: 'Covering for them' }, expect: as(401, 403, 200, 403, 200, 403, 404) },
    'POST /api/cases/:id/checklist': { path: `/api/cases/${ids.preparing}/checklist`, body: { item: 'Screenshot' }, expect: as(401, 403, 200, 403, 200, 200, 404) },
    'POST /api/cases/:id/outcome': { path: `/api/cases/${ids.waiting}/outcome`, body: { outcome: 'resolved' }, expect: as(401, 403, 200, 403, 200, 200, 404) },
    'POST /api/cases/:id/notes': { path: `/api/cases/${ids.waiting}/notes`, body: { text: 'Called the customer' }, expect: as(401, 403, 200, 403, 200, 200, 404) },
    'POST /api/cases/:id/tags': { path: `/api/cases/${ids.waiting}/tags`, body: { add: ['vip'] }, expect: as(401, 403, 200, 403, 200, 200, 404) },
    // The lesson is written by whoever held the case when it ended (the agent here), or an admin or manager in their stead.
    'POST /api/cases/:id/lessons': { path: `/api/cases/${ids.closing}/lessons`, body: { text: 'Answer sooner' }, expect: as(401, 403, 200, 403, 200, 200, 404) },
    // Presence: whoever may see the case says they are looking at it (or no longer); another team's case is 404.
    'POST /api/cases/:id/viewing': { path: `/api/cases/${ids.waiting}/viewing`, expect: as(401, 403, 200, 200, 200, 200, 404) },
    'DELETE /api/cases/:id/viewing': { path: `/api/cases/${ids.waiting}/viewing`, expect: as(401, 403, 204, 204, 204, 204, 404) },
    // Reports: admins, managers and approvers read all; an agent only names a team of theirs (the agent is in care, the outsider is not).
    'GET /api/reports/summary': { path: '/api/reports/summary', expect: only(200, 'admin', 'approver', 'manager') },
    'GET /api/reports/lessons': { path: '/api/reports/lessons?team=care', expect: as(401, 403, 200, 200, 200, 200, 403) },
    'GET /api/events': { path: '/api/events', expect: people(200) },
    'GET /api/notifications': { path: '/api/notifications', expect: people(200) },
    // Only the person told may mark it read; to anyone else it does not exist.
    'POST /api/notifications/:id/read': { path: `/api/notifications/${ids.notification}/read`, expect: as(401, 403, 404, 404, 404, 404, 204) },
    'POST /api/notifications/read': { path: '/api/notifications/read', expect: people(200) },
    // Only the holder replies (the agent holds `held`); others who see the case are told who holds it (409); another team's case is 404.
    'POST /api/cases/:id/replies': { path: `/api/cases/${ids.held}/replies`, body: { text: 'Sorry about that' }, expect: as(401, 403, 409, 403, 409, 202, 404) },
    'POST /api/cases/:id/replies/:replyId/retry': { path: `/api/cases/${ids.held}/replies/${ids.reply}/retry`, expect: as(401, 403, 202, 403, 409, 202, 404) },
    // Canned replies: the team's members, managers and admins read; managers and admins write.
    'GET /api/teams/:id/replies': { path: '/api/teams/care/replies', expect: as(401, 403, 200, 403, 200, 200, 403) },
    'POST /api/teams/:id/replies': { path: '/api/teams/care/replies', body: { title: 'Thanks', text: 'Thank you {author.name}' }, expect: only(201, 'admin', 'manager') },
    'DELETE /api/teams/:id/replies/:replyId': { path: `/api/teams/care/replies/${ids.canned}`, expect: only(204, 'admin', 'manager') },
    'GET /api/deliveries': { path: '/api/deliveries?state=failed', expect: only(200, 'admin') },
    'POST /api/deliveries/:id/retry': { path: `/api/deliveries/${ids.failedDelivery}/retry`, expect: only(202, 'admin') },
    'POST /api/webhooks/secret/rotate': { path: '/api/webhooks/secret/rotate', expect: only(200, 'admin') },
    // Interaction webhooks (a CRM receives the care record): admins only.
    'GET /api/webhooks/interactions': { path: '/api/webhooks/interactions', expect: only(200, 'admin') },
    'POST /api/webhooks/interactions': { path: '/api/webhooks/interactions', body: { url: 'https://crm.example/hook' }, expect: only(201, 'admin') },
    'DELETE /api/webhooks/interactions/:hookId': { path: `/api/webhooks/interactions/${ids.hook}`, expect: only(204, 'admin') },
    'PATCH /api/teams/:id': { path: '/api/teams/care', body: { maxPerMember: 5 }, expect: only(200, 'admin') },
    // Live drills: managers and admins start and stop them; approvers read them; agents do not.
    'POST /api/drills': { path: '/api/drills', body: { mapId: 'complaints', version: 1, scenario: LATER, speed: 1, teams: ['supervisors'] }, expect: only(201, 'admin', 'manager') },
    'GET /api/drills': { path: '/api/drills', expect: only(200, 'admin', 'approver', 'manager') },
    'GET /api/drills/:id': { path: `/api/drills/${ids.drill}`, expect: only(200, 'admin', 'approver', 'manager') },
    'GET /api/drills/:id/report': { path: `/api/drills/${ids.drill}/report`, expect: only(200, 'admin', 'approver', 'manager') },
    'POST /api/drills/:id/stop': { path: `/api/drills/${ids.drill}/stop`, expect: only(200, 'admin', 'manager') },
    // Rehearsal: kept scenarios, replay and evidence are read by those who write or decide on maps; managers and admins keep scenarios.
    'GET /api/maps/:id/scenarios': { path: '/api/maps/complaints/scenarios', expect: only(200, 'admin', 'approver', 'manager') },
    'POST /api/maps/:id/scenarios': { path: '/api/maps/complaints/scenarios', body: { scenario: SCENARIO }, expect: only(201, 'admin', 'manager') },
    'PUT /api/maps/:id/scenarios/:scenarioId': { path: `/api/maps/complaints/scenarios/${ids.kept}`, body: { scenario: { ...SCENARIO, name: 'one complaint, edited' } }, expect: only(200, 'admin', 'manager') },
    'DELETE /api/maps/:id/scenarios/:scenarioId': { path: `/api/maps/complaints/scenarios/${ids.kept}`, expect: only(200, 'admin', 'manager') },
    'POST /api/maps/:id/replay': { path: '/api/maps/complaints/replay', body: { version: 'draft', days: 7 }, expect: only(200, 'admin', 'approver', 'manager') },
    'GET /api/maps/:id/versions/:version/evidence': { path: '/api/maps/review/versions/1/evidence', expect: only(200, 'admin', 'approver', 'manager') },
    'GET /api/maps/:id/lessons': { path: '/api/maps/complaints/lessons', expect: people(200) },
    // Offline contacts: only the holder logs one (others who see the case are told who holds it); another team's case is 404.
    'GET /api/cases/:id/contacts': { path: `/api/cases/${ids.held}/contacts`, expect: as(401, 403, 200, 200, 200, 200, 404) },
    'POST /api/cases/:id/contacts': { path: `/api/cases/${ids.held}/contacts`, body: { kind: 'phone', summary: 'Called Ana back' }, expect: as(401, 403, 409, 403, 409, 201, 404) },
    // A customer's record holds only the cases the caller may see: the outsider sees none of Ana's, so to them she does not exist.
    'GET /api/people/:network/:handle': { path: '/api/people/twitter/ana', expect: as(401, 403, 200, 200, 200, 200, 404) },
    'GET /api/people/:network/:handle/export': { path: '/api/people/twitter/ana/export', expect: as(401, 403, 200, 200, 200, 200, 404) },
    'POST /api/people/link': { path: '/api/people/link', body: { handles: [{ network: 'twitter', handle: '@ana' }, { network: 'mastodon', handle: '@ana@social.example' }] }, expect: only(200, 'admin', 'manager', 'agent', 'outsider') },
    // Erasing a person is for admins alone.
    'DELETE /api/people/:network/:handle': { path: '/api/people/twitter/ana', expect: only(200, 'admin') },
    // Saved searches belong to one person: someone else's is 404 to everyone but its owner (the agent).
    'GET /api/search/saved': { path: '/api/search/saved', expect: people(200) },
    'POST /api/search/saved': { path: '/api/search/saved', body: { name: 'Refunds', query: 'q=refund' }, expect: people(201) },
    'DELETE /api/search/saved/:searchId': { path: `/api/search/saved/${ids.saved}`, expect: as(401, 403, 404, 404, 404, 204, 404) },
    'GET /api/search/done': { path: '/api/search/done', expect: people(200) },
    // The digest: those who see all teams, and the hub's listening officers (the agent is in social, the outsider is not).
    'GET /api/digest': { path: '/api/digest', expect: as(401, 403, 200, 200, 200, 200, 403) },
    'GET /api/digest/subscription': { path: '/api/digest/subscription', expect: as(401, 403, 200, 200, 200, 200, 403) },
    'PUT /api/digest/subscription': { path: '/api/digest/subscription', body: { email: true }, expect: as(401, 403, 200, 200, 200, 200, 403) },
    // Per-agent figures: like the other reports, an agent reads only a team of theirs.
    'GET /api/reports/agents': { path: '/api/reports/agents?team=care', expect: as(401, 403, 200, 200, 200, 200, 403) },
  };
}

/** `METHOD /path` of every API route the app serves (validators and middleware folded away). */
function routesOf(app: BatonApp): string[] {
  const keys = app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/') && !r.path.includes('*'))
    .map((r) => `${r.method} ${r.path}`);
  return [...new Set(keys)].sort();
}

/** A fresh app on a private copy of the prepared database. */
function appFrom(image: Buffer): BatonApp {
  const sqlite = new Database(image);
  sqlite.pragma('foreign_keys = ON');
  const db = drizzle(sqlite, { schema }) as unknown as Db;
  return createApp({ db, clock: new ManualClock(T0), log: silentLogger(), config: { rateLimit: { ip: null, token: null } } });
}

async function prepare(): Promise<Fixture> {
  const t = await testRuntime();
  for (const [id, name] of [['social', 'Social Hub'], ['care', 'Customer Care'], ['supervisors', 'Supervisors']] as const) {
    await t.admin('POST', '/api/teams', { id, name });
  }
  // People who set the scene; none of them is a principal, so nobody in the matrix authored anything.
  const author = await t.user('author@example.test', ['manager']);
  const decider = await t.user('decider@example.test', ['approver']);
  const worker = await t.user('worker@example.test', ['agent'], ['social', 'care']);
  const principals = {
    admin: await t.user('admin-only@example.test', ['admin']),
    approver: await t.user('approver@example.test', ['approver']),
    manager: await t.user('manager@example.test', ['manager']),
    agent: await t.user('agent@example.test', ['agent'], ['social', 'care']),
    outsider: await t.user('outsider@example.test', ['agent'], ['supervisors']),
  };
  const map = complaintMap();
  const ok = (res: { status: number; body: unknown }, status = 200) => {
    if (res.status !== status) throw new Error(`fixture step answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body as any;
  };
  ok(await author('POST', '/api/maps', map), 201);
  ok(await author('POST', '/api/maps/complaints/submit'));
  ok(await decider('POST', '/api/maps/complaints/versions/1/approve', {}));
  ok(await author('PUT', '/api/maps/complaints', { ...map, name: 'Complaints v2' }));
  ok(await author('POST', '/api/maps', { ...map, id: 'review', name: 'Under review' }), 201);
  ok(await author('POST', '/api/maps/review/submit'));

  const open = async () => ok(await t.ingest('POST', '/api/mentions', mention('it arrived broken'))).results[0].caseId as string;
  const prepared = async (id: string) => {
    ok(await worker('POST', `/api/cases/${id}/checklist`, { item: 'Screenshot' }));
    ok(await worker('POST', `/api/cases/${id}/checklist`, { item: 'Check CRM' }));
    return id;
  };
  const preparing = await open();
  const waiting = await prepared(await open());
  const held = await prepared(await open());
  ok(await principals.agent('POST', `/api/cases/${held}/claim`, {}));
  const closing = await prepared(await open());
  ok(await principals.agent('POST', `/api/cases/${closing}/outcome`, { outcome: 'escalate' }));
  // Someone other than Ana, so Ana's record holds only routed cases (and the unrouted mention stays untouched by her erasure).
  const unrouted = mention('lovely weather today', { author: { handle: '@sky' } });
  if (ok(await t.ingest('POST', '/api/mentions', unrouted)).results[0].status !== 'unrouted') throw new Error('fixture: the mention should stay unrouted');
  const token = ok(await t.admin('GET', '/api/tokens')).tokens[0].id as string;
  const source = ok(await t.admin('POST', '/api/sources', { kind: 'rss', name: 'Reviews', settings: { url: 'https://reviews.example/feed.xml' } }), 201).id as string;
  // Four complaints at once set off the map's crisis, which tells the supervisors' team in the app.
  await t.app.outbox.deliverDue();
  const notification = ok(await principals.outsider('GET', '/api/notifications')).notifications[0]?.id as number;
  if (!notification) throw new Error('fixture: the crisis should have notified the supervisors');
  // A reply no source can post fails at once: a failed reply, and a failed delivery for admins.
  const reply = ok(await principals.agent('POST', `/api/cases/${held}/replies`, { text: 'We are on it' }), 202).id as string;
  await t.app.outbox.deliverDue();
  const failedDelivery = (ok(await t.admin('GET', '/api/deliveries')).deliveries as { id: number; kind: string }[]).find((d) => d.kind === 'reply')?.id;
  if (!failedDelivery) throw new Error('fixture: the reply should have failed');
  const canned = ok(await author('POST', '/api/teams/care/replies', { title: 'Apology', text: 'Sorry {author.name}' }), 201).id as number;
  const kept = ok(await author('POST', '/api/maps/complaints/scenarios', { scenario: SCENARIO }), 201).id as string;
  const saved = ok(await principals.agent('POST', '/api/search/saved', { name: 'Broken', query: 'q=broken' }), 201).id as number;
  const hook = ok(await t.admin('POST', '/api/webhooks/interactions', { url: 'https://crm.example/baton' }), 201).id as number;
  // Last, so nothing above happens during it; its one mention comes an hour in.
  const drill = ok(await author('POST', '/api/drills', { mapId: 'complaints', version: 1, scenario: LATER, speed: 1, teams: ['supervisors'] }), 201).id as string;

  const tokens = { anonymous: null, ingest: 'ingest-token-for-tests' } as Record<Principal, string | null>;
  for (const [p, call] of Object.entries(principals)) {
    const res = await t.anonymous('POST', '/api/session', { email: `${p === 'admin' ? 'admin-only' : p}@example.test`, password: 'correct horse battery' });
    tokens[p as Principal] = res.body.token;
    void call;
  }
  return {
    image: t.app.rt.db.$client.serialize(),
    tokens,
    ids: { agent: principals.agent.id, outsider: principals.outsider.id, ingestToken: token, preparing, waiting, held, closing, notification, unrouted: encodeURIComponent(unrouted.id), source, reply, canned, failedDelivery, drill, kept, saved, hook },
  };
}

describe('role matrix', () => {
  let f: Fixture;
  beforeAll(async () => {
    f = await prepare();
  });

  it('has a row for every API route the app serves, and no row for a route it lacks', () => {
    const served = routesOf(appFrom(f.image));
    const listed = Object.keys(matrix(f)).sort();
    expect(served.filter((r) => !listed.includes(r)), 'routes without a matrix row').toEqual([]);
    expect(listed.filter((r) => !served.includes(r)), 'matrix rows for routes the app lacks').toEqual([]);
  });

  it('answers every route × caller with the expected status', async () => {
    const rows = matrix(f);
    const wrong: string[] = [];
    let cells = 0;
    for (const [key, row] of Object.entries(rows)) {
      const method = key.split(' ')[0]!;
      for (const who of PRINCIPALS) {
        const app = appFrom(f.image);
        const headers: Record<string, string> = {};
        const token = f.tokens[who];
        if (token) headers.authorization = `Bearer ${token}`;
        if (row.body !== undefined) headers['content-type'] = 'application/json';
        const res = await app.request(row.path, { method, headers, ...(row.body !== undefined ? { body: JSON.stringify(row.body) } : {}) });
        const text = key === 'GET /api/events' ? (await res.body?.cancel(), '') : await res.text();
        cells++;
        if (res.status !== row.expect[who]) wrong.push(`${key} as ${who}: expected ${row.expect[who]}, got ${res.status} ${text.slice(0, 160)}`);
        if (res.status >= 400 && key !== 'GET /api/events') expect(JSON.parse(text).error.code, `${key} as ${who}`).toBeTruthy();
        app.rt.db.$client.close();
      }
    }
    expect(wrong).toEqual([]);
    expect(cells).toBe(Object.keys(rows).length * PRINCIPALS.length);
  });
});

describe('roles in practice', () => {
  it('an approver never approves a version they authored, even holding the manager role too', async () => {
    const t = await testRuntime();
    for (const [id, name] of [['social', 'Social Hub'], ['care', 'Customer Care'], ['supervisors', 'Supervisors']] as const) await t.admin('POST', '/api/teams', { id, name });
    const both = await t.user('both@example.test', ['manager', 'approver']);
    const other = await t.user('other@example.test', ['manager', 'approver']);
    expect((await both('POST', '/api/maps', complaintMap())).status).toBe(201);
    expect((await both('POST', '/api/maps/complaints/submit')).status).toBe(200);
    const own = await both('POST', '/api/maps/complaints/versions/1/approve', {});
    expect(own.status).toBe(403);
    expect((await both('POST', '/api/maps/complaints/versions/1/reject', { comment: 'mine' })).status).toBe(403);
    // Editing someone's draft makes you one of its authors too.
    expect((await other('POST', '/api/maps', { ...complaintMap(), id: 'shared' })).status).toBe(201);
    expect((await both('PUT', '/api/maps/shared', { ...complaintMap(), id: 'shared', name: 'Shared, edited' })).status).toBe(200);
    expect((await other('POST', '/api/maps/shared/submit')).status).toBe(200);
    expect((await both('POST', '/api/maps/shared/versions/1/approve', {})).status).toBe(403);
    expect((await other('POST', '/api/maps/complaints/versions/1/approve', {})).status).toBe(200);
  });

  it('an approver may retire a live version they authored (taking a map out of service needs no second pair of eyes), audited as their own', async () => {
    const t = await testRuntime();
    for (const [id, name] of [['social', 'Social Hub'], ['care', 'Customer Care'], ['supervisors', 'Supervisors']] as const) await t.admin('POST', '/api/teams', { id, name });
    const both = await t.user('both@example.test', ['manager', 'approver']);
    const other = await t.user('other@example.test', ['approver']);
    expect((await both('POST', '/api/maps', complaintMap())).status).toBe(201);
    expect((await both('POST', '/api/maps/complaints/submit')).status).toBe(200);
    expect((await other('POST', '/api/maps/complaints/versions/1/approve', {})).status).toBe(200);
    const retired = await both('POST', '/api/maps/complaints/versions/1/retire', { comment: 'It routes refunds to the wrong team' });
    expect(retired.status).toBe(200);
    expect(retired.body).toEqual({ version: 1, state: 'retired' });
    const entries = (await t.admin('GET', '/api/audit?action=map.retired')).body.entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actor: both.id, target: 'complaints@1', data: { comment: 'It routes refunds to the wrong team', ownVersion: true } });
    // Putting it live again is still four-eyes: a new version they author needs someone else's approval.
    expect((await both('PUT', '/api/maps/complaints', complaintMap())).status).toBe(200);
    expect((await both('POST', '/api/maps/complaints/submit')).status).toBe(200);
    expect((await both('POST', '/api/maps/complaints/versions/2/approve', {})).status).toBe(403);
  });

  it('only the person who held a case writes its lesson; a team-mate cannot, an admin or manager may in their stead', async () => {
    const t = await testRuntime();
    const { hub, care1, care2, manager } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const open = async () => {
      const id = (await t.ingest('POST', '/api/mentions', mention('my parcel arrived broken'))).body.results[0].caseId as string;
      for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${id}/checklist`, { item });
      return id;
    };
    const first = await open();
    expect((await care2('POST', `/api/cases/${first}/lessons`, { text: 'not mine to say' })).status).toBe(403); // waiting, held by nobody
    expect((await care1('POST', `/api/cases/${first}/outcome`, { outcome: 'escalate' })).body.status).toBe('closing');
    const refused = await care2('POST', `/api/cases/${first}/lessons`, { text: 'Answer sooner' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('The lesson is written by the person who held the case when it ended (or an admin or manager)');
    expect((await care2('GET', `/api/cases/${first}`)).body).toMatchObject({ status: 'closing', lessons: [] });
    expect((await care1('POST', `/api/cases/${first}/lessons`, { text: 'Ask for the order number sooner' })).body.status).toBe('ended');
    const second = await open();
    expect((await care2('POST', `/api/cases/${second}/outcome`, { outcome: 'escalate' })).body.status).toBe('closing');
    expect((await manager('POST', `/api/cases/${second}/lessons`, { text: 'Written for care2, who left' })).body.status).toBe('ended');
  });

  it('an agent in two teams works both; another team’s case is absent from lists, 404 by id (as a missing one), and its queue closed', async () => {
    const t = await testRuntime();
    for (const [id, name] of [['social', 'Social Hub'], ['care', 'Customer Care'], ['supervisors', 'Supervisors']] as const) await t.admin('POST', '/api/teams', { id, name });
    const author = await t.user('author@example.test', ['manager']);
    const decider = await t.user('decider@example.test', ['approver']);
    const two = await t.user('two@example.test', ['agent'], ['social', 'care']);
    const sup = await t.user('sup@example.test', ['agent'], ['supervisors']);
    await author('POST', '/api/maps', complaintMap());
    await author('POST', '/api/maps/complaints/submit');
    await decider('POST', '/api/maps/complaints/versions/1/approve', {});
    const caseId = (await t.ingest('POST', '/api/mentions', mention('refund please'))).body.results[0].caseId;
    expect((await two('POST', `/api/cases/${caseId}/checklist`, { item: 'Screenshot' })).status).toBe(200);
    expect((await two('POST', `/api/cases/${caseId}/checklist`, { item: 'Check CRM' })).status).toBe(200);
    expect((await two('POST', `/api/cases/${caseId}/claim`, {})).status).toBe(200);
    const seen = await sup('GET', `/api/cases/${caseId}`);
    const missing = await sup('GET', '/api/cases/no-such-case');
    expect(seen.status).toBe(404);
    expect(seen.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Case not found' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toMatchObject({ code: seen.body.error.code, message: seen.body.error.message });
    expect((await sup('GET', '/api/cases')).body.cases).toEqual([]);
    expect((await sup('GET', '/api/cases?team=care')).body.cases).toEqual([]);
    expect((await sup('POST', '/api/cases/next', { team: 'care' })).status).toBe(403);
    expect((await sup('POST', `/api/cases/${caseId}/notes`, { text: 'peek' })).status).toBe(404);
  });
});
