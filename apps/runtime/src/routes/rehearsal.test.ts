import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { T0, testRuntime, withApprovedMap, type Call } from '../testing/testApp.ts';

/** A spike of complaints: with one slow carer, deadlines slip; with ten quick ones, none do. */
function spike(count: number, careMembers: number, careTime: string) {
  return {
    format: 'baton.scenario/v1', name: `Spike ×${count}`, start: '2026-01-01T09:00:00Z', seed: 7,
    generate: [{ count, from: 'PT0S', to: 'PT10M', template: { network: 'twitter', author: { handle: '@x' }, text: 'my order arrived broken', createdAt: '2026-01-01T09:00:00Z' } }],
    staff: { social: { members: 1, responseTime: 'PT1M' }, care: { members: careMembers, responseTime: careTime, outcomes: { resolved: 1 } }, supervisors: { members: 2, responseTime: 'PT5M' } },
  };
}
const noBreaches = [{ metric: 'breaches', max: 0 }, { metric: 'pickupP90Sec', team: 'care', max: 3600 }];

async function until(check: () => Promise<boolean>, ms = 60_000) {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function draftAndSubmit(manager: Call, map = complaintMap({ name: 'Complaints v2' })) {
  expect((await manager('PUT', '/api/maps/complaints', map)).status).toBe(200);
  const submitted = await manager('POST', '/api/maps/complaints/submit');
  expect(submitted.status).toBe(200);
  return submitted.body as { version: number; evidence: string };
}

describe('scenarios kept with a map', () => {
  it('a manager keeps, lists, edits and removes them; bad ones are refused with the reason', async () => {
    const t = await testRuntime();
    const { manager, approver, care1 } = await withApprovedMap(t, complaintMap());
    const kept = await manager('POST', '/api/maps/complaints/scenarios', { scenario: spike(20, 1, 'PT2H'), mustPass: noBreaches });
    expect(kept.status).toBe(201);
    expect(kept.body).toMatchObject({ name: 'Spike ×20', mentions: 20, mustPass: noBreaches, createdByName: 'manager' });

    expect((await manager('POST', '/api/maps/complaints/scenarios', { scenario: { format: 'baton.scenario/v1' } })).status).toBe(400);
    expect((await manager('POST', '/api/maps/complaints/scenarios', { scenario: spike(5, 1, 'PT1M'), mustPass: [{ metric: 'slow', max: 1 }] })).status).toBe(400);
    const unknownTeam = await manager('POST', '/api/maps/complaints/scenarios', { scenario: spike(5, 1, 'PT1M'), mustPass: [{ metric: 'breaches', team: 'legal', max: 0 }] });
    expect(unknownTeam).toMatchObject({ status: 422, body: { error: { code: 'UNKNOWN_BAR_TARGET' } } });
    const unfit = await manager('POST', '/api/maps/complaints/scenarios', { scenario: { ...spike(5, 1, 'PT1M'), staff: { ...spike(5, 1, 'PT1M').staff, legal: { members: 1, responseTime: 'PT1M' } } } });
    expect(unfit).toMatchObject({ status: 422, body: { error: { code: 'SCENARIO_UNFIT' } } });
    expect((await care1('POST', '/api/maps/complaints/scenarios', { scenario: spike(5, 1, 'PT1M') })).status).toBe(403);
    expect((await manager('GET', '/api/maps/nope/scenarios')).status).toBe(404);

    const listed = await approver('GET', '/api/maps/complaints/scenarios');
    expect(listed.body.scenarios.map((s: { name: string }) => s.name)).toEqual(['Spike ×20']);
    expect(listed.body.scenarios[0].scenario.format).toBe('baton.scenario/v1');
    const edited = await manager('PUT', `/api/maps/complaints/scenarios/${kept.body.id}`, { scenario: spike(30, 1, 'PT2H'), mustPass: [] });
    expect(edited).toMatchObject({ status: 200, body: { name: 'Spike ×30', mentions: 30, mustPass: [] } });
    expect((await care1('GET', '/api/maps/complaints/scenarios')).status).toBe(403);
    expect((await manager('DELETE', `/api/maps/complaints/scenarios/${kept.body.id}`)).status).toBe(200);
    expect((await manager('DELETE', `/api/maps/complaints/scenarios/${kept.body.id}`)).status).toBe(404);
    expect((await manager('GET', '/api/maps/complaints/scenarios')).body.scenarios).toEqual([]);
  });
});

describe('evidence-gated approval', () => {
  it('a version failing a bar cannot be approved (409 EVIDENCE_FAILED naming the bars); an approver may not override, an admin may, and the audit log keeps the reason', async () => {
    const t = await testRuntime();
    const { manager, approver } = await withApprovedMap(t, complaintMap());
    await manager('POST', '/api/maps/complaints/scenarios', { scenario: spike(20, 1, 'PT2H'), mustPass: noBreaches });
    await manager('POST', '/api/maps/complaints/scenarios', { scenario: spike(10, 10, 'PT5M'), mustPass: [{ metric: 'breaches', max: 0 }] });
    const { version, evidence } = await draftAndSubmit(manager);
    expect(evidence).toBe('done');

    const stored = await approver('GET', `/api/maps/complaints/versions/${version}/evidence`);
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ map: 'complaints', version, activeVersion: 1, state: 'done', passed: false, override: null });
    const [slow, quick] = stored.body.scenarios;
    expect(slow).toMatchObject({ name: 'Spike ×20', state: 'done', passed: false });
    expect(slow.submitted.figures.mentions).toBe(20);
    expect(slow.submitted.figures.breaches).toBeGreaterThan(0);
    expect(slow.active.version).toBe(1);
    expect(slow.active.figures.breaches).toBe(slow.submitted.figures.breaches);
    expect(slow.submitted.bars[0]).toMatchObject({ passed: false, bar: { metric: 'breaches', max: 0 } });
    expect(slow.submitted.series.queue.care.length).toBeGreaterThan(0);
    expect(quick).toMatchObject({ passed: true });
    expect(stored.body.failedBars.map((b: { scenario: string }) => b.scenario)).toContain('Spike ×20');

    const refused = await approver('POST', `/api/maps/complaints/versions/${version}/approve`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('EVIDENCE_FAILED');
    expect(refused.body.error.message).toMatch(/Missed deadlines/);
    expect(refused.body.error.details.bars[0]).toMatchObject({ scenario: 'Spike ×20' });

    const notAdmin = await approver('POST', `/api/maps/complaints/versions/${version}/approve`, { override: 'we need it live today' });
    expect(notAdmin.status).toBe(403);
    expect((await approver('GET', '/api/maps/complaints/versions/active')).body.version).toBe(1);

    expect((await t.admin('POST', `/api/maps/complaints/versions/${version}/approve`, { override: '' })).status).toBe(400);
    const overridden = await t.admin('POST', `/api/maps/complaints/versions/${version}/approve`, { override: 'Black Friday staffing is agreed; the spike is covered by agency staff' });
    expect(overridden).toMatchObject({ status: 200, body: { version, state: 'approved' } });
    const log = await t.admin('GET', '/api/audit?action=map.evidence_override');
    const entry = (log.body.entries ?? log.body.items ?? log.body).find((e: { action: string }) => e.action === 'map.evidence_override');
    expect(entry).toMatchObject({ target: `complaints@${version}`, data: { reason: 'Black Friday staffing is agreed; the spike is covered by agency staff' } });
    expect(entry.data.bars.length).toBeGreaterThan(0);
    const after = await approver('GET', `/api/maps/complaints/versions/${version}/evidence`);
    expect(after.body.override).toMatchObject({ by: 'Administrator', reason: 'Black Friday staffing is agreed; the spike is covered by agency staff' });
  });

  it('a version that passes every bar is approved as before; a map with no kept scenario has no evidence to wait for', async () => {
    const t = await testRuntime();
    const { manager, approver } = await withApprovedMap(t, complaintMap());
    const none = await draftAndSubmit(manager);
    expect(none.evidence).toBe('none');
    expect((await approver('GET', `/api/maps/complaints/versions/${none.version}/evidence`)).body).toMatchObject({ state: 'none', passed: null, scenarios: [] });
    expect((await approver('POST', `/api/maps/complaints/versions/${none.version}/approve`, {})).status).toBe(200);
    await manager('POST', '/api/maps/complaints/scenarios', { scenario: spike(10, 10, 'PT5M'), mustPass: noBreaches });
    const { version } = await draftAndSubmit(manager, complaintMap({ name: 'Complaints v3' }));
    expect((await approver('GET', `/api/maps/complaints/versions/${version}/evidence`)).body).toMatchObject({ state: 'done', passed: true, failedBars: [] });
    expect((await approver('POST', `/api/maps/complaints/versions/${version}/approve`, {})).status).toBe(200);
  });

  it('a large rehearsal runs off the request thread: evidence reads running, approval waits (EVIDENCE_PENDING), then it is stored', async () => {
    const t = await testRuntime();
    const { manager, approver } = await withApprovedMap(t, complaintMap());
    await manager('POST', '/api/maps/complaints/scenarios', { scenario: spike(2_600, 1, 'PT2H'), mustPass: [{ metric: 'breaches', max: 0 }] });
    const { version, evidence } = await draftAndSubmit(manager);
    expect(evidence).toBe('running');
    expect((await approver('POST', `/api/maps/complaints/versions/${version}/approve`, {})).body.error.code).toBe('EVIDENCE_PENDING');
    // The server answers while the rehearsal runs.
    expect((await approver('GET', '/api/maps/complaints/scenarios')).status).toBe(200);
    await until(async () => (await approver('GET', `/api/maps/complaints/versions/${version}/evidence`)).body.state === 'done');
    const stored = (await approver('GET', `/api/maps/complaints/versions/${version}/evidence`)).body;
    expect(stored.scenarios[0].submitted.figures.mentions).toBe(2_600);
    expect(stored.passed).toBe(false);
    expect((await approver('POST', `/api/maps/complaints/versions/${version}/approve`, {})).body.error.code).toBe('EVIDENCE_FAILED');
  }, 90_000);
});

describe('replay of real mentions', () => {
  it('replays the last days on a draft and the active version: what routes differently, and each team’s load', async () => {
    const t = await testRuntime();
    const { manager, approver, care1 } = await withApprovedMap(t, complaintMap());
    const texts = ['screen broken', 'refund please', 'love it', 'broken again, refund now'];
    expect((await t.ingest('POST', '/api/mentions', texts.map((text) => mention(text))).then((r) => r.status))).toBe(200);
    // The draft no longer takes refunds, and sends "broken" straight to supervisors.
    const draft = complaintMap();
    (draft.nodes[0] as { when: unknown }).when = { field: 'text', op: 'containsAny', value: ['broken'] };
    draft.edges = draft.edges.map((e) => (e.id === 'e2' ? { ...e, target: 'sup' } : e));
    expect((await manager('PUT', '/api/maps/complaints', draft)).status).toBe(200);

    const out = await approver('POST', '/api/maps/complaints/replay', { version: 'draft', days: 7 });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({ map: 'complaints', version: 2, activeVersion: 1, mentions: 4, changedCount: 3 });
    const refund = out.body.changed.find((c: { text: string }) => c.text === 'refund please');
    expect(refund.before).toEqual({ trigger: 't', end: 'done', teams: ['care'] });
    expect(refund.after).toEqual({ trigger: null, end: null, teams: [] });
    const broken = out.body.changed.find((c: { text: string }) => c.text === 'screen broken');
    expect(broken.after.teams).toEqual(['supervisors']);
    expect(out.body.byTeam).toEqual({ care: { before: 3, after: 0, gain: -3 }, supervisors: { before: 0, after: 2, gain: 2 } });

    // Only mentions of the last `days` count.
    t.clock.advance(3 * 86_400_000);
    expect((await approver('POST', '/api/maps/complaints/replay', { version: 'draft', days: 2 })).body.mentions).toBe(0);
    expect((await care1('POST', '/api/maps/complaints/replay', { version: 'draft', days: 7 })).status).toBe(403);
    expect((await approver('POST', '/api/maps/complaints/replay', { version: 'draft', days: 0 })).status).toBe(400);
    expect((await approver('POST', '/api/maps/complaints/replay', { version: 9, days: 1 })).status).toBe(404);
    expect(T0).toBeGreaterThan(0);
  });
});
