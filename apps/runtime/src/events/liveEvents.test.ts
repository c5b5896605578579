import { historyEntrySchema, liveEventSchema, type LiveEventType } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';
import type { LiveEvent } from './EventBus.ts';

/**
 * What the runtime really sends and stores, read with the engine's contracts: a change to a live
 * event or a history line that the schemas do not declare fails here.
 */
describe('the engine contracts fit what the runtime sends', () => {
  it('every live event of a working day, and every line of a case history', async () => {
    const t = await testRuntime();
    const sent: LiveEvent[] = [];
    t.app.rt.bus.subscribe((e) => sent.push(e));
    const people = await withApprovedMap(t, complaintMap({ crisis: { window: 'PT10M', threshold: 3, notify: [{ team: 'supervisors' }] } }));
    const ids: string[] = [];
    for (const text of ['my order arrived broken', 'broken again', 'I want a refund']) {
      ids.push((await t.ingest('POST', '/api/mentions', mention(text))).body.results[0].caseId as string);
    }
    await t.ingest('POST', '/api/mentions', mention('lovely weather'));
    const caseId = ids[0]!;
    for (const item of ['Screenshot', 'Check CRM']) expect((await people.hub('POST', `/api/cases/${caseId}/checklist`, { item })).status).toBe(200);
    expect((await people.care1('POST', `/api/cases/${caseId}/claim`, {})).status).toBe(200);
    expect((await people.care1('POST', `/api/cases/${caseId}/viewing`)).status).toBeLessThan(300);
    expect((await people.care1('POST', `/api/cases/${caseId}/tags`, { tag: 'vip' })).status).toBeLessThan(300);
    expect((await people.care1('POST', `/api/cases/${caseId}/notes`, { text: 'called them' })).status).toBeLessThan(300);
    expect((await people.care1('POST', `/api/cases/${caseId}/outcome`, { outcome: 'escalate' })).status).toBe(200);
    expect((await people.manager('POST', `/api/cases/${caseId}/lessons`, { text: 'answer sooner' })).status).toBeLessThan(300);
    await t.app.outbox.deliverDue();

    const kinds = new Set<LiveEventType>();
    for (const { teams: _teams, users: _users, ...event } of sent) {
      const parsed = liveEventSchema.safeParse(event);
      expect(parsed.error?.issues ?? [], JSON.stringify(event)).toEqual([]);
      expect(parsed.data).toEqual(event);
      kinds.add(event.type);
    }
    expect([...kinds].sort()).toEqual(['case', 'claim', 'crisis', 'map', 'mention', 'notification', 'presence', 'queue']);

    const detail = await people.manager('GET', `/api/cases/${caseId}`);
    const history: unknown[] = detail.body.history;
    for (const line of history) {
      const parsed = historyEntrySchema.safeParse(line);
      expect(parsed.error?.issues ?? [], JSON.stringify(line)).toEqual([]);
      expect(parsed.data).toEqual(line);
    }
    const lines = new Set(history.map((h) => (h as { type: string }).type));
    for (const kind of ['opened', 'entered', 'tag', 'log', 'checklist', 'passed', 'claim', 'note', 'outcome', 'lesson', 'ended']) expect(lines).toContain(kind);
    expect(history.length).toBeGreaterThan(8);
  });
});
