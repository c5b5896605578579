import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';

/** A real HTTP receiver on 127.0.0.1 that keeps each request's headers and raw body. */
async function receiver(status = 200) {
  const got: { path: string; headers: IncomingHttpHeaders; body: string }[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (d) => (body += d));
    req.on('end', () => {
      got.push({ path: req.url ?? '', headers: req.headers, body });
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, got, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup) await c();
  cleanup = [];
});

/** The complaint map telling `notify` when a case is resolved; one case resolved by care1. */
async function resolved(notify: Record<string, string>[], outbox: Parameters<typeof testRuntime>[0] = {}) {
  const t = await testRuntime({ config: { publicUrl: 'https://baton.example' }, ...outbox });
  const map = complaintMap({ crisis: undefined });
  map.nodes = map.nodes.map((n) => (n.id === 'done' ? { ...n, notify } : n)) as typeof map.nodes;
  const people = await withApprovedMap(t, map);
  const m = mention('my order arrived broken', { author: { handle: '@ana', name: 'Ana' } });
  const caseId = (await t.ingest('POST', '/api/mentions', m)).body.results[0].caseId as string;
  for (const item of ['Screenshot', 'Check CRM']) await people.hub('POST', `/api/cases/${caseId}/checklist`, { item });
  await people.care1('POST', `/api/cases/${caseId}/outcome`, { outcome: 'resolved' });
  return { t, ...people, caseId, m };
}

describe('webhooks are signed', { timeout: 20_000 }, () => {
  it('carries the case, map, node, outcome, mention and link, signed with the secret an admin rotated (Standard Webhooks)', async () => {
    const hooks = await receiver();
    cleanup.push(hooks.close);
    const { t, caseId, m, manager } = await resolved([{ webhook: `${hooks.url}/end` }]);
    expect((await manager('POST', '/api/webhooks/secret/rotate')).status).toBe(403);
    const rotated = await t.admin('POST', '/api/webhooks/secret/rotate');
    expect(rotated.status).toBe(200);
    expect(rotated.headers.get('cache-control')).toBe('no-store');
    const secret = rotated.body.secret as string;
    expect(secret).toMatch(/^whsec_/);
    expect((await t.admin('GET', '/api/webhooks/secret')).status).toBe(404);

    expect(await t.app.outbox.deliverDue()).toBe(1);
    expect(hooks.got).toHaveLength(1);
    const { headers, body } = hooks.got[0]!;
    expect(headers['webhook-id']).toMatch(/^baton_\d+$/);
    const payload = new Webhook(secret).verify(body, headers as Record<string, string>) as Record<string, unknown>;
    expect(payload).toMatchObject({
      type: 'baton.notification', kind: 'end', caseId, mapId: 'complaints', mapName: 'Complaints', node: 'done', nodeLabel: 'Resolved', outcome: 'resolved',
      mention: { id: m.id, network: 'twitter', author: { handle: '@ana', name: 'Ana' }, text: 'my order arrived broken' },
      url: `https://baton.example/#/console/case/${caseId}`,
    });
    const tampered = body.replace('broken', 'fixed');
    expect(() => new Webhook(secret).verify(tampered, headers as Record<string, string>)).toThrow();
    const rotatedAgain = (await t.admin('POST', '/api/webhooks/secret/rotate')).body.secret as string;
    expect(rotatedAgain).not.toBe(secret);
    expect(() => new Webhook(rotatedAgain).verify(body, headers as Record<string, string>)).toThrow();
    const audited = t.app.rt.db.$client.prepare("select actor from audit_log where action = 'webhook.secret.rotate'").all();
    expect(audited).toHaveLength(2);
    expect(JSON.stringify(t.app.rt.db.$client.prepare("select data from audit_log where action = 'webhook.secret.rotate'").all())).not.toContain('whsec_');
  });

  it('signs with a secret made on first need when no admin has rotated one yet', async () => {
    const hooks = await receiver();
    cleanup.push(hooks.close);
    const { t } = await resolved([{ webhook: `${hooks.url}/end` }]);
    await t.app.outbox.deliverDue();
    const stored = (t.app.rt.db.$client.prepare('select secret from webhook_secrets').get() as { secret: string }).secret;
    expect(new Webhook(stored).verify(hooks.got[0]!.body, hooks.got[0]!.headers as Record<string, string>)).toMatchObject({ kind: 'end' });
  });
});

describe('Slack recipients', { timeout: 20_000 }, () => {
  it('get a readable message: what happened, the mention with its author and network, and the link', async () => {
    const slack = await receiver();
    cleanup.push(slack.close);
    const { t, caseId } = await resolved([{ slack: `${slack.url}/services/T1/B2/secretpath` }]);
    expect(await t.app.outbox.deliverDue()).toBe(1);
    expect(slack.got[0]!.path).toBe('/services/T1/B2/secretpath');
    const { text } = JSON.parse(slack.got[0]!.body) as { text: string };
    expect(text.split('\n')).toEqual([
      expect.stringMatching(/^\*Case closed\*: ./),
      'Map: Complaints → Resolved · outcome: resolved',
      'Ana (@ana) on twitter:',
      '> my order arrived broken',
      `<https://baton.example/#/console/case/${caseId}|Open case ${caseId}>`,
    ]);
  });
});

describe('failed deliveries', { timeout: 20_000 }, () => {
  it('admins see every failed delivery with its reason (secrets in URLs left out) and retry it; others may not', async () => {
    // The Slack host resolves to a private address: refused (no real DNS in tests).
    const resolve = async () => [{ address: '10.0.0.5', family: 4 }];
    const { t, care1, manager } = await resolved([{ email: 'nobody@example.test' }, { slack: 'https://hooks.slack.example/services/T1/B2/secretpath' }], { outbox: { resolve } });
    await t.app.outbox.deliverDue();
    expect((await care1('GET', '/api/deliveries')).status).toBe(403);
    expect((await manager('GET', '/api/deliveries?state=failed')).status).toBe(403);
    const list = await t.admin('GET', '/api/deliveries?state=failed');
    expect(list.status).toBe(200);
    const byKind = Object.fromEntries((list.body.deliveries as { kind: string; id: number }[]).map((d) => [d.kind, d]));
    expect(byKind.email).toMatchObject({ state: 'failed', recipient: 'e-mail nobody@example.test', attempts: 1, reason: expect.stringContaining('no e-mail transport is configured') });
    expect(byKind.slack).toMatchObject({ state: 'failed', recipient: 'Slack https://hooks.slack.example/services/…' });
    expect(JSON.stringify(list.body)).not.toContain('secretpath');
    expect((await t.admin('GET', '/api/deliveries?state=bogus')).status).toBe(400);

    const id = (byKind.email as { id: number }).id;
    expect((await care1('POST', `/api/deliveries/${id}/retry`)).status).toBe(403);
    const again = await t.admin('POST', `/api/deliveries/${id}/retry`);
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ id, state: 'pending', attempts: 0 });
    expect((await t.admin('POST', `/api/deliveries/${id}/retry`)).body.error.code).toBe('NOT_FAILED');
    expect((await t.admin('POST', '/api/deliveries/999999/retry')).status).toBe(404);
    expect(t.app.rt.db.$client.prepare("select target from audit_log where action = 'delivery.retry'").all()).toEqual([{ target: `outbox:${id}` }]);
    await t.app.outbox.deliverDue();
    expect((await t.admin('GET', '/api/deliveries')).body.deliveries.find((d: { id: number }) => d.id === id)).toMatchObject({ state: 'failed', attempts: 1 });
  });

  it('lists a failed reply, and retrying it there queues the reply again in the case', async () => {
    const t = await testRuntime();
    const { hub, care1 } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const caseId = (await t.ingest('POST', '/api/mentions', mention('broken'))).body.results[0].caseId as string;
    for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${caseId}/checklist`, { item });
    await care1('POST', `/api/cases/${caseId}/claim`);
    const replyId = (await care1('POST', `/api/cases/${caseId}/replies`, { text: 'Sorry' })).body.id;
    await t.app.outbox.deliverDue();
    const failed = (await t.admin('GET', '/api/deliveries')).body.deliveries.find((d: { kind: string }) => d.kind === 'reply');
    expect(failed).toMatchObject({ state: 'failed', caseId, reason: expect.stringContaining('No source can post a reply') });
    expect(failed.recipient).toMatch(/^reply on twitter to twitter:/);
    expect((await t.admin('POST', `/api/deliveries/${failed.id}/retry`)).status).toBe(202);
    const reply = (await care1('GET', `/api/cases/${caseId}`)).body.replies[0];
    expect(reply).toMatchObject({ id: replyId, status: 'queued', error: null });
  });
});

describe('in-app notifications', { timeout: 20_000 }, () => {
  it('marks all of yours read at once', async () => {
    const { t, sup, care1 } = await resolved([{ team: 'supervisors' }]);
    await t.app.outbox.deliverDue();
    expect((await sup('GET', '/api/notifications?unread=1')).body.notifications).toHaveLength(1);
    expect((await care1('POST', '/api/notifications/read')).body).toEqual({ marked: 0 });
    expect((await sup('POST', '/api/notifications/read')).body).toEqual({ marked: 1 });
    expect((await sup('GET', '/api/notifications?unread=1')).body.notifications).toEqual([]);
  });
});
