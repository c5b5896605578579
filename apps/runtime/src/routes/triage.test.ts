import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { mentions } from '../db/schema.ts';
import type { LiveEvent } from '../events/EventBus.ts';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { T0, testRuntime, withApprovedMap } from '../testing/testApp.ts';

/** An approved complaint map with a second, higher-priority trigger, and two mentions no trigger matches. */
async function setup() {
  const t = await testRuntime();
  const map = complaintMap({ crisis: undefined });
  map.nodes.push({ id: 't_vip', type: 'trigger', label: 'VIP', position: { x: 0, y: 5 }, priority: 50, when: { field: 'author.verified', op: 'eq', value: true } });
  map.edges.push({ id: 'e_vip', source: 't_vip', target: 'a' });
  const people = await withApprovedMap(t, map);
  const [quiet, other] = [mention('love the new store'), mention('what are your opening hours?')];
  await t.ingest('POST', '/api/mentions', [quiet, other]);
  const events: LiveEvent[] = [];
  t.app.rt.bus.subscribe((e) => events.push(e));
  const audit = async (action: string) => (await t.admin('GET', `/api/audit?action=${action}`)).body.entries;
  return { t, ...people, quiet: quiet.id, other: other.id, events, audit };
}

const path = (id: string, action: string) => `/api/mentions/${encodeURIComponent(id)}/${action}`;
const inbox = async (call: (m: string, p: string) => Promise<{ body: any }>) =>
  (await call('GET', '/api/mentions/unrouted')).body.mentions as { id: string; tags: string[] }[];

describe('starting a case from the triage inbox', () => {
  it('starts on the highest-priority trigger, walks like an ingested case, and the mention leaves the inbox', async () => {
    const { t, hub, quiet, events, audit } = await setup();
    const res = await hub('POST', path(quiet, 'start'), { mapId: 'complaints' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: quiet, status: 'routed', caseId: expect.stringMatching(/^case_/) });
    const c = (await hub('GET', `/api/cases/${res.body.caseId}`)).body;
    expect(c).toMatchObject({ trigger: 't_vip', status: 'preparing', node: 'care', team: 'social', tags: ['complaint'], path: ['t_vip', 'a', 'care'] });
    expect(c.mention.text).toBe('love the new store');
    expect(c.history[0]).toMatchObject({ type: 'opened', actor: hub.id, data: { mention: quiet, map: 'complaints', trigger: 't_vip', from: 'triage' } });
    expect((await inbox(hub)).map((m) => m.id)).not.toContain(quiet);
    expect(events).toContainEqual({ type: 'mention', data: { id: quiet, status: 'routed', caseId: res.body.caseId } });
    expect(await audit('mention.start')).toMatchObject([{ actor: hub.id, target: quiet, data: { caseId: res.body.caseId, mapId: 'complaints', trigger: 't_vip' } }]);
    // Then it is an ordinary case: the checklist passes it to care.
    for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${res.body.caseId}/checklist`, { item });
    expect((await t.admin('GET', `/api/cases/${res.body.caseId}`)).body).toMatchObject({ status: 'waiting', team: 'care', deadline: new Date(T0 + 3_600_000).toISOString() });
  });

  it('starts on the trigger asked for; 422 for a node that is not a trigger, or a map with no approved version', async () => {
    const { manager, quiet, other } = await setup();
    const asked = await manager('POST', path(quiet, 'start'), { mapId: 'complaints', trigger: 't' });
    expect((await manager('GET', `/api/cases/${asked.body.caseId}`)).body.trigger).toBe('t');
    const notTrigger = await manager('POST', path(other, 'start'), { mapId: 'complaints', trigger: 'care' });
    expect(notTrigger.status).toBe(422);
    expect(notTrigger.body.error).toMatchObject({ code: 'UNKNOWN_TRIGGER', details: { triggers: ['t_vip', 't'] } });
    await manager('POST', '/api/maps', { ...complaintMap({ crisis: undefined }), id: 'drafty', name: 'Only a draft' });
    for (const mapId of ['drafty', 'nowhere']) {
      const res = await manager('POST', path(other, 'start'), { mapId });
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('NO_APPROVED_VERSION');
    }
    expect((await inbox(manager)).map((m) => m.id)).toEqual([other]);
  });

  it('404 for an unknown mention; 409 once it was routed, attached or dismissed', async () => {
    const { t, hub, quiet, other } = await setup();
    expect((await hub('POST', path('twitter:nope', 'start'), { mapId: 'complaints' })).status).toBe(404);
    expect((await hub('POST', path('twitter:nope', 'dismiss'), { reason: 'spam' })).status).toBe(404);
    expect((await hub('POST', path('twitter:nope', 'tags'), { add: ['x'] })).status).toBe(404);
    const routed = mention('my kettle is broken');
    const caseId = (await t.ingest('POST', '/api/mentions', routed)).body.results[0].caseId;
    const reply = mention('any news?', { inReplyTo: routed.id });
    await t.ingest('POST', '/api/mentions', reply);
    const started = (await hub('POST', path(quiet, 'start'), { mapId: 'complaints' })).body.caseId;
    await hub('POST', path(other, 'dismiss'), { reason: 'Not about us' });
    for (const [id, status, theCase] of [[routed.id, 'routed', caseId], [reply.id, 'attached', caseId], [quiet, 'routed', started], [other, 'dismissed', undefined]]) {
      for (const [action, body] of [['start', { mapId: 'complaints' }], ['tags', { add: ['late'] }], ['dismiss', { reason: 'again' }]] as const) {
        const res = await hub('POST', path(id!, action), body);
        expect(res.status, `${action} on a ${status} mention`).toBe(409);
        expect(res.body.error).toMatchObject({ code: 'NOT_UNROUTED', details: { status, ...(theCase ? { caseId: theCase } : {}) } });
      }
    }
    expect((await t.admin('GET', '/api/cases')).body.cases).toHaveLength(2);
  });
});

describe('tags on an unrouted mention', () => {
  it('are stored, listed in the inbox, and carried onto the case started from it', async () => {
    const { hub, manager, quiet, other, events, audit } = await setup();
    const tagged = await hub('POST', path(quiet, 'tags'), { add: ['press', 'follow-up', 'press'] });
    expect(tagged.status).toBe(200);
    expect(tagged.body).toMatchObject({ id: quiet, text: 'love the new store', tags: ['follow-up', 'press'] });
    expect((await hub('POST', path(quiet, 'tags'), { remove: ['follow-up', 'never-there'] })).body.tags).toEqual(['press']);
    expect((await inbox(hub)).map((m) => [m.id, m.tags])).toEqual([[other, []], [quiet, ['press']]]);
    expect(events.filter((e) => e.type === 'mention')).toEqual([
      { type: 'mention', data: { id: quiet, status: 'unrouted' } },
      { type: 'mention', data: { id: quiet, status: 'unrouted' } },
    ]);
    expect((await audit('mention.tags')).map((e: { data: unknown }) => e.data)).toEqual([{ removed: ['follow-up'] }, { added: ['press', 'follow-up'] }]);
    const { caseId } = (await manager('POST', path(quiet, 'start'), { mapId: 'complaints' })).body;
    const c = (await manager('GET', `/api/cases/${caseId}`)).body;
    expect(c.tags).toEqual(['complaint', 'press']);
    expect(c.history).toContainEqual(expect.objectContaining({ type: 'tag', actor: hub.id, data: { tag: 'press', from: 'triage' } }));
  });

  it('refuses tags that do not fit: empty, over 64 characters, more than 50', async () => {
    const { hub, quiet } = await setup();
    for (const add of [[''], ['x'.repeat(65)], Array.from({ length: 51 }, (_, i) => `t${i}`)]) {
      expect((await hub('POST', path(quiet, 'tags'), { add })).status).toBe(400);
    }
    expect((await inbox(hub)).find((m) => m.id === quiet)?.tags).toEqual([]);
  });
});

describe('dismissing an unrouted mention', () => {
  it('needs a reason, takes the mention out of the inbox and keeps the reason, who and when', async () => {
    const { t, hub, quiet, other, events, audit } = await setup();
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(501) }]) {
      expect((await hub('POST', path(quiet, 'dismiss'), body)).status).toBe(400);
    }
    t.clock.advance(60_000);
    const res = await hub('POST', path(quiet, 'dismiss'), { reason: 'Spam account' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: quiet, status: 'dismissed', reason: 'Spam account', dismissedBy: hub.id, dismissedAt: new Date(T0 + 60_000).toISOString() });
    expect((await inbox(hub)).map((m) => m.id)).toEqual([other]);
    const row = t.app.rt.db.select().from(mentions).where(eq(mentions.id, quiet)).get();
    expect(row).toMatchObject({ status: 'dismissed', dismissReason: 'Spam account', dismissedBy: hub.id, dismissedAt: T0 + 60_000, caseId: null });
    expect(events).toContainEqual({ type: 'mention', data: { id: quiet, status: 'dismissed' } });
    expect(await audit('mention.dismiss')).toMatchObject([{ actor: hub.id, target: quiet, data: { reason: 'Spam account' } }]);
    // A mention with the same id arriving again is still a duplicate: dismissed stays dismissed.
    const again = await t.ingest('POST', '/api/mentions', { ...mention('spam'), id: quiet });
    expect(again.body.results[0].status).toBe('duplicate');
  });
});

describe('who may triage', () => {
  it('admins, managers and the hub team of an approved map; other agents, approvers and tokens are refused', async () => {
    const { t, hub, manager, approver, care1, sup, quiet, other } = await setup();
    const cases: [string, (m: string, p: string, b?: unknown) => Promise<{ status: number }>, number][] = [
      ['care agent', care1, 403], ['supervisor agent', sup, 403], ['approver', approver, 403], ['ingest token', t.ingest, 403], ['anonymous', t.anonymous, 401],
    ];
    for (const [who, call, status] of cases) {
      expect((await call('POST', path(quiet, 'tags'), { add: ['x'] })).status, who).toBe(status);
      expect((await call('POST', path(quiet, 'dismiss'), { reason: 'no' })).status, who).toBe(status);
      expect((await call('POST', path(quiet, 'start'), { mapId: 'complaints' })).status, who).toBe(status);
    }
    expect((await inbox(t.admin)).map((m) => [m.id, m.tags])).toEqual([[other, []], [quiet, []]]);
    expect((await hub('POST', path(quiet, 'tags'), { add: ['a'] })).status).toBe(200);
    expect((await manager('POST', path(quiet, 'tags'), { add: ['b'] })).status).toBe(200);
    expect((await t.admin('POST', path(quiet, 'dismiss'), { reason: 'Handled by phone' })).status).toBe(200);
    // Once the map is retired the social team is nobody's hub any more.
    expect((await approver('POST', '/api/maps/complaints/versions/1/retire', {})).status).toBe(200);
    expect((await hub('POST', path(other, 'dismiss'), { reason: 'no' })).status).toBe(403);
  });
});
