import { describe, expect, it } from 'vitest';
import type { BatonMap } from '@baton/engine';
import type { LiveEvent } from '../events/EventBus.ts';
import { importMap } from '../maps/importMap.ts';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { T0, testRuntime, type TestRuntime } from '../testing/testApp.ts';

/** The complaint map with care's pass handed out round-robin (no checklist, so cases reach care at once). */
function roundRobinMap(): BatonMap {
  const map = complaintMap({ crisis: undefined });
  map.nodes = map.nodes.map((n) => (n.id === 'care' && n.type === 'pass' ? { ...n, to: { team: 'care', strategy: 'round-robin' }, preAction: undefined } : n));
  return map;
}

/**
 * Two care agents, both online (a live stream each, as the web app keeps), and a recorder of what
 * is written to the `cases` table (SQLite triggers on the real file's table) and of live events.
 */
async function setUp() {
  const t = await testRuntime();
  importMap(t.app.rt.db, roundRobinMap() as unknown as Record<string, unknown>, { approve: true, createTeams: true, actor: 'test', now: T0 });
  const care1 = await t.user('care1@example.test', ['agent'], ['care']);
  const care2 = await t.user('care2@example.test', ['agent'], ['care']);
  t.app.rt.online.connect(care1.id);
  t.app.rt.online.connect(care2.id);
  const sqlite = t.app.rt.db.$client;
  sqlite.exec(`
    CREATE TEMP TABLE case_writes (case_id TEXT, kind TEXT);
    CREATE TEMP TRIGGER case_inserted AFTER INSERT ON main.cases BEGIN INSERT INTO case_writes VALUES (new.id, 'insert'); END;
    CREATE TEMP TRIGGER case_updated AFTER UPDATE ON main.cases BEGIN INSERT INTO case_writes VALUES (new.id, 'update'); END;
  `);
  const events: LiveEvent[] = [];
  t.app.rt.bus.subscribe((e) => events.push(e));
  const record = {
    writes: (id: string) => (sqlite.prepare('SELECT kind FROM case_writes WHERE case_id = ?').all(id) as { kind: string }[]).map((r) => r.kind),
    caseEvents: (id: string) => events.filter((e) => e.type === 'case' && (e.data as { id: string }).id === id),
    claimEvents: (id: string) => events.filter((e) => e.type === 'claim' && (e.data as { caseId: string }).caseId === id).map((e) => (e.data as { holder: string | null }).holder),
    clear: () => {
      sqlite.exec('DELETE FROM case_writes');
      events.length = 0;
    },
  };
  return { t, care1, care2, record };
}

async function routed(t: TestRuntime, text: string): Promise<string> {
  return (await t.ingest('POST', '/api/mentions', mention(text))).body.results[0].caseId;
}

describe('moving a case is one step: one write of its row, one live event', () => {
  it('a new case a round-robin pass hands out is written once, with one case event and one claim event', async () => {
    const { t, care1, care2, record } = await setUp();
    const id = await routed(t, 'my parcel arrived broken');
    const c = (await t.admin('GET', `/api/cases/${id}`)).body;
    expect(c).toMatchObject({ status: 'held', team: 'care' });
    expect([care1.id, care2.id]).toContain(c.holder);
    expect(record.writes(id)).toEqual(['insert']);
    expect(record.caseEvents(id)).toHaveLength(1);
    expect(record.caseEvents(id)[0]!.data).toMatchObject({ status: 'held', holder: c.holder });
    expect(record.claimEvents(id)).toEqual([c.holder]);
    // The history tells it in order: opened, walked to care, handed out once.
    const types = c.history.map((h: { type: string }) => h.type);
    expect(types[0]).toBe('opened');
    expect(types.at(-1)).toBe('claim');
    expect(types.filter((x: string) => x === 'claim')).toHaveLength(1);
    expect(c.history.findLast((h: { type: string }) => h.type === 'entered').data).toMatchObject({ node: 'care', team: 'care' });
    expect(c.history.at(-1).data).toMatchObject({ member: c.holder, strategy: 'round-robin' });
  });

  it('a released case the pass hands to the next member is written once; the claim events end with the new holder', async () => {
    const { t, care1, care2, record } = await setUp();
    const id = await routed(t, 'my parcel arrived broken');
    const first = (await t.admin('GET', `/api/cases/${id}`)).body.holder as string;
    const holder = first === care1.id ? care1 : care2;
    const other = first === care1.id ? care2 : care1;
    record.clear();
    expect((await holder('POST', `/api/cases/${id}/release`)).status).toBe(200);
    const c = (await t.admin('GET', `/api/cases/${id}`)).body;
    expect(c).toMatchObject({ status: 'held', holder: other.id });
    expect(record.writes(id)).toEqual(['update']);
    expect(record.caseEvents(id)).toHaveLength(1);
    expect(record.claimEvents(id)).toEqual([null, other.id]);
    expect(c.history.slice(-2).map((h: { type: string; data: { member: string } }) => [h.type, h.data.member])).toEqual([['released', first], ['claim', other.id]]);
  });

  it('a manager takes over a round-robin case: it is not handed to someone else in between', async () => {
    const { t, record } = await setUp();
    const manager = await t.user('boss@example.test', ['manager']);
    const id = await routed(t, 'my parcel arrived broken');
    record.clear();
    const res = await manager('POST', `/api/cases/${id}/takeover`, { reason: 'customer asked for a manager' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'held', holder: manager.id });
    expect(record.claimEvents(id)).toEqual([null, manager.id]);
  });
});
