import { describe, expect, it } from 'vitest';
import type { BatonMap } from '@baton/engine';
import { importMap } from '../maps/importMap.ts';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { T0, testRuntime, type TestRuntime } from '../testing/testApp.ts';

const H = 3_600_000;
/** Care works 10:00–12:00 UTC on weekdays. T0 is Thursday 2026-01-01 09:00 UTC: closed for an hour yet. */
const careHours = { timeZone: 'UTC', week: { mon: [['10:00', '12:00']], tue: [['10:00', '12:00']], wed: [['10:00', '12:00']], thu: [['10:00', '12:00']], fri: [['10:00', '12:00']] } };

/** The complaint map with care's pass straight from the trigger (no checklist), changed by `pass`. */
function mapWith(pass: Record<string, unknown>): BatonMap {
  const map = complaintMap({ crisis: undefined });
  map.nodes = map.nodes.map((n) => (n.id === 'care' && n.type === 'pass' ? { ...n, preAction: undefined, ...pass } as typeof n : n));
  return map;
}

async function withCare(t: TestRuntime, map: BatonMap) {
  importMap(t.app.rt.db, map as unknown as Record<string, unknown>, { approve: true, createTeams: true, actor: 'test', now: T0 });
  return { care1: await t.user('care1@example.test', ['agent'], ['care']), care2: await t.user('care2@example.test', ['agent'], ['care']) };
}

async function routed(t: TestRuntime, text: string): Promise<string> {
  return (await t.ingest('POST', '/api/mentions', mention(text))).body.results[0].caseId;
}

describe('PATCH /api/teams/:id', () => {
  it('sets and clears hours and the cap, for admins only, and lists them', async () => {
    const t = await testRuntime();
    const { care1 } = await withCare(t, mapWith({}));
    expect((await care1('PATCH', '/api/teams/care', { maxPerMember: 2 })).status).toBe(403);
    const set = await t.admin('PATCH', '/api/teams/care', { hours: careHours, maxPerMember: 2 });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ id: 'care', hours: careHours, maxPerMember: 2 });
    const listed = (await care1('GET', '/api/teams')).body.teams.find((x: { id: string }) => x.id === 'care');
    expect(listed).toMatchObject({ hours: careHours, maxPerMember: 2 });
    const cleared = await t.admin('PATCH', '/api/teams/care', { hours: null });
    expect(cleared.body).toMatchObject({ hours: null, maxPerMember: 2 });
    expect((await t.admin('PATCH', '/api/teams/nobody', { maxPerMember: 1 })).status).toBe(404);
  });

  it.each([
    [{ hours: { ...careHours, timeZone: 'Mars/Olympus' } }, 'hours.timeZone'],
    [{ hours: { timeZone: 'UTC', week: { mon: [['12:00', '10:00']] } } }, 'hours.week.mon[0]'],
    [{ hours: { timeZone: 'UTC', week: {} } }, 'hours.week'],
    [{ hours: { ...careHours, holidays: ['next friday'] } }, 'hours.holidays[0]'],
    [{ maxPerMember: 0 }, 'maxPerMember'],
    [{ maxPerMember: 1.5 }, 'maxPerMember'],
    [{ colour: 'red' }, ''],
  ])('refuses %j with a 400 naming %s', async (body, path) => {
    const t = await testRuntime();
    await withCare(t, mapWith({}));
    const res = await t.admin('PATCH', '/api/teams/care', body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(path);
  });
});

describe('business hours in the runtime', () => {
  it('counts a business-hours deadline in the receiving team’s open hours', async () => {
    const t = await testRuntime();
    const { care1 } = await withCare(t, mapWith({ expected: { action: 'Resolve', within: 'PT1H', outcomes: ['resolved', 'escalate'], businessHours: true } }));
    await t.admin('PATCH', '/api/teams/care', { hours: careHours });
    const id = await routed(t, 'my parcel is broken');
    // Queued at 09:00, closed until 10:00: one open hour runs out at 11:00.
    expect((await care1('GET', `/api/cases/${id}`)).body.deadline).toBe('2026-01-01T11:00:00.000Z');
    t.advance(H + 59 * 60_000);
    expect((await care1('GET', `/api/cases/${id}`)).body).toMatchObject({ node: 'care', breached: false });
    t.advance(60_000);
    expect((await t.admin('GET', `/api/cases/${id}`)).body).toMatchObject({ node: 'sup' });
  });

  it('leaves a plain pass on the clock', async () => {
    const t = await testRuntime();
    const { care1 } = await withCare(t, mapWith({}));
    await t.admin('PATCH', '/api/teams/care', { hours: careHours });
    const id = await routed(t, 'my parcel is broken');
    expect((await care1('GET', `/api/cases/${id}`)).body.deadline).toBe('2026-01-01T10:00:00.000Z');
  });
});

describe('capacity: maxPerMember', () => {
  it('refuses a claim over the cap with 409 AT_CAPACITY, and allows it once a case is done', async () => {
    const t = await testRuntime();
    const { care1 } = await withCare(t, mapWith({}));
    await t.admin('PATCH', '/api/teams/care', { maxPerMember: 1 });
    const [a, b] = [await routed(t, 'broken one'), await routed(t, 'broken two')];
    expect((await care1('POST', `/api/cases/${a}/claim`)).status).toBe(200);
    // Renewing the lease on a case already held is not a second case.
    expect((await care1('POST', `/api/cases/${a}/claim`)).status).toBe(200);
    const over = await care1('POST', `/api/cases/${b}/claim`);
    expect(over.status).toBe(409);
    expect(over.body.error).toMatchObject({ code: 'AT_CAPACITY', details: { held: 1, maxPerMember: 1, team: 'care' } });
    expect(over.body.error.message).toMatch(/at most 1 at once/);
    expect((await care1('POST', `/api/cases/${a}/outcome`, { outcome: 'resolved' })).status).toBe(200);
    expect((await care1('POST', `/api/cases/${b}/claim`)).status).toBe(200);
  });

  it('lets pushes hand a member up to the cap, and no more', async () => {
    const t = await testRuntime();
    const { care1 } = await withCare(t, mapWith({ to: { team: 'care', strategy: 'least-loaded' } }));
    await t.admin('PATCH', '/api/teams/care', { maxPerMember: 2 });
    const session = await t.anonymous('POST', '/api/session', { email: 'care1@example.test', password: 'correct horse battery' });
    const res = await t.app.request('/api/events', { headers: { authorization: `Bearer ${session.body.token}` } });
    const reader = res.body!.getReader();
    let text = '';
    while (!text.includes('event: ready')) text += new TextDecoder().decode((await reader.read()).value);
    const ids = [await routed(t, 'broken one'), await routed(t, 'broken two'), await routed(t, 'broken three')];
    const states = await Promise.all(ids.map(async (id) => (await care1('GET', `/api/cases/${id}`)).body));
    expect(states.map((c) => c.holder)).toEqual([care1.id, care1.id, null]);
    // One done: the waiting case comes to them.
    await care1('POST', `/api/cases/${ids[0]}/outcome`, { outcome: 'resolved' });
    expect((await care1('GET', `/api/cases/${ids[2]}`)).body.holder).toBe(care1.id);
    await reader.cancel();
  });
});
