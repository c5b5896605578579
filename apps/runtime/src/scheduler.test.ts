import type { BatonMap } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from './testing/fixtures.ts';
import { testRuntime, withApprovedMap } from './testing/testApp.ts';
import { SLICE_MAX } from './scheduler.ts';

/** The complaint map with no checklist: every complaint waits in care's queue with a 1-hour deadline at once. */
function straightToCare(): BatonMap {
  const map = complaintMap({ crisis: undefined });
  map.nodes = map.nodes.map((n) => (n.id === 'care' && n.type === 'pass' ? { ...n, preAction: undefined } : n)) as BatonMap['nodes'];
  return map;
}

async function dueTogether(count: number) {
  const t = await testRuntime();
  await withApprovedMap(t, straightToCare());
  for (let i = 0; i < count; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, count - i) }, (_, j) => mention(`broken parcel ${i + j}`));
    const res = await t.ingest('POST', '/api/mentions', batch);
    expect(res.status).toBe(200);
  }
  const sql = t.app.rt.db.$client;
  const fired = () => (sql.prepare("select count(*) as n from deadlines where kind = 'timeout' and fired_at is not null").get() as { n: number }).n;
  return { t, sql, fired };
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('deadlines falling due together', () => {
  it('fire in bounded slices that let requests in between, each exactly once and in order', async () => {
    const { t, sql, fired } = await dueTogether(600);
    t.clock.advance(3_600_000); // every deadline is due now
    t.app.scheduler.start(3_600_000);
    try {
      // The first slice ran inside start(); then the event loop got its turn before the rest.
      await turn();
      const afterFirstTurn = fired();
      expect(afterFirstTurn).toBeGreaterThan(0);
      expect(afterFirstTurn).toBeLessThanOrEqual(2 * SLICE_MAX);
      // A request is answered while deadlines are still due.
      expect((await t.admin('GET', '/api/health')).status).toBe(200);
      expect(fired()).toBeLessThan(600);
      for (let i = 0; i < 10_000 && fired() < 600; i++) await turn();
    } finally {
      t.app.scheduler.stop();
    }
    expect(fired()).toBe(600);
    // Exactly once: one timeout in each case's history, and every case moved on to the supervisors.
    const timeouts = sql.prepare("select case_id, count(*) as n from case_events where type = 'timeout' group by case_id").all() as { n: number }[];
    expect(timeouts).toHaveLength(600);
    expect(timeouts.every((r) => r.n === 1)).toBe(true);
    expect((sql.prepare("select count(*) as n from cases where team = 'supervisors'").get() as { n: number }).n).toBe(600);
    // In order: due time, then creation (all are due at one instant here, so by deadline id).
    const order = sql.prepare("select d.id from case_events e join deadlines d on d.case_id = e.case_id and d.kind = 'timeout' and d.node = 'care' where e.type = 'timeout' order by e.id").all() as { id: number }[];
    const ids = order.map((r) => r.id);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(t.app.scheduler.tick()).toBe(0); // nothing left, nothing fired twice
  }, 60_000);

  it('tick() still fires everything due in one call (tests and the CLI rely on it)', async () => {
    const { t, fired } = await dueTogether(300);
    t.clock.advance(3_600_000);
    expect(t.app.scheduler.tick()).toBe(300);
    expect(fired()).toBe(300);
  }, 60_000);
});
