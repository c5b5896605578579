import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { T0, testRuntime, withApprovedMap } from '../testing/testApp.ts';

const MIN = 60_000;
const at = (ms: number) => new Date(T0 + ms).toISOString();

/**
 * Three complaints with known times (T0 = 09:00):
 * A opens 09:00, claimed 09:04, resolved 09:05 (pick-up 240 s, resolution 300 s);
 * B opens 09:05, claimed by its outcome 09:15 (escalate), lesson 09:17 (600 s, 720 s);
 * C opens 09:17, nobody claims it: breach at care 10:17, moves to supervisors; the report is read at 11:00.
 * Plus one reply attached to C, one unrouted mention and one dismissed.
 */
async function story() {
  const t = await testRuntime();
  const people = await withApprovedMap(t, complaintMap({ crisis: undefined }));
  const { hub, care1 } = people;
  const open = async (text: string) => {
    const id = (await t.ingest('POST', '/api/mentions', mention(text))).body.results[0].caseId as string;
    for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${id}/checklist`, { item });
    return id;
  };
  const a = await open('my order arrived broken');
  await t.ingest('POST', '/api/mentions', mention('lovely weather today'));
  const noise = mention('nice ad');
  await t.ingest('POST', '/api/mentions', noise);
  await hub('POST', `/api/mentions/${encodeURIComponent(noise.id)}/dismiss`, { reason: 'Not about us' });
  t.advance(4 * MIN);
  await care1('POST', `/api/cases/${a}/claim`);
  t.advance(1 * MIN);
  await care1('POST', `/api/cases/${a}/outcome`, { outcome: 'resolved' });
  const b = await open('I want a refund');
  t.advance(10 * MIN);
  await care1('POST', `/api/cases/${b}/outcome`, { outcome: 'escalate' });
  t.advance(2 * MIN);
  await care1('POST', `/api/cases/${b}/lessons`, { text: 'Ask for the order number sooner' });
  const cMention = mention('still broken');
  const c = (await t.ingest('POST', '/api/mentions', cMention)).body.results[0].caseId as string;
  for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${c}/checklist`, { item });
  await t.ingest('POST', '/api/mentions', mention('hello?', { inReplyTo: cMention.id }));
  t.advance(60 * MIN); // 10:17: care misses C's deadline
  t.advance(43 * MIN); // 11:00
  return { t, ...people, a, b, c };
}

describe('GET /api/reports/summary', () => {
  it("counts a case waiting for the hub's checklist as waiting, until someone holds it", async () => {
    const t = await testRuntime();
    const { manager, hub } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const id = (await t.ingest('POST', '/api/mentions', mention('my order arrived broken'))).body.results[0].caseId as string;
    t.advance(5 * MIN);
    const social = async () => ((await manager('GET', '/api/reports/summary')).body.teams as { team: string }[]).find((x) => x.team === 'social');
    expect(await social()).toMatchObject({ openNow: 1, oldestWaitingSec: 300, oldestWaitingCase: id });
    await hub('POST', `/api/cases/${id}/claim`);
    expect(await social()).toMatchObject({ openNow: 1, oldestWaitingSec: null });
  });

  it('counts mentions, cases, breaches and times of the last 7 days', async () => {
    const { manager, c } = await story();
    const res = await manager('GET', '/api/reports/summary');
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r.to).toBe(at(120 * MIN));
    expect(r.from).toBe(at(120 * MIN - 7 * 24 * 60 * MIN));
    expect(r.mentions).toEqual({ total: 6, routed: 3, attached: 1, unrouted: 1, dismissed: 1 });
    expect(r.cases).toEqual({ opened: 3, ended: 2, open: 1 });
    expect(r.breaches).toBe(1);
    expect(r.pickupSec).toEqual({ p50: 240, p90: 600, max: 600 });
    expect(r.resolvedSec).toEqual({ p50: 300, p90: 720, max: 720 });
    // The charts: the one breach falls in the last slice of the week; every pick-up and resolution is in a band.
    expect(r.charts.bucketSec).toBe(21_600);
    expect(r.charts.breaches.reduce((a: number, b: number) => a + b, 0)).toBe(1);
    expect(r.charts.breaches.at(-1)).toBe(1);
    expect(r.charts.pickup.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBe(2);
    expect(r.charts.resolved.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBe(2);
    const team = (id: string) => r.teams.find((x: { team: string }) => x.team === id);
    expect(team('social')).toMatchObject({ name: 'Social Hub', handled: 3, breaches: 0, openNow: 0, oldestWaitingSec: null });
    expect(team('care')).toMatchObject({ handled: 2, breaches: 1, openNow: 0 });
    expect(team('supervisors')).toMatchObject({ handled: 0, breaches: 0, openNow: 1, oldestWaitingSec: 43 * 60, oldestWaitingCase: c });
    const node = (id: string) => r.nodes.find((x: { node: string }) => x.node === id);
    expect(node('care')).toMatchObject({ mapId: 'complaints', mapName: 'Complaints', label: 'Care resolves', type: 'pass', team: 'care', entered: 3, breaches: 1 });
    expect(node('sup')).toMatchObject({ label: 'Supervisor takes over', entered: 1, breaches: 0 });
    expect(node('done')).toMatchObject({ label: 'Resolved', entered: 1 });
    expect(node('escalated')).toMatchObject({ label: 'Escalated', entered: 1 });
    expect(r.crises).toEqual([]);
  });

  it('narrows to a period, a map and a team', async () => {
    const { manager } = await story();
    const late = (await manager('GET', `/api/reports/summary?from=${at(6 * MIN)}&to=${at(120 * MIN)}`)).body;
    expect(late.cases).toEqual({ opened: 1, ended: 1, open: 1 });
    expect(late.pickupSec).toEqual({ p50: 600, p90: 600, max: 600 });
    expect(late.resolvedSec).toEqual({ p50: 720, p90: 720, max: 720 });
    expect(late.mentions).toMatchObject({ routed: 1, attached: 1, unrouted: 0, dismissed: 0 });
    const sup = (await manager('GET', '/api/reports/summary?team=supervisors')).body;
    expect(sup.mentions).toEqual({ total: 2, routed: 1, attached: 1, unrouted: null, dismissed: null });
    expect(sup.cases).toEqual({ opened: 1, ended: 0, open: 1 });
    expect(sup.teams.map((x: { team: string }) => x.team)).toEqual(['supervisors']);
    const none = (await manager('GET', '/api/reports/summary?map=nothing')).body;
    expect(none.cases).toEqual({ opened: 0, ended: 0, open: 0 });
    expect(none.pickupSec).toEqual({ p50: null, p90: null, max: null });
    expect(none.teams).toEqual([]);
    expect((await manager('GET', `/api/reports/summary?from=${at(MIN)}&to=${at(0)}`)).status).toBe(400);
    expect((await manager('GET', '/api/reports/summary?from=yesterday')).status).toBe(400);
  });

  it('refuses dates outside what a report can mean (400, never a 500)', async () => {
    const { manager } = await story();
    for (const q of ['to=-271821-04-20T00:00:00Z', 'from=-271821-04-20T00:00:00Z', 'to=275760-09-13T00:00:00Z', 'from=1969-12-31T23:59:59Z', 'to=10000-01-01T00:00:00Z']) {
      const res = await manager('GET', `/api/reports/summary?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code, q).toBe('INVALID');
      expect((await manager('GET', `/api/reports/lessons?${q}`)).status, q).toBe(400);
    }
    // The edges of the range still work: a report of Baton's whole life.
    expect((await manager('GET', '/api/reports/summary?from=1970-01-01T00:00:00Z&to=9999-12-31T23:59:59Z')).status).toBe(200);
    expect((await manager('GET', '/api/reports/summary?to=1970-01-02T00:00:00Z')).status).toBe(200);
  });

  it('agents read only their own team', async () => {
    const { care1, approver } = await story();
    expect((await care1('GET', '/api/reports/summary')).status).toBe(403);
    expect((await care1('GET', '/api/reports/summary?team=supervisors')).status).toBe(403);
    const own = await care1('GET', '/api/reports/summary?team=care');
    expect(own.status).toBe(200);
    expect(own.body.cases.opened).toBe(3);
    expect((await approver('GET', '/api/reports/summary')).status).toBe(200);
  });
});

describe('GET /api/reports/lessons', () => {
  it('lists what was learned, newest first, with the end, its prompt and who wrote it', async () => {
    const { manager, care1, b, c, t } = await story();
    await t.admin('POST', `/api/cases/${c}/lessons`, { text: 'Supervisors need a heads-up' });
    const res = await manager('GET', '/api/reports/lessons');
    expect(res.status).toBe(200);
    expect(res.body.lessons.map((l: { text: string }) => l.text)).toEqual(['Supervisors need a heads-up', 'Ask for the order number sooner']);
    expect(res.body.lessons[1]).toMatchObject({
      caseId: b, mapId: 'complaints', mapName: 'Complaints', node: 'escalated', nodeLabel: 'Escalated', outcome: 'escalated',
      prompt: 'What went wrong?', author: care1.id, authorName: 'care1', at: at(17 * MIN),
    });
    expect(res.body.lessons[0]).toMatchObject({ node: 'sup', outcome: null, prompt: null });
    expect((await manager('GET', `/api/reports/lessons?to=${at(16 * MIN)}`)).body.lessons).toEqual([]);
    expect((await care1('GET', '/api/reports/lessons')).status).toBe(403);
    // C passed through care before it reached the supervisors, so care's report holds both.
    expect((await care1('GET', '/api/reports/lessons?team=care')).body.lessons).toHaveLength(2);
    expect((await care1('GET', '/api/reports/lessons?team=supervisors')).status).toBe(403);
  });
});
