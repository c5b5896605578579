import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';

async function heldByHub() {
  const t = await testRuntime();
  const people = await withApprovedMap(t, complaintMap({ crisis: undefined }));
  const caseId = (await t.ingest('POST', '/api/mentions', mention('my order arrived broken'))).body.results[0].caseId as string;
  expect((await people.hub('POST', `/api/cases/${caseId}/claim`)).status).toBe(200);
  return { t, ...people, caseId };
}

describe('POST /api/cases/:id/takeover', () => {
  it("a manager takes over in one step: the holder's claim ends, the manager holds it, with the reason in history, audit and a live event", async () => {
    const { t, hub, manager, caseId } = await heldByHub();
    const events: { type: string; data: { caseId?: string; holder?: string | null } }[] = [];
    t.app.rt.bus.subscribe((e) => events.push(e as (typeof events)[number]));
    const res = await manager('POST', `/api/cases/${caseId}/takeover`, { reason: 'Sam is off sick' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: caseId, holder: manager.id });
    const types = res.body.history.map((h: { type: string }) => h.type);
    expect(types.slice(-2)).toEqual(['taken.over', 'claim']);
    expect(res.body.history.at(-2)).toMatchObject({ type: 'taken.over', actor: manager.id, data: { member: hub.id, by: manager.id, reason: 'Sam is off sick' } });
    const audit = (await t.admin('GET', '/api/audit?action=case.takeover')).body.entries;
    expect(audit.find((a: { action: string }) => a.action === 'case.takeover')).toMatchObject({ actor: manager.id, target: caseId, data: { from: hub.id, reason: 'Sam is off sick' } });
    expect(events.filter((e) => e.type === 'claim' && e.data.caseId === caseId).map((e) => e.data.holder)).toEqual([null, manager.id]);
    // The former holder no longer holds it: their claim is refused naming the manager.
    const refused = await hub('POST', `/api/cases/${caseId}/claim`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.holder).toBe(manager.id);
  });

  it('needs a reason, the manager or admin role, and someone else holding the case', async () => {
    const { t, hub, care1, manager, approver, caseId } = await heldByHub();
    expect((await manager('POST', `/api/cases/${caseId}/takeover`, {})).status).toBe(400);
    expect((await manager('POST', `/api/cases/${caseId}/takeover`, { reason: '   ' })).status).toBe(400);
    // Agents hand work over by releasing it; taking over is a manager's or admin's step.
    expect((await hub('POST', `/api/cases/${caseId}/takeover`, { reason: 'mine now' })).status).toBe(403);
    expect((await approver('POST', `/api/cases/${caseId}/takeover`, { reason: 'x' })).status).toBe(403);
    // Another team's case is 404 for an agent, as anywhere a case is addressed.
    expect((await care1('POST', `/api/cases/${caseId}/takeover`, { reason: 'x' })).status).toBe(404);
    expect((await manager('POST', '/api/cases/no-such-case/takeover', { reason: 'x' })).status).toBe(404);
    expect((await t.admin('POST', `/api/cases/${caseId}/takeover`, { reason: 'Covering the weekend' })).status).toBe(200);
    const again = await t.admin('POST', `/api/cases/${caseId}/takeover`, { reason: 'twice' });
    expect(again.body.error.code).toBe('CLAIMED_BY_YOU');
    await t.admin('POST', `/api/cases/${caseId}/release`);
    const free = await manager('POST', `/api/cases/${caseId}/takeover`, { reason: 'x' });
    expect(free.status).toBe(409);
    expect(free.body.error.code).toBe('NOT_CLAIMED');
  });
});
