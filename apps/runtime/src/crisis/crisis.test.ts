import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';

/** A real HTTP receiver for webhooks that fails the first `failFirst` deliveries. */
async function receiver(failFirst = 0) {
  const got: { path: string; body: Record<string, unknown> }[] = [];
  let calls = 0;
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => {
      calls++;
      if (calls <= failFirst) {
        res.writeHead(503).end();
        return;
      }
      got.push({ path: req.url ?? '', body: JSON.parse(text) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, got, calls: () => calls, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('crisis', () => {
  it('sets on the threshold-th matching mention, tells crisis.notify once, lets backups claim, and clears after the cooldown', async () => {
    const hooks = await receiver();
    cleanup = hooks.close;
    const t = await testRuntime({ config: { webhookAllowPrivate: true } }); // the receiver is on 127.0.0.1
    const map = complaintMap({ crisis: { window: 'PT10M', threshold: 3, notify: [{ webhook: `${hooks.url}/crisis` }] } });
    const { hub, backup } = await withApprovedMap(t, map);
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) ids.push((await t.ingest('POST', '/api/mentions', mention('refund please'))).body.results[0].caseId);
    expect((await t.admin('GET', '/api/maps')).body.maps[0].crisis).toBe(false);
    ids.push((await t.ingest('POST', '/api/mentions', mention('refund now'))).body.results[0].caseId);
    expect((await t.admin('GET', '/api/maps')).body.maps[0].crisis).toBe(true);
    await t.ingest('POST', '/api/mentions', mention('refund refund'));
    await t.app.outbox.deliverDue();
    expect(hooks.got.filter((h) => h.path === '/crisis')).toHaveLength(1);
    expect(hooks.got[0]!.body).toMatchObject({ kind: 'crisis', mapId: 'complaints' });

    for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${ids[0]}/checklist`, { item });
    expect((await backup('POST', `/api/cases/${ids[0]}/claim`, { lease: 'PT1H' })).status).toBe(200);

    // No more mentions: 4 arrivals at t0 leave the window at +10 min; cooldown (= window) ends at +20 min.
    t.advance(19 * 60_000);
    expect((await t.admin('GET', '/api/maps')).body.maps[0].crisis).toBe(true);
    t.advance(60_000);
    expect((await t.admin('GET', '/api/maps')).body.maps[0].crisis).toBe(false);
    // The backup finishes what they started, but takes nothing new.
    expect((await backup('POST', `/api/cases/${ids[0]}/outcome`, { outcome: 'resolved' })).body.status).toBe('ended');
    for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${ids[1]}/checklist`, { item });
    expect((await backup('POST', `/api/cases/${ids[1]}/claim`)).status).toBe(403);
  });
});

describe('outbox', () => {
  it('delivers end notifications by webhook, retrying with backoff until the receiver answers', async () => {
    const hooks = await receiver(2);
    cleanup = hooks.close;
    const t = await testRuntime({ outbox: { baseDelayMs: 1000 }, config: { webhookAllowPrivate: true } }); // the receiver is on 127.0.0.1
    const map = complaintMap({ crisis: undefined });
    map.nodes = map.nodes.map((n) => (n.id === 'done' ? { ...n, notify: [{ webhook: `${hooks.url}/end` }, { team: 'supervisors' }] } : n));
    const { hub, care1, sup } = await withApprovedMap(t, map);
    const caseId = (await t.ingest('POST', '/api/mentions', mention('broken'))).body.results[0].caseId;
    for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${caseId}/checklist`, { item });
    await care1('POST', `/api/cases/${caseId}/outcome`, { outcome: 'resolved' });
    expect(await t.app.outbox.deliverDue()).toBe(1); // the team inbox; the webhook answered 503
    expect(hooks.got).toHaveLength(0);
    expect(await t.app.outbox.deliverDue()).toBe(0); // not due again yet
    t.clock.advance(1000);
    await t.app.outbox.deliverDue(); // second failure
    t.clock.advance(2000);
    await t.app.outbox.deliverDue();
    expect(hooks.got).toHaveLength(1);
    expect(hooks.got[0]!.body).toMatchObject({ type: 'baton.notification', kind: 'end', caseId, mapId: 'complaints', node: 'done' });
    const inbox = t.app.rt.db.$client.prepare('select user_id, message from inbox').all() as { user_id: string }[];
    expect(inbox.map((r) => r.user_id)).toEqual([sup.id]);
    const mine = await sup('GET', '/api/notifications?unread=1');
    expect(mine.body.notifications).toHaveLength(1);
    expect(mine.body.notifications[0].data).toMatchObject({ kind: 'end', caseId });
    expect((await sup('POST', `/api/notifications/${mine.body.notifications[0].id}/read`)).status).toBe(204);
    expect((await sup('GET', '/api/notifications?unread=1')).body.notifications).toHaveLength(0);
  });
});
