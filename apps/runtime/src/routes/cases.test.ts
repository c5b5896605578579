import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { nextWaitingQuery } from '../cases/caseViews.ts';
import { T0, testRuntime, withApprovedMap } from '../testing/testApp.ts';

async function setup() {
  const t = await testRuntime();
  const people = await withApprovedMap(t, complaintMap({ crisis: undefined }));
  const res = await t.ingest('POST', '/api/mentions', mention('my order arrived broken'));
  return { t, ...people, caseId: res.body.results[0].caseId as string };
}

describe('a case through its map', () => {
  it('starts in the hub preparing the checklist, then waits in care with the deadline', async () => {
    const { t, hub, care1, caseId } = await setup();
    let c = (await hub('GET', `/api/cases/${caseId}`)).body;
    expect(c).toMatchObject({ status: 'preparing', node: 'care', team: 'social', tags: ['complaint'] });
    expect(c.checklist.map((i: { item: string }) => i.item)).toEqual(['Screenshot', 'Check CRM']);
    expect((await care1('GET', `/api/cases/${caseId}`)).status).toBe(404);
    const early = await hub('POST', `/api/cases/${caseId}/outcome`, { outcome: 'resolved' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('CHECKLIST_INCOMPLETE');
    await hub('POST', `/api/cases/${caseId}/checklist`, { item: 'Screenshot', done: true });
    c = (await hub('POST', `/api/cases/${caseId}/checklist`, { item: 'Check CRM', done: true })).body;
    expect(c).toMatchObject({ status: 'waiting', team: 'care' });
    const types = c.history.map((h: { type: string }) => h.type);
    expect(types.slice(types.lastIndexOf('checklist'))).toEqual(['checklist', 'passed']);
    expect(c.history.at(-1)).toMatchObject({ type: 'passed', actor: hub.id, data: { node: 'care', from: 'social', team: 'care' } });
    const inCare = (await care1('GET', `/api/cases/${caseId}`)).body;
    expect(inCare).toMatchObject({ status: 'waiting', team: 'care', deadline: new Date(T0 + 3_600_000).toISOString(), outcomes: ['resolved', 'escalate'] });
    expect((await hub('GET', `/api/cases/${caseId}`)).status).toBe(404);
    const queue = await care1('GET', '/api/cases?team=care&status=waiting');
    expect(queue.body.cases.map((x: { id: string }) => x.id)).toEqual([caseId]);
  });

  it('one holder at a time: a second claim is 409 naming the holder; release frees it', async () => {
    const { t, hub, care1, care2, caseId } = await setup();
    for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${caseId}/checklist`, { item });
    expect((await care1('POST', `/api/cases/${caseId}/claim`)).body).toMatchObject({ status: 'held', holder: care1.id, claimExpiresAt: new Date(T0 + 600_000).toISOString() });
    const refused = await care2('POST', `/api/cases/${caseId}/claim`);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toMatchObject({ code: 'CLAIMED', details: { holder: care1.id } });
    expect(refused.body.error.message).toContain('care1');
    expect((await care2('POST', `/api/cases/${caseId}/outcome`, { outcome: 'resolved' })).status).toBe(409);
    expect((await care1('POST', `/api/cases/${caseId}/release`)).body).toMatchObject({ status: 'waiting', holder: null });
    expect((await care2('POST', `/api/cases/${caseId}/claim`)).status).toBe(200);
  });

  it('a lease that lapses hands the case back; renewing keeps it', async () => {
    const { t, hub, care1, care2, caseId } = await setup();
    for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${caseId}/checklist`, { item });
    await care1('POST', `/api/cases/${caseId}/claim`, { lease: 'PT5M' });
    t.advance(4 * 60_000);
    await care1('POST', `/api/cases/${caseId}/claim`, { lease: 'PT5M' });
    t.advance(4 * 60_000);
    expect((await care1('GET', `/api/cases/${caseId}`)).body.holder).toBe(care1.id);
    t.advance(2 * 60_000);
    const after = (await care2('GET', `/api/cases/${caseId}`)).body;
    expect(after).toMatchObject({ status: 'waiting', holder: null });
    expect(after.history.map((h: { type: string }) => h.type)).toContain('lease.lapsed');
  });

  it('an outcome follows its edge; an end that needs a lesson stays closing until it gets one', async () => {
    const { t, hub, care1, caseId } = await setup();
    for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${caseId}/checklist`, { item });
    expect((await care1('POST', `/api/cases/${caseId}/outcome`, { outcome: 'lost' })).status).toBe(422);
    const closing = await care1('POST', `/api/cases/${caseId}/outcome`, { outcome: 'escalate', note: 'customer wants a manager' });
    expect(closing.body).toMatchObject({ status: 'closing', node: 'escalated', lessonRequired: true, lessonPrompt: 'What went wrong?' });
    expect(closing.body.notes[0].text).toBe('customer wants a manager');
    const ended = await care1('POST', `/api/cases/${caseId}/lessons`, { text: 'Ask for the order number sooner' });
    expect(ended.body).toMatchObject({ status: 'ended', endOutcome: 'escalated', path: ['t', 'a', 'care', 'escalated'] });
    expect(ended.body.lessons[0].text).toBe('Ask for the order number sooner');
  });

  it('a missed deadline is a breach and follows the timeout edge, from the database, even if fired late', async () => {
    const { t, hub, care1, sup, caseId } = await setup();
    for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${caseId}/checklist`, { item });
    await care1('POST', `/api/cases/${caseId}/claim`, { lease: 'PT8H' });
    t.clock.advance(2.5 * 3_600_000); // nothing fired: as if the server was down
    t.app.scheduler.tick();
    const c = (await sup('GET', `/api/cases/${caseId}`)).body;
    expect(c).toMatchObject({ node: 'sup', team: 'supervisors', status: 'waiting', holder: null, breaches: ['care'], breached: true });
    expect(c.deadline).toBe(new Date(T0 + 3_600_000 + 2 * 3_600_000).toISOString());
    const timeout = c.history.find((h: { type: string }) => h.type === 'timeout');
    expect(timeout.at).toBe(new Date(T0 + 3_600_000).toISOString());
  });

  it('notes and tags; tags added by people reach the case', async () => {
    const { hub, caseId } = await setup();
    await hub('POST', `/api/cases/${caseId}/notes`, { text: 'VIP customer' });
    const c = (await hub('POST', `/api/cases/${caseId}/tags`, { add: ['vip', 'press'], remove: ['complaint'] })).body;
    expect([...c.tags].sort()).toEqual(['press', 'vip']);
    expect(c.notes.map((n: { text: string }) => n.text)).toEqual(['VIP customer']);
  });

  it('adds tags sent as add, tags or tag; refuses fields it does not know, naming them', async () => {
    const { hub, caseId } = await setup();
    await hub('POST', `/api/cases/${caseId}/tags`, { tags: ['vip'] });
    const c = (await hub('POST', `/api/cases/${caseId}/tags`, { tag: 'press', add: ['urgent'], remove: ['complaint'] })).body;
    expect([...c.tags].sort()).toEqual(['press', 'urgent', 'vip']);
    const unknown = await hub('POST', `/api/cases/${caseId}/tags`, { tagz: ['x'], labels: ['y'] });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe('The request json has fields this route does not take: tagz, labels');
    expect([...(await hub('GET', `/api/cases/${caseId}`)).body.tags].sort()).toEqual(['press', 'urgent', 'vip']);
  });

  it('ticks a checklist item by its text or its index, or all of them at once', async () => {
    const { hub, caseId } = await setup();
    const byIndex = (await hub('POST', `/api/cases/${caseId}/checklist`, { item: 1 })).body;
    expect(byIndex.checklist.map((i: { item: string; done: boolean }) => [i.item, i.done])).toEqual([['Screenshot', false], ['Check CRM', true]]);
    const outOfRange = await hub('POST', `/api/cases/${caseId}/checklist`, { item: 2 });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.error).toMatchObject({ code: 'UNKNOWN_ITEM', message: 'The checklist has no item 2 (it has 2, numbered from 0)' });
    expect((await hub('POST', `/api/cases/${caseId}/checklist`, { item: 'Screenshots' })).body.error.code).toBe('UNKNOWN_ITEM');
    expect((await hub('POST', `/api/cases/${caseId}/checklist`, { item: 0, all: true })).status).toBe(400);
    expect((await hub('POST', `/api/cases/${caseId}/checklist`, { item: -1 })).status).toBe(400);
    const all = (await hub('POST', `/api/cases/${caseId}/checklist`, { all: true })).body;
    expect(all).toMatchObject({ status: 'waiting', team: 'care' });
    expect(all.checklist.every((i: { done: boolean }) => i.done)).toBe(true);
  });

  it('serves a team queue by priority, then time in the queue, and claims the next', async () => {
    const t = await testRuntime();
    const map = complaintMap({ crisis: undefined });
    map.nodes.push({ id: 't_vip', type: 'trigger', label: 'VIP', position: { x: 0, y: 5 }, priority: 50, when: { field: 'author.verified', op: 'eq', value: true } });
    map.edges.push({ id: 'e_vip', source: 't_vip', target: 'a' });
    const { hub, care1 } = await withApprovedMap(t, map);
    const ids: string[] = [];
    for (const m of [mention('broken one'), mention('broken two', { author: { handle: '@vip', verified: true } }), mention('broken three')]) {
      const id = (await t.ingest('POST', '/api/mentions', m)).body.results[0].caseId;
      ids.push(id);
      t.clock.advance(1000);
      for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${id}/checklist`, { item });
    }
    const queue = (await care1('GET', '/api/cases?team=care&status=waiting')).body.cases.map((c: { id: string }) => c.id);
    expect(queue).toEqual([ids[1], ids[0], ids[2]]);
    expect((await care1('POST', '/api/cases/next', { team: 'care' })).body.case.id).toBe(ids[1]);
  });

  it('cases opened at one instant queue in the order their mentions arrived, in the list and for next', async () => {
    const { hub, care1, t } = await setup();
    const batch = Array.from({ length: 12 }, (_, i) => mention(`broken parcel number ${i}`, { id: `arrival-${i}` }));
    const ids = (await t.ingest('POST', '/api/mentions', batch)).body.results.map((r: { caseId: string }) => r.caseId);
    const hubQueue = (await hub('GET', '/api/cases?team=social&status=preparing')).body.cases.map((c: { id: string }) => c.id);
    expect(hubQueue.filter((id: string) => ids.includes(id))).toEqual(ids);
    // Prepared in reverse, at the same instant: still served oldest arrival first.
    for (const id of [...ids].reverse()) for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${id}/checklist`, { item });
    const careQueue = (await care1('GET', '/api/cases?team=care&status=waiting')).body.cases.map((c: { id: string }) => c.id);
    expect(careQueue).toEqual(ids);
    expect((await care1('POST', '/api/cases/next', { team: 'care' })).body.case.id).toBe(ids[0]);
  });

  it('takes the next case from the cases_next index in one query: no scan of the queue, no sort', async () => {
    const { t } = await setup();
    const { db } = t.app.rt;
    for (const crisisOnly of [false, true]) {
      const { sql, params } = nextWaitingQuery(db, crisisOnly).toSQL();
      const plan = (db.$client.prepare(`explain query plan ${sql}`).all(...params.map((p) => (typeof p === 'object' ? 'care' : p))) as { detail: string }[]).map((r) => r.detail);
      expect(plan.join('\n'), `crisisOnly ${crisisOnly}`).toMatch(/SEARCH cases USING INDEX cases_next \(team=\? AND status=\?\)/);
      expect(plan.join('\n'), `crisisOnly ${crisisOnly}`).not.toMatch(/TEMP B-TREE|SCAN cases/);
    }
  });

  it('a backup takes next only from maps in crisis, and is told so when only other work waits', async () => {
    const t = await testRuntime();
    const { hub, backup, care1 } = await withApprovedMap(t, complaintMap());
    const open = async (text: string) => {
      const id = (await t.ingest('POST', '/api/mentions', mention(text))).body.results[0].caseId as string;
      for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${id}/checklist`, { item });
      return id;
    };
    const first = await open('my order arrived broken');
    const refused = await backup('POST', '/api/cases/next', { team: 'care' });
    expect(refused.status).toBe(403);
    expect(refused.body.error.message).toBe('Only members of care may take its work now');
    await open('broken again');
    await open('still broken'); // the third complaint within 10 minutes: crisis
    expect((await backup('POST', '/api/cases/next', { team: 'care' })).body.case).toMatchObject({ id: first, holder: backup.id });
    expect((await care1('POST', '/api/cases/next', { team: 'care' })).body.case.holder).toBe(care1.id);
  });
});
