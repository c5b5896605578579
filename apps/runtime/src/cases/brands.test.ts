import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';

describe('brands kept apart in the runtime', () => {
  it('routes each brand’s mentions only to the maps that listen to it, and counts only them for a map’s crisis', async () => {
    const t = await testRuntime();
    const { manager, approver } = await withApprovedMap(t, complaintMap({ id: 'acme', crisis: { window: 'PT10M', threshold: 2 }, listensTo: { brands: ['acme'] } }));
    // A second map with the same triggers for another brand, and one that hears everything (tried after them: ties go by map id).
    for (const [id, extra] of [['globex', { listensTo: { brands: ['globex'] } }], ['wildcard', {}]] as [string, object][]) {
      expect((await manager('POST', '/api/maps', complaintMap({ id, crisis: undefined, ...extra }))).status).toBe(201);
      const submitted = await manager('POST', `/api/maps/${id}/submit`);
      expect((await approver('POST', `/api/maps/${id}/versions/${submitted.body.version}/approve`, {})).status).toBe(200);
    }
    const mapOf = async (caseId: string) => (await t.admin('GET', `/api/cases/${caseId}`)).body.mapId;
    const res = await t.ingest('POST', '/api/mentions', [
      mention('screen broken', { brand: 'globex' }),
      mention('screen broken', { brand: 'globex' }),
      mention('screen broken', { brand: 'acme' }),
      mention('screen broken'),
      mention('screen broken', { brand: 'initech' }),
    ]);
    const maps = await Promise.all(res.body.results.map((r: { caseId: string }) => mapOf(r.caseId)));
    expect(maps).toEqual(['globex', 'globex', 'acme', 'wildcard', 'wildcard']);
    // Two globex mentions did not bring acme's crisis on (threshold 2); a second acme mention does.
    const crises = () => (t.app.rt.db.$client.prepare("SELECT count(*) AS n FROM crises WHERE map_id = 'acme'").get() as { n: number }).n;
    expect(crises()).toBe(0);
    await t.ingest('POST', '/api/mentions', mention('screen broken again', { brand: 'acme' }));
    expect(crises()).toBe(1);
  });

  it('simulates with the same rule: another brand’s scenario mentions stay unrouted', async () => {
    const t = await testRuntime();
    const { manager } = await withApprovedMap(t, complaintMap({ id: 'acme', crisis: undefined, listensTo: { brands: ['acme'] } }));
    const m = (id: string, brand?: string) => ({ at: 'PT0S', mention: { ...mention('screen broken'), id, ...(brand ? { brand } : {}) } });
    const res = await manager('POST', '/api/maps/acme/simulate', {
      version: 'active',
      scenario: { format: 'baton.scenario/v1', name: 's', start: '2026-01-01T09:00:00Z', mentions: [m('a', 'acme'), m('b', 'globex'), m('c')], staff: { care: { members: 1, responseTime: 'PT5M' } } },
    });
    expect(res.status).toBe(200);
    expect(res.body.cases.map((c: { mention: string; status: string }) => [c.mention, c.status === 'unrouted'])).toEqual([['a', false], ['b', true], ['c', false]]);
  });
});
