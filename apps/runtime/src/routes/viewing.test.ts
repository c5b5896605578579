import { describe, expect, it } from 'vitest';
import type { LiveEvent } from '../events/EventBus.ts';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';

/** A complaint waiting in care's queue, and every presence event the bus carries. */
async function setup() {
  const t = await testRuntime();
  const people = await withApprovedMap(t, complaintMap({ crisis: undefined }));
  const caseId = (await t.ingest('POST', '/api/mentions', mention('my order arrived broken'))).body.results[0].caseId as string;
  for (const item of ['Screenshot', 'Check CRM']) await people.hub('POST', `/api/cases/${caseId}/checklist`, { item });
  const events: Extract<LiveEvent, { type: 'presence' }>[] = [];
  t.app.rt.bus.subscribe((e) => {
    if (e.type === 'presence') events.push(e);
  });
  return { t, ...people, caseId, events };
}

describe('who is looking at a case', () => {
  it('a heartbeat shows the viewer on the case and its queue row, and tells the team once', async () => {
    const { care1, care2, caseId, events } = await setup();
    const first = await care1('POST', `/api/cases/${caseId}/viewing`);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ caseId, viewers: [{ id: care1.id, name: 'care1' }] });
    expect((await care2('GET', `/api/cases/${caseId}`)).body.viewers).toEqual([{ id: care1.id, name: 'care1' }]);
    const row = (await care2('GET', '/api/cases?team=care')).body.cases.find((c: { id: string }) => c.id === caseId);
    expect(row.viewers).toEqual([{ id: care1.id, name: 'care1' }]);
    await care2('POST', `/api/cases/${caseId}/viewing`);
    await care1('POST', `/api/cases/${caseId}/viewing`); // a heartbeat from someone already there changes nothing
    expect(events.map((e) => e.data)).toEqual([
      { caseId, viewers: [{ id: care1.id, name: 'care1' }] },
      { caseId, viewers: [{ id: care1.id, name: 'care1' }, { id: care2.id, name: 'care2' }] },
    ]);
    expect(events.every((e) => JSON.stringify(e.teams) === '["care"]')).toBe(true);
    // Every answer that carries the case carries its viewers; a case nobody looks at has none.
    expect((await care1('POST', `/api/cases/${caseId}/notes`, { text: 'on it' })).body.viewers).toHaveLength(2);
  });

  it("the holder's heartbeats keep the claim from lapsing, quietly; it lapses once they stop", async () => {
    const { t, care1, care2, caseId } = await setup();
    expect((await care1('POST', `/api/cases/${caseId}/claim`)).status).toBe(200); // a 10-minute lease
    // A colleague looking on does not extend it; the holder's own view does, once half of it is gone.
    for (let minute = 1; minute <= 25; minute++) {
      t.advance(60_000);
      await care2('POST', `/api/cases/${caseId}/viewing`);
      await care1('POST', `/api/cases/${caseId}/viewing`);
    }
    const held = (await care2('GET', `/api/cases/${caseId}`)).body;
    expect(held).toMatchObject({ status: 'held', holder: care1.id });
    const types = held.history.map((h: { type: string }) => h.type);
    expect(types).not.toContain('lease.lapsed');
    expect(types).not.toContain('claim.renewed');
    // The holder closes the case and leaves it: the lease runs out.
    t.advance(11 * 60_000);
    const lapsed = (await care2('GET', `/api/cases/${caseId}`)).body;
    expect(lapsed).toMatchObject({ status: 'waiting', holder: null });
    expect(lapsed.history.map((h: { type: string }) => h.type)).toContain('lease.lapsed');
  });

  it("another team's case is 404, as for GET and as a case that does not exist", async () => {
    const { t, hub, caseId, events } = await setup();
    expect((await hub('POST', `/api/cases/${caseId}/viewing`)).status).toBe(404);
    expect((await hub('DELETE', `/api/cases/${caseId}/viewing`)).status).toBe(404);
    expect((await hub('POST', '/api/cases/no-such-case/viewing')).status).toBe(404);
    expect((await t.ingest('POST', `/api/cases/${caseId}/viewing`)).status).toBe(403);
    expect((await t.anonymous('POST', `/api/cases/${caseId}/viewing`)).status).toBe(401);
    expect(events).toEqual([]);
  });

  it('leaving takes the viewer away at once', async () => {
    const { care1, care2, caseId, events } = await setup();
    await care1('POST', `/api/cases/${caseId}/viewing`);
    expect((await care1('DELETE', `/api/cases/${caseId}/viewing`)).status).toBe(204);
    expect((await care2('GET', `/api/cases/${caseId}`)).body.viewers).toEqual([]);
    expect(events.at(-1)!.data).toEqual({ caseId, viewers: [] });
    // Leaving twice is fine and says nothing new.
    expect((await care1('DELETE', `/api/cases/${caseId}/viewing`)).status).toBe(204);
    expect(events).toHaveLength(2);
  });

  it('signing out leaves every case at once', async () => {
    const { care1, care2, caseId, events } = await setup();
    await care1('POST', `/api/cases/${caseId}/viewing`);
    await care2('POST', `/api/cases/${caseId}/viewing`);
    expect((await care1('DELETE', '/api/session')).status).toBe(204);
    expect((await care2('GET', `/api/cases/${caseId}`)).body.viewers).toEqual([{ id: care2.id, name: 'care2' }]);
    expect(events.at(-1)!.data).toEqual({ caseId, viewers: [{ id: care2.id, name: 'care2' }] });
  });

  it('a view lapses 40 s after its last heartbeat; heartbeats keep it', async () => {
    const { t, care1, care2, caseId, events } = await setup();
    await care1('POST', `/api/cases/${caseId}/viewing`);
    t.clock.advance(30_000);
    await care1('POST', `/api/cases/${caseId}/viewing`);
    t.clock.advance(39_000);
    expect(t.app.rt.presence.sweep()).toBe(0);
    expect((await care2('GET', `/api/cases/${caseId}`)).body.viewers).toHaveLength(1);
    t.clock.advance(1_000);
    // Lapsed views are left out at once, and the sweep tells the team.
    expect((await care2('GET', `/api/cases/${caseId}`)).body.viewers).toEqual([]);
    expect(t.app.rt.presence.sweep()).toBe(1);
    expect(events.map((e) => e.data.viewers.length)).toEqual([1, 0]);
    expect(t.app.rt.presence.sweep()).toBe(0);
  });

  it('refuses a body that is not nothing or {} (400), and changes nothing then', async () => {
    const { t, care1, caseId } = await setup();
    const session = await t.anonymous('POST', '/api/session', { email: 'care1@example.test', password: 'correct horse battery' });
    const send = (method: string, body: string, type = 'application/json') =>
      t.app.request(`/api/cases/${caseId}/viewing`, { method, headers: { authorization: `Bearer ${session.body.token}`, 'content-type': type }, body });
    for (const method of ['POST', 'DELETE']) {
      for (const body of ['{', 'not json', '[]', '"x"', '42', 'null', '{"caseId":"other"}']) {
        const res = await send(method, body);
        expect(res.status, `${method} ${body}`).toBe(400);
        expect(((await res.json()) as { error: { code: string } }).error.code, `${method} ${body}`).toMatch(/^(INVALID|MALFORMED_JSON|BAD_REQUEST)$/);
      }
    }
    expect((await care1('GET', `/api/cases/${caseId}`)).body.viewers).toEqual([]);
    expect((await send('POST', '{}')).status).toBe(200);
    expect((await send('DELETE', '{}')).status).toBe(204);
    expect((await care1('POST', `/api/cases/${caseId}/viewing`)).status).toBe(200);
  });

  it('streams a presence event to the team as SSE', async () => {
    const { t, care1, caseId } = await setup();
    const session = await t.anonymous('POST', '/api/session', { email: 'care2@example.test', password: 'correct horse battery' });
    const res = await t.app.request('/api/events', { headers: { authorization: `Bearer ${session.body.token}` } });
    const reader = res.body!.getReader();
    await care1('POST', `/api/cases/${caseId}/viewing`);
    let text = '';
    while (!text.includes('event: presence')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toContain(`event: presence\ndata: {"caseId":"${caseId}","viewers":[{"id":"${care1.id}","name":"care1"}]}`);
  });
});
