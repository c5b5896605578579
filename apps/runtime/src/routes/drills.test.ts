import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { caseEvents, crises, drills, outbox } from '../db/schema.ts';
import { RESUME_LIMIT_MS } from '../drills/DrillRunner.ts';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap, type TestRuntime } from '../testing/testApp.ts';

const SEC = 1000;
const m = (id: string, text: string, extra: Record<string, unknown> = {}) => ({
  id, network: 'twitter', author: { handle: `@${id}` }, text, createdAt: '2026-01-01T09:00:00Z', ...extra,
});

/** Four mentions over 30 scenario minutes: two complaints, one nobody routes, one reply to the second complaint. */
const scenario = {
  format: 'baton.scenario/v1', name: 'Small spike', start: '2026-01-01T09:00:00Z', seed: 3,
  mentions: [
    { at: 'PT0S', mention: m('m1', 'my order arrived broken') },
    { at: 'PT10M', mention: m('m2', 'I want a refund') },
    { at: 'PT20M', mention: m('m3', 'lovely weather today') },
    { at: 'PT30M', mention: m('m4', 'still waiting for that refund', { inReplyTo: 'm2' }) },
  ],
  staff: { social: { members: 1, responseTime: 'PT1M' }, care: { members: 2, responseTime: 'PT5M' } },
};

async function setup() {
  const t = await testRuntime();
  const people = await withApprovedMap(t, complaintMap());
  return { t, ...people };
}

/** Advances the clock and lets the scheduler and the drill feeder look. */
function advance(t: TestRuntime, ms: number) {
  t.advance(ms);
  t.app.drills.tick();
}

describe('drills', () => {
  it('only managers and admins start or stop drills; approvers read them; agents do not', async () => {
    const { t, manager, approver, care1 } = await setup();
    const body = { mapId: 'complaints', version: 1, scenario, speed: 60, teams: ['social', 'care'] };
    expect((await care1('POST', '/api/drills', body)).status).toBe(403);
    expect((await approver('POST', '/api/drills', body)).status).toBe(403);
    const started = await manager('POST', '/api/drills', body);
    expect(started.status).toBe(201);
    expect((await t.admin('POST', '/api/drills', body)).status).toBe(201);
    expect((await approver('GET', `/api/drills/${started.body.id}`)).status).toBe(200);
    expect((await care1('GET', `/api/drills/${started.body.id}`)).status).toBe(403);
    expect((await care1('GET', '/api/drills')).status).toBe(403);
    expect((await approver('POST', `/api/drills/${started.body.id}/stop`)).status).toBe(403);
  });

  it('refuses bad drills with clear 4xx answers', async () => {
    const { manager } = await setup();
    const ok = { mapId: 'complaints', version: 1, scenario, speed: 60 };
    expect((await manager('POST', '/api/drills', { ...ok, speed: 61 })).status).toBe(400);
    expect((await manager('POST', '/api/drills', { ...ok, speed: 0 })).status).toBe(400);
    expect((await manager('POST', '/api/drills', { ...ok, version: 9 })).status).toBe(404);
    expect((await manager('POST', '/api/drills', { ...ok, scenario: { format: 'nope' } })).status).toBe(400);
    expect((await manager('POST', '/api/drills', { ...ok, teams: ['nobody'] })).body.error.code).toBe('UNKNOWN_TEAM');
    // A draft is not rehearsed with people: submit it first.
    await manager('PUT', '/api/maps/complaints', complaintMap({ name: 'Complaints v2' }));
    const draft = await manager('POST', '/api/drills', { ...ok, version: 2 });
    expect(draft.status).toBe(409);
    expect(draft.body.error.code).toBe('VERSION_STATE');
    expect((await manager('GET', '/api/drills/nope')).status).toBe(404);
  });

  it('a drill at 60× makes marked cases that real reports do not count, holds notifications, and reports what happened', async () => {
    const { t, manager, hub, care1, care2 } = await setup();
    // One piece of real work, for the reports to count.
    const real = (await t.ingest('POST', '/api/mentions', mention('my parcel is broken'))).body.results[0].caseId as string;
    const started = await manager('POST', '/api/drills', { mapId: 'complaints', version: 1, scenario, speed: 60, teams: ['social', 'care'] });
    const id = started.body.id as string;
    expect((await manager('GET', `/api/drills/${id}`)).body).toMatchObject({ state: 'running', speed: 60, teams: ['social', 'care'], progress: { fed: 0, total: 4 } });

    advance(t, 0);
    const first = (await hub('GET', '/api/cases?status=open')).body.cases.filter((c: { drill: string | null }) => c.drill === id);
    expect(first).toHaveLength(1);
    const c1 = first[0].id as string;
    expect(first[0].mention.text).toBe('my order arrived broken');
    for (const item of ['Screenshot', 'Check CRM']) expect((await hub('POST', `/api/cases/${c1}/checklist`, { item })).status).toBe(200);
    advance(t, 4 * SEC);
    expect((await care1('POST', `/api/cases/${c1}/claim`)).status).toBe(200);
    advance(t, 3 * SEC);
    expect((await care1('POST', `/api/cases/${c1}/outcome`, { outcome: 'resolved' })).status).toBe(200);

    advance(t, 3 * SEC); // 10 s: m2 (10 scenario minutes) arrives
    const c2 = (await hub('GET', '/api/cases?status=open')).body.cases.find((c: { drill: string | null }) => c.drill === id).id as string;
    for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${c2}/checklist`, { item });
    advance(t, 10 * SEC); // 20 s: m3, which no trigger takes
    advance(t, 10 * SEC); // 30 s: m4, a reply to m2, joins its case
    expect((await care2('GET', `/api/cases/${c2}`)).body.thread).toHaveLength(1);
    expect((await care2('POST', `/api/cases/${c2}/claim`)).status).toBe(200);
    // A reply on a drill case is never posted to the network.
    expect((await care2('POST', `/api/cases/${c2}/replies`, { text: 'Sorry, we are on it' })).status).toBe(202);
    advance(t, 2 * SEC);
    await care2('POST', `/api/cases/${c2}/outcome`, { outcome: 'escalate' });
    await care2('POST', `/api/cases/${c2}/lessons`, { text: 'Drill: ask for the order number first' });
    advance(t, 1 * SEC);

    const done = (await manager('GET', `/api/drills/${id}`)).body;
    expect(done).toMatchObject({ state: 'done', progress: { fed: 4, total: 4, cases: 2, open: 0, ended: 2 } });

    // Nothing of the drill reached the outbox; the end's webhook was held and is listed.
    const rows = t.app.rt.db.select().from(outbox).all();
    expect(rows.filter((r) => r.payload.caseId === c1 || r.payload.caseId === c2)).toEqual([]);
    // The unrouted drill mention is not in the hub's triage inbox.
    const inbox = (await hub('GET', '/api/mentions/unrouted')).body;
    expect(JSON.stringify(inbox)).not.toContain('lovely weather');

    // Real reports count the one real case only.
    const summary = (await manager('GET', '/api/reports/summary')).body;
    expect(summary.cases.opened).toBe(1);
    expect(summary.mentions.total).toBe(1);
    expect(summary.breaches).toBe(0);
    expect((await manager('GET', '/api/reports/lessons')).body.lessons).toEqual([]);
    expect((await manager('GET', '/api/maps')).body.maps[0].openCases).toBe(1);
    expect(real).toBeTruthy();
    // Lessons on the map are real work's, unless drills are asked for.
    expect((await manager('GET', '/api/maps/complaints/lessons')).body.nodes.care?.count ?? 0).toBe(0);
    const drilled = (await manager('GET', '/api/maps/complaints/lessons?drills=true')).body.nodes.care;
    expect(drilled.lessons[0]).toMatchObject({ text: 'Drill: ask for the order number first', drill: id, caseId: c2 });

    const report = (await manager('GET', `/api/drills/${id}/report`)).body;
    expect(report.drill.state).toBe('done');
    expect(report.measured).toMatchObject({ mentions: 4, cases: 2, unrouted: 1, ended: 2, open: 0, breaches: 0 });
    expect(report.held).toEqual([
      expect.objectContaining({ caseId: c1, kind: 'webhook', recipient: 'webhook http://hooks.example.test/end', message: 'Complaints: resolved' }),
      expect.objectContaining({ caseId: c2, kind: 'reply', message: expect.stringContaining('not posted, this is a drill') }),
    ]);
    // The report matches the cases' own history.
    for (const caseId of [c1, c2]) {
      const detail = (await manager('GET', `/api/cases/${caseId}`)).body;
      const line = report.cases.find((c: { case?: string }) => c.case === caseId);
      const entered = detail.history.filter((h: { type: string }) => h.type === 'entered').map((h: { data: { node: string } }) => h.data.node);
      expect(line.path).toEqual(entered[0] === 't' ? entered : ['t', ...entered]);
      expect(line.pickupSec).toBe(Math.round((Date.parse(detail.history.find((h: { type: string }) => h.type === 'claim').at) - Date.parse(detail.openedAt)) / 1000));
    }
    expect(report.cases.find((c: { case?: string }) => c.case === c1)).toMatchObject({ status: 'ended', end: 'done', pickupSec: 4, resolvedSec: 7, teams: ['care'] });
    expect(report.cases.map((c: { status: string }) => c.status)).toEqual(['ended', 'ended', 'unrouted', 'attached']);
    expect(report.measured.byNode.care).toEqual({ entered: 2, breaches: 0 });
    expect(report.measured.byTeam.care.handled).toBe(2);
    const person = (email: string) => report.people.find((p: { name: string }) => p.name === email.split('@')[0]);
    expect(person('care1@x')).toMatchObject({ team: 'care', claims: 1, outcomes: 1, lessons: 0 });
    expect(person('care2@x')).toMatchObject({ team: 'care', claims: 1, outcomes: 1, lessons: 1 });
    // The simulator's prediction for the same four mentions and the people who took part.
    expect(report.predicted).toMatchObject({ mentions: 4, unrouted: 1 });
    expect(report.comparison.find((l: { metric: string }) => l.metric === 'cases')).toEqual({ metric: 'cases', label: 'Cases opened', drill: 2, predicted: report.predicted.cases, difference: 2 - report.predicted.cases });
    expect(Array.isArray(report.differences)).toBe(true);

    // Kept, and exportable as CSV.
    expect(t.app.rt.db.select().from(drills).where(eq(drills.id, id)).get()!.report).not.toBeNull();
    const res = await t.app.request(`/api/drills/${id}/report?format=csv&part=people`, { headers: { authorization: (await managerToken(t)) } });
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    expect(csv.split('\r\n')[0]).toBe('person,name,team,claims,outcomes,lessons,notes,busySec,handleSecP50,handleSecP90,handleSecMax');
    expect(csv).toContain('"care2"');
  });

  it('stop ends feeding and takes the drill cases out of the queues', async () => {
    const { t, manager, care1 } = await setup();
    const spike = { ...scenario, mentions: undefined, generate: [{ count: 40, from: 'PT0S', to: 'PT40M', template: { network: 'twitter', author: { handle: '@x' }, text: 'broken again', createdAt: '2026-01-01T09:00:00Z' } }] };
    const id = (await manager('POST', '/api/drills', { mapId: 'complaints', version: 1, scenario: spike, speed: 60 })).body.id as string;
    advance(t, 10 * SEC);
    const fed = (await manager('GET', `/api/drills/${id}`)).body.progress.fed as number;
    expect(fed).toBeGreaterThan(0);
    expect(fed).toBeLessThan(40);
    const stopped = await manager('POST', `/api/drills/${id}/stop`);
    expect(stopped.status).toBe(200);
    expect(stopped.body).toMatchObject({ state: 'stopped', reason: 'Stopped by manager', progress: { fed, open: 0 } });
    advance(t, 60 * SEC);
    expect((await manager('GET', `/api/drills/${id}`)).body.progress.fed).toBe(fed);
    expect((await care1('GET', '/api/cases?status=open')).body.cases.filter((c: { drill: string | null }) => c.drill)).toEqual([]);
    expect((await manager('POST', `/api/drills/${id}/stop`)).body.error.code).toBe('NOT_RUNNING');
    const report = (await manager('GET', `/api/drills/${id}/report`)).body;
    expect(report.measured.mentions).toBe(fed);
    expect(report.measured.open).toBe(report.measured.cases);
    const withdrawn = t.app.rt.db.select().from(caseEvents).where(eq(caseEvents.type, 'drill.withdrawn')).all();
    expect(withdrawn).toHaveLength(report.measured.cases);
    // The spike crossed the map's crisis threshold in the drill's own tracker only: no real crisis, nobody told.
    expect(report.measured.crisis).toEqual([{ fromSec: expect.any(Number), toSec: null }]);
    expect(t.app.rt.db.select().from(crises).all()).toEqual([]);
    expect((await manager('GET', '/api/maps')).body.maps[0].crisis).toBe(false);
    expect(t.app.rt.db.select().from(outbox).all()).toEqual([]);
  });

  it('after a restart a drill resumes where it paused, or stops when the runtime was down too long', async () => {
    const { t, manager } = await setup();
    const a = (await manager('POST', '/api/drills', { mapId: 'complaints', version: 1, scenario, speed: 60 })).body.id as string;
    advance(t, 0);
    t.clock.advance(5 * 60 * SEC); // down for five minutes
    t.app.drills.resume();
    t.app.drills.tick();
    // m2 was due 10 s after the start; the five minutes down do not count.
    expect((await manager('GET', `/api/drills/${a}`)).body.progress.fed).toBe(1);
    advance(t, 10 * SEC);
    expect((await manager('GET', `/api/drills/${a}`)).body.progress.fed).toBe(2);
    t.clock.advance(RESUME_LIMIT_MS + SEC);
    t.app.drills.resume();
    const stopped = (await manager('GET', `/api/drills/${a}`)).body;
    expect(stopped.state).toBe('stopped');
    expect(stopped.reason).toMatch(/runtime was down for 1[56] minutes/);
  });
});

async function managerToken(t: TestRuntime): Promise<string> {
  const res = await t.anonymous('POST', '/api/session', { email: 'manager@example.test', password: 'correct horse battery' });
  return `Bearer ${res.body.token}`;
}
