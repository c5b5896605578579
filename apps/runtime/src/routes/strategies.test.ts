import { describe, expect, it } from 'vitest';
import type { BatonMap } from '@baton/engine';
import { importMap } from '../maps/importMap.ts';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { T0, testRuntime, type TestRuntime } from '../testing/testApp.ts';

/** The complaint map with care's pass handed out by `strategy` (no hub checklist, so cases reach care at once). */
function mapWith(to: Record<string, unknown>): BatonMap {
  const map = complaintMap({ crisis: undefined });
  map.nodes = map.nodes.map((n) => (n.id === 'care' && n.type === 'pass' ? { ...n, to: { team: 'care', ...to }, preAction: undefined } : n));
  return map;
}

/**
 * The map approved on import (as `baton import --approve` does; review is tested elsewhere) with
 * its teams, and only the two care agents these tests use. Every account costs two scrypt runs, so
 * the full cast of `withApprovedMap` (seven people) made each test here overrun vitest's 5 s
 * budget on a busy machine.
 */
async function withCareTeam(t: TestRuntime, map: BatonMap) {
  importMap(t.app.rt.db, map as unknown as Record<string, unknown>, { approve: true, createTeams: true, actor: 'test', now: T0 });
  return { care1: await t.user('care1@example.test', ['agent'], ['care']), care2: await t.user('care2@example.test', ['agent'], ['care']) };
}

/** Opens the web app's live stream as `email` (which is what makes them online); returns how to close it. */
async function goOnline(t: TestRuntime, email: string): Promise<() => Promise<void>> {
  const session = await t.anonymous('POST', '/api/session', { email, password: 'correct horse battery' });
  const res = await t.app.request('/api/events', { headers: { authorization: `Bearer ${session.body.token}` } });
  const reader = res.body!.getReader();
  let text = '';
  while (!text.includes('event: ready')) text += new TextDecoder().decode((await reader.read()).value);
  return () => reader.cancel();
}

async function routed(t: TestRuntime, text: string): Promise<string> {
  return (await t.ingest('POST', '/api/mentions', mention(text))).body.results[0].caseId;
}

describe('who a pass hands a new case to', () => {
  it('least-loaded with nobody online leaves the case in the queue: the first to claim holds it, the next hears who', async () => {
    const t = await testRuntime();
    const { care1, care2 } = await withCareTeam(t, mapWith({ strategy: 'least-loaded' }));
    const id = await routed(t, 'my parcel arrived broken');
    expect((await care1('GET', `/api/cases/${id}`)).body).toMatchObject({ status: 'waiting', team: 'care', holder: null });
    expect((await care2('POST', `/api/cases/${id}/claim`)).status).toBe(200);
    const refused = await care1('POST', `/api/cases/${id}/claim`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.holder).toBe(care2.id);
  });

  it('least-loaded gives the case to the online, free member who took fewest cases today', async () => {
    const t = await testRuntime();
    const { care1, care2 } = await withCareTeam(t, mapWith({ strategy: 'least-loaded' }));
    const close1 = await goOnline(t, 'care1@example.test');
    const first = await routed(t, 'broken screen');
    expect((await care1('GET', `/api/cases/${first}`)).body).toMatchObject({ status: 'held', holder: care1.id });
    await care1('POST', `/api/cases/${first}/outcome`, { outcome: 'resolved' });
    const close2 = await goOnline(t, 'care2@example.test');
    // Both free and online now; care1 has taken one case today, care2 none.
    const third = await routed(t, 'broken lid');
    expect((await care2('GET', `/api/cases/${third}`)).body).toMatchObject({ status: 'held', holder: care2.id });
    await close1();
    await close2();
  });

  it('round-robin takes turns among the members online, and skips one who has gone', async () => {
    const t = await testRuntime();
    const { care1, care2 } = await withCareTeam(t, mapWith({ strategy: 'round-robin' }));
    const closers = [await goOnline(t, 'care1@example.test'), await goOnline(t, 'care2@example.test')];
    const holders: string[] = [];
    for (const text of ['broken one', 'broken two', 'broken three']) {
      const id = await routed(t, text);
      const c = (await t.admin('GET', `/api/cases/${id}`)).body;
      expect(c.status).toBe('held');
      holders.push(c.holder);
      const holder = c.holder === care1.id ? care1 : care2;
      expect((await holder('POST', `/api/cases/${id}/outcome`, { outcome: 'resolved' })).status).toBe(200);
    }
    // Both were free every time, yet the case went to the other member each time.
    expect(holders[1]).not.toBe(holders[0]);
    expect(holders[2]).toBe(holders[0]);
    // The next in turn closes Baton: the case goes to whoever is still here.
    const next = holders[1] === care1.id ? 0 : 1;
    await closers[next]!();
    const id = await routed(t, 'broken four');
    expect((await t.admin('GET', `/api/cases/${id}`)).body.holder).toBe(holders[0]);
    await closers[1 - next]!();
    const nobody = await routed(t, 'broken five');
    expect((await t.admin('GET', `/api/cases/${nobody}`)).body).toMatchObject({ status: 'waiting', holder: null });
  });

  it('a member who reports an outcome takes the next waiting case at once; one busy gets nothing more', async () => {
    const t = await testRuntime();
    const { care1 } = await withCareTeam(t, mapWith({ strategy: 'least-loaded' }));
    const close = await goOnline(t, 'care1@example.test');
    const first = await routed(t, 'broken screen');
    const second = await routed(t, 'broken strap');
    expect((await care1('GET', `/api/cases/${second}`)).body).toMatchObject({ status: 'waiting', holder: null });
    await care1('POST', `/api/cases/${first}/outcome`, { outcome: 'resolved' });
    const next = (await care1('GET', `/api/cases/${second}`)).body;
    expect(next).toMatchObject({ status: 'held', holder: care1.id });
    expect(next.history.at(-1)).toMatchObject({ type: 'claim', actor: null, data: { member: care1.id, strategy: 'least-loaded' } });
    await close();
  });

  it('opening Baton brings a free member the waiting work; so does a deadline that takes their case away', async () => {
    const t = await testRuntime();
    const { care1 } = await withCareTeam(t, mapWith({ strategy: 'round-robin' }));
    const first = await routed(t, 'broken screen');
    expect((await care1('GET', `/api/cases/${first}`)).body.holder).toBeNull();
    const close = await goOnline(t, 'care1@example.test');
    expect((await care1('GET', `/api/cases/${first}`)).body).toMatchObject({ status: 'held', holder: care1.id });
    t.clock.advance(30 * 60_000);
    const second = await routed(t, 'broken strap');
    expect((await care1('GET', `/api/cases/${second}`)).body.holder).toBeNull();
    // care's hour runs out on the first case: it goes to the supervisors, and care1 takes the second.
    t.advance(30 * 60_000);
    expect((await t.admin('GET', `/api/cases/${first}`)).body).toMatchObject({ node: 'sup', holder: null });
    expect((await care1('GET', `/api/cases/${second}`)).body).toMatchObject({ status: 'held', holder: care1.id });
    await close();
  });

  it('tells the member on their live stream that a case was handed to them, and by which strategy', async () => {
    const t = await testRuntime();
    const { care1 } = await withCareTeam(t, mapWith({ strategy: 'least-loaded' }));
    const session = await t.anonymous('POST', '/api/session', { email: 'care1@example.test', password: 'correct horse battery' });
    const res = await t.app.request('/api/events', { headers: { authorization: `Bearer ${session.body.token}` } });
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: ready')) text += new TextDecoder().decode((await reader.read()).value);
    const id = await routed(t, 'broken screen');
    while (!text.includes('event: claim')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toContain(`event: claim\ndata: {"caseId":"${id}","holder":"${care1.id}","expiresAt":`);
    expect(text).toMatch(/"handedOut":"least-loaded"\}/);
  });

  it('the directory says who is at the console, and their teams hear when that changes', async () => {
    const t = await testRuntime();
    const { care1 } = await withCareTeam(t, mapWith({ strategy: 'least-loaded' }));
    const events: { data: Record<string, unknown>; teams?: string[] }[] = [];
    t.app.rt.bus.subscribe((e) => {
      if (e.type === 'online') events.push(e);
    });
    const onlineInCare = async () => ((await t.admin('GET', '/api/teams')).body.teams as { id: string; members: { id: string; online: boolean }[] }[])
      .find((team) => team.id === 'care')!.members.filter((m) => m.online).map((m) => m.id);
    expect(await onlineInCare()).toEqual([]);
    const closeA = await goOnline(t, 'care1@example.test');
    const closeB = await goOnline(t, 'care1@example.test'); // a second tab: still one person, no second event
    expect(await onlineInCare()).toEqual([care1.id]);
    await closeA();
    expect(await onlineInCare()).toEqual([care1.id]);
    await closeB();
    expect(await onlineInCare()).toEqual([]);
    expect(events).toEqual([
      { type: 'online', data: { user: care1.id, online: true }, teams: ['care'] },
      { type: 'online', data: { user: care1.id, online: false }, teams: ['care'] },
    ]);
  });

  it('member hands the case to the named person even when they are away', async () => {
    const t = await testRuntime();
    const { care2 } = await withCareTeam(t, mapWith({ strategy: 'member', member: 'care2@example.test' }));
    const id = await routed(t, 'broken again');
    expect((await care2('GET', `/api/cases/${id}`)).body).toMatchObject({ status: 'held', holder: care2.id });
  });

  it('queue leaves every case for the team to claim, even with members online', async () => {
    const t = await testRuntime();
    const { care1 } = await withCareTeam(t, mapWith({ strategy: 'queue' }));
    const close = await goOnline(t, 'care1@example.test');
    const id = await routed(t, 'broken thing');
    expect((await care1('GET', `/api/cases/${id}`)).body).toMatchObject({ status: 'waiting', holder: null });
    const close2 = await goOnline(t, 'care2@example.test');
    expect((await care1('GET', `/api/cases/${id}`)).body).toMatchObject({ status: 'waiting', holder: null });
    await close();
    await close2();
  });
});
