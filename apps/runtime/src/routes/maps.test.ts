import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { maps, mapVersions } from '../db/schema.ts';
import { complaintMap } from '../testing/fixtures.ts';
import { T0, testRuntime, withApprovedMap } from '../testing/testApp.ts';

describe('map lifecycle', () => {
  it('draft → submitted → approved; only approvers approve, never their own version', async () => {
    const t = await testRuntime();
    for (const id of ['social', 'care', 'supervisors']) await t.admin('POST', '/api/teams', { id, name: id });
    const manager = await t.user('m@example.test', ['manager', 'approver']);
    const approver = await t.user('a@example.test', ['approver']);
    const agent = await t.user('g@example.test', ['agent']);
    expect((await agent('POST', '/api/maps', complaintMap())).status).toBe(403);
    expect(await manager('POST', '/api/maps', complaintMap())).toMatchObject({ status: 201, body: { id: 'complaints', version: 1 } });
    expect((await manager('POST', '/api/maps', complaintMap())).status).toBe(409);
    expect(await manager('POST', '/api/maps/complaints/submit')).toMatchObject({ status: 200, body: { version: 1 } });
    const own = await manager('POST', '/api/maps/complaints/versions/1/approve', {});
    expect(own.status).toBe(403);
    expect((await agent('POST', '/api/maps/complaints/versions/1/approve', {})).status).toBe(403);
    expect(await approver('POST', '/api/maps/complaints/versions/1/approve', {})).toMatchObject({ status: 200, body: { version: 1, state: 'approved' } });
    const list = await agent('GET', '/api/maps');
    expect(list.body.maps[0]).toMatchObject({ id: 'complaints', activeVersion: 1, draftVersion: null, latestVersion: 1, state: 'approved', crisis: false });
    // Names beside the ids, for every role (an agent may not list users). The last edit is the
    // manager's: approving a version is no edit of the map.
    expect(list.body.maps[0]).toMatchObject({ updatedBy: manager.id, updatedByName: 'm' });
    const detail = await agent('GET', '/api/maps/complaints');
    expect(detail.body.versions[0]).toMatchObject({
      createdBy: manager.id, createdByName: 'm', updatedBy: manager.id, updatedByName: 'm',
      submittedBy: manager.id, submittedByName: 'm', decidedBy: approver.id, decidedByName: 'a',
    });
    expect((await agent('GET', '/api/maps/complaints/versions/active')).body).toMatchObject({ createdByName: 'm', submittedByName: 'm', decidedByName: 'a' });
    // An id that names nobody (an account since removed) reads null, and the id stays.
    t.app.rt.db.update(maps).set({ updatedBy: 'gone' }).where(eq(maps.id, 'complaints')).run();
    t.app.rt.db.update(mapVersions).set({ createdBy: 'gone' }).where(eq(mapVersions.mapId, 'complaints')).run();
    expect((await agent('GET', '/api/maps')).body.maps[0]).toMatchObject({ updatedBy: 'gone', updatedByName: null });
    expect((await agent('GET', '/api/maps/complaints')).body.versions[0]).toMatchObject({ createdBy: 'gone', createdByName: null, decidedByName: 'a' });
  });

  it("the list's last edit is the last editor and when they edited, not whoever submitted or decided since", async () => {
    const t = await testRuntime();
    const { manager, approver } = await withApprovedMap(t, complaintMap());
    t.clock.advance(60_000);
    expect((await manager('PUT', '/api/maps/complaints', { ...complaintMap(), name: 'Complaints, edited' })).status).toBe(200);
    t.clock.advance(60_000);
    await manager('POST', '/api/maps/complaints/submit');
    t.clock.advance(60_000);
    expect((await approver('POST', '/api/maps/complaints/versions/2/approve', {})).status).toBe(200);
    t.clock.advance(60_000);
    await approver('POST', '/api/maps/complaints/versions/2/retire', {});
    const [row] = (await approver('GET', '/api/maps')).body.maps;
    expect(row).toMatchObject({ updatedBy: manager.id, updatedByName: 'manager', updatedAt: new Date(T0 + 60_000).toISOString() });
  });

  it('refuses to submit an invalid draft (422 with the problems) or one naming unknown teams', async () => {
    const t = await testRuntime();
    await t.admin('POST', '/api/teams', { id: 'social', name: 'Social' });
    const broken = complaintMap({ edges: complaintMap().edges.filter((e) => e.id !== 'e3') });
    expect((await t.admin('POST', '/api/maps', broken)).status).toBe(201);
    const invalid = await t.admin('POST', '/api/maps/complaints/submit');
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details.problems.map((p: { code: string }) => p.code)).toContain('E_OUTCOME_UNHANDLED');
    expect((await t.admin('PUT', '/api/maps/complaints', complaintMap())).body).toEqual({ id: 'complaints', version: 1 });
    const teams = await t.admin('POST', '/api/maps/complaints/submit');
    expect(teams.status).toBe(422);
    expect(teams.body.error.details.teams).toEqual(['care', 'supervisors']);
  });

  it('a change after approval opens a new draft; the diff names what changed; cases stay on their version', async () => {
    const t = await testRuntime();
    const { manager, approver } = await withApprovedMap(t, complaintMap());
    const routed = await t.ingest('POST', '/api/mentions', { id: 'm1', network: 'twitter', author: { handle: '@a' }, text: 'my phone is broken', createdAt: '2026-01-01T09:00:00Z' });
    const caseId = routed.body.results[0].caseId;
    const next = complaintMap();
    next.nodes = next.nodes.map((n) => (n.id === 'care' ? { ...n, label: 'Care fixes it' } : n));
    next.nodes.push({ id: 'spare', type: 'end', label: 'Spare', position: { x: 0, y: 9 }, outcome: 'spare' });
    next.edges = next.edges.map((e) => (e.id === 'e4' ? { ...e, target: 'spare' } : e));
    expect((await manager('PUT', '/api/maps/complaints', next)).body).toEqual({ id: 'complaints', version: 2 });
    const diff = await approver('GET', '/api/maps/complaints/diff');
    expect(diff.body).toMatchObject({
      from: 1, to: 2,
      nodes: { added: ['spare'], removed: [], changed: [{ id: 'care', fields: [{ field: 'label', from: 'Care resolves', to: 'Care fixes it' }] }] },
      edges: { added: [], removed: [], changed: [{ id: 'e4', fields: [{ field: 'target', from: 'escalated', to: 'spare' }] }] },
    });
    await manager('POST', '/api/maps/complaints/submit');
    await approver('POST', '/api/maps/complaints/versions/2/approve', {});
    const versions = await approver('GET', '/api/maps/complaints');
    expect(versions.body.versions.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([[2, 'approved'], [1, 'retired']]);
    expect((await t.admin('GET', `/api/cases/${caseId}`)).body.mapVersion).toBe(1);
    const doc = await approver('GET', '/api/maps/complaints/versions/active');
    expect(doc.body.document.nodes.find((n: { id: string }) => n.id === 'care').label).toBe('Care fixes it');
  });

  it('rejects with or without a comment, and retiring the active version stops routing', async () => {
    const t = await testRuntime();
    const { manager, approver } = await withApprovedMap(t, complaintMap());
    for (const body of [undefined, { comment: '' }, { comment: 'not yet' }]) {
      const { version } = (await manager('PUT', '/api/maps/complaints', complaintMap({ name: 'Complaints, edited' }))).body;
      await manager('POST', '/api/maps/complaints/submit');
      expect((await approver('POST', `/api/maps/complaints/versions/${version}/reject`, body)).body).toEqual({ version, state: 'rejected' });
    }
    const versions = (await approver('GET', '/api/maps/complaints/versions')).body.versions as { version: number; state: string; comment?: string }[];
    expect(versions.map((v) => [v.version, v.state, v.comment])).toEqual([[4, 'rejected', 'not yet'], [3, 'rejected', undefined], [2, 'rejected', undefined], [1, 'approved', undefined]]);
    const stored = t.app.rt.db.select({ comment: mapVersions.comment }).from(mapVersions).where(eq(mapVersions.version, 3)).get();
    expect(stored).toEqual({ comment: null });
    expect((await approver('POST', '/api/maps/complaints/versions/active/retire', {})).body).toEqual({ version: 1, state: 'retired' });
    const res = await t.ingest('POST', '/api/mentions', { id: 'm2', network: 'twitter', author: { handle: '@a' }, text: 'broken again', createdAt: '2026-01-01T09:00:00Z' });
    expect(res.body.results[0].status).toBe('unrouted');
  });

  it('lists the versions of a map, newest first, to anyone signed in', async () => {
    const t = await testRuntime();
    const { manager } = await withApprovedMap(t, complaintMap());
    await manager('PUT', '/api/maps/complaints', complaintMap({ name: 'Complaints 2' }));
    const agent = await t.user('g@example.test', ['agent']);
    const listed = await agent('GET', '/api/maps/complaints/versions');
    expect(listed.status).toBe(200);
    expect(listed.body.versions.map((v: { version: number; state: string }) => [v.version, v.state])).toEqual([[2, 'draft'], [1, 'approved']]);
    expect(listed.body).toEqual({ versions: (await agent('GET', '/api/maps/complaints')).body.versions });
    expect((await agent('GET', '/api/maps/nope/versions')).status).toBe(404);
    expect((await t.anonymous('GET', '/api/maps/complaints/versions')).status).toBe(401);
  });

  it('validates a document with the engine', async () => {
    const t = await testRuntime();
    const res = await t.admin('POST', '/api/maps/validate', { ...complaintMap(), nodes: [] });
    expect(res.status).toBe(200);
    expect(res.body.valid).toBe(false);
    expect(res.body.problems.map((p: { code: string }) => p.code)).toContain('E_NO_TRIGGER');
  });
});

describe('POST /api/maps/:id/simulate', () => {
  it('rehearses the draft against a scenario with the engine simulator', async () => {
    const t = await testRuntime();
    await t.admin('POST', '/api/maps', complaintMap({ crisis: undefined }));
    const scenario = {
      format: 'baton.scenario/v1', name: 'two complaints', start: '2026-01-01T09:00:00Z',
      mentions: [
        { at: 'PT0S', mention: { id: 'x:1', network: 'twitter', author: { handle: '@a' }, text: 'broken screen', createdAt: '2026-01-01T09:00:00Z' } },
        { at: 'PT1M', mention: { id: 'x:2', network: 'twitter', author: { handle: '@b' }, text: 'nice shop', createdAt: '2026-01-01T09:01:00Z' } },
      ],
      staff: { care: { members: 1, responseTime: 'PT10M' } },
    };
    const res = await t.admin('POST', '/api/maps/complaints/simulate', { scenario });
    expect(res.status).toBe(200);
    expect(res.body.cases.map((c: { status: string; path: string[] }) => [c.status, c.path])).toEqual([['ended', ['t', 'a', 'care', 'done']], ['unrouted', []]]);
    expect((await t.admin('POST', '/api/maps/complaints/simulate', { scenario: { ...scenario, format: 'nope' } })).status).toBe(400);
  });
});
