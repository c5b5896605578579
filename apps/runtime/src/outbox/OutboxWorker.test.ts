import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';
import type { Resolve } from './webhookGuard.ts';

/** A real HTTP receiver on 127.0.0.1 that records what it is sent (with the Host header). */
async function receiver() {
  const got: { host: string; path: string; body: Record<string, unknown> }[] = [];
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (d) => (text += d));
    req.on('end', () => {
      got.push({ host: req.headers.host ?? '', path: req.url ?? '', body: JSON.parse(text) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return { port, got, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** A runtime whose complaint map tells `webhook` when a case is resolved; resolves one case. */
async function resolvedCase(webhook: string, opts: Parameters<typeof testRuntime>[0]) {
  const t = await testRuntime(opts);
  const map = complaintMap({ crisis: undefined });
  map.nodes = map.nodes.map((n) => (n.id === 'done' ? { ...n, notify: [{ webhook }] } : n));
  const { hub, care1 } = await withApprovedMap(t, map);
  const caseId = (await t.ingest('POST', '/api/mentions', mention('broken'))).body.results[0].caseId as string;
  for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${caseId}/checklist`, { item });
  await care1('POST', `/api/cases/${caseId}/outcome`, { outcome: 'resolved' });
  const outbox = () => t.app.rt.db.$client.prepare("select id, attempts, delivered_at, failed_at, last_error from outbox where kind = 'webhook'").get() as
    { id: number; attempts: number; delivered_at: number | null; failed_at: number | null; last_error: string | null };
  const refusals = () => t.app.rt.db.$client.prepare("select actor, target, ip, data from audit_log where action = 'webhook.refused'").all() as
    { actor: string | null; target: string; ip: string | null; data: string }[];
  return { t, caseId, outbox, refusals };
}

/** Resolves `name` to `address` and nothing else (no real DNS in these tests). */
const only = (name: string, address: string): Resolve => async (host) => {
  if (host !== name) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  return [{ address, family: 4 }];
};

describe('webhook address guard', () => {
  it('delivers a JSON POST to a receiver on this machine (loopback) without any setting', async () => {
    const hooks = await receiver();
    cleanup = hooks.close;
    const { t, caseId, outbox, refusals } = await resolvedCase(`http://127.0.0.1:${hooks.port}/end`, {});
    expect(t.app.rt.config.webhookAllowPrivate).toBe(false);
    expect(await t.app.outbox.deliverDue()).toBe(1);
    expect(outbox()).toMatchObject({ attempts: 1, failed_at: null, last_error: null });
    expect(outbox().delivered_at).not.toBeNull();
    expect(hooks.got).toEqual([{ host: `127.0.0.1:${hooks.port}`, path: '/end', body: expect.objectContaining({ type: 'baton.notification', kind: 'end', caseId }) }]);
    expect(refusals()).toHaveLength(0);
  });

  it('refuses a private webhook by default: failed at once with a clear error, audited, never retried', async () => {
    const { t, caseId, outbox, refusals } = await resolvedCase('https://hooks.example.test/end', { outbox: { resolve: only('hooks.example.test', '10.0.0.5') } });
    expect(await t.app.outbox.deliverDue()).toBe(0);
    const row = outbox();
    expect(row).toMatchObject({ attempts: 1, delivered_at: null, last_error: 'webhook address 10.0.0.5 is private; set BATON_WEBHOOK_ALLOW_PRIVATE=1 to allow it' });
    expect(row.failed_at).not.toBeNull();
    const audited = refusals();
    expect(audited).toHaveLength(1);
    expect(audited[0]).toMatchObject({ actor: null, target: `outbox:${row.id}`, ip: null });
    expect(JSON.parse(audited[0]!.data)).toMatchObject({ reason: 'private', address: '10.0.0.5', host: 'hooks.example.test', kind: 'end', caseId });
    t.clock.advance(24 * 3_600_000);
    expect(await t.app.outbox.deliverDue()).toBe(0);
    expect(outbox().attempts).toBe(1);
  });

  it('refuses the cloud metadata address (link-local) by default', async () => {
    const { t, outbox, refusals } = await resolvedCase('http://169.254.169.254/latest/meta-data', {});
    await t.app.outbox.deliverDue();
    expect(outbox()).toMatchObject({ attempts: 1, last_error: 'webhook address 169.254.169.254 is link-local; set BATON_WEBHOOK_ALLOW_PRIVATE=1 to allow it' });
    expect(outbox().failed_at).not.toBeNull();
    expect(refusals()).toHaveLength(1);
  });

  it('connects to the address it checked, not to a second DNS answer', async () => {
    const hooks = await receiver();
    cleanup = hooks.close;
    // hooks.example.test has no real DNS entry: the delivery reaches the receiver only because it
    // connects to the address the check resolved, without asking DNS a second time.
    const { t, caseId, outbox, refusals } = await resolvedCase(`http://hooks.example.test:${hooks.port}/end`, {
      outbox: { resolve: only('hooks.example.test', '127.0.0.1') },
    });
    expect(await t.app.outbox.deliverDue()).toBe(1);
    expect(outbox()).toMatchObject({ attempts: 1, failed_at: null, last_error: null });
    expect(hooks.got).toEqual([{ host: `hooks.example.test:${hooks.port}`, path: '/end', body: expect.objectContaining({ type: 'baton.notification', kind: 'end', caseId }) }]);
    expect(refusals()).toHaveLength(0);
  });

  it('retries when the host name does not resolve (DNS may come back)', async () => {
    const { t, outbox, refusals } = await resolvedCase('https://gone.example.test/end', { outbox: { resolve: only('hooks.example.test', '10.0.0.5'), baseDelayMs: 1000 } });
    await t.app.outbox.deliverDue();
    expect(outbox()).toMatchObject({ attempts: 1, failed_at: null, last_error: 'getaddrinfo ENOTFOUND gone.example.test' });
    t.clock.advance(1000);
    await t.app.outbox.deliverDue();
    expect(outbox().attempts).toBe(2);
    expect(refusals()).toHaveLength(0);
  });

  it('refuses a stored webhook with another scheme without calling it', async () => {
    const { t, outbox } = await resolvedCase('https://hooks.example.test/end', { config: { webhookAllowPrivate: true }, outbox: { resolve: only('hooks.example.test', '10.0.0.5') } });
    const id = outbox().id;
    t.app.rt.db.$client.prepare('update outbox set recipient = ? where id = ?').run(JSON.stringify({ webhook: 'file:///etc/passwd' }), id);
    await t.app.outbox.deliverDue();
    expect(outbox()).toMatchObject({ attempts: 1, last_error: 'webhook URL must use http or https, not file' });
    expect(outbox().failed_at).not.toBeNull();
  });
});
