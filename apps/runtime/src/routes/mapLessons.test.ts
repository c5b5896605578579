import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { T0, testRuntime, withApprovedMap } from '../testing/testApp.ts';

const MIN = 60_000;

describe('GET /api/maps/:id/lessons', () => {
  it('lists each lesson on every node its case passed through, with breaches, for readers who may see the case', async () => {
    const t = await testRuntime();
    const { manager, hub, care1, sup } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const open = async (text: string) => {
      const id = (await t.ingest('POST', '/api/mentions', mention(text))).body.results[0].caseId as string;
      for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${id}/checklist`, { item });
      return id;
    };
    const a = await open('my order arrived broken');
    await care1('POST', `/api/cases/${a}/claim`);
    await care1('POST', `/api/cases/${a}/outcome`, { outcome: 'escalate' });
    t.advance(2 * MIN);
    expect((await care1('POST', `/api/cases/${a}/lessons`, { text: 'Ask for the order number sooner' })).status).toBe(200);
    // A second case waits past its hour at care: a breach there, then the supervisors take it.
    await open('I want a refund');
    t.advance(61 * MIN);

    const res = await manager('GET', '/api/maps/complaints/lessons');
    expect(res.status).toBe(200);
    const { nodes } = res.body;
    for (const node of ['t', 'a', 'care', 'escalated']) {
      expect(nodes[node].count).toBe(1);
      expect(nodes[node].lessons[0]).toMatchObject({ text: 'Ask for the order number sooner', caseId: a, authorName: 'care1', node: 'escalated', drill: null });
    }
    expect(nodes.care.breaches).toBe(1);
    expect(nodes.done).toBeUndefined();
    expect(nodes.sup?.lessons ?? []).toEqual([]);

    // An agent sees the lessons of cases their team held; the supervisors never held case a.
    expect((await care1('GET', '/api/maps/complaints/lessons')).body.nodes.care.count).toBe(1);
    const theirs = (await sup('GET', '/api/maps/complaints/lessons')).body.nodes;
    expect(theirs.care?.count ?? 0).toBe(0);
    expect(theirs.care?.breaches).toBe(1); // the breached case went on to the supervisors

    // The period: nothing before the lesson was written.
    const before = await manager('GET', `/api/maps/complaints/lessons?to=${new Date(T0 + MIN).toISOString()}`);
    expect(before.body.nodes.care?.count ?? 0).toBe(0);
    expect((await manager('GET', '/api/maps/complaints/lessons?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z')).status).toBe(400);
    expect((await manager('GET', '/api/maps/complaints/lessons?from=yesterday')).status).toBe(400);
    expect((await manager('GET', '/api/maps/nope/lessons')).status).toBe(404);
    expect((await t.anonymous('GET', '/api/maps/complaints/lessons')).status).toBe(401);
  });
});
