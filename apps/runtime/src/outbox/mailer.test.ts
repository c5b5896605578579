import { afterEach, describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';
import { mailFromEnv, type MailConfig } from '../config.ts';
import { readable, smtpReceiver } from '../testing/smtpReceiver.ts';


let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

/** Resolves one case on a complaint map whose end tells `emails`; answers the runtime and the case. */
async function resolvedCase(emails: string[], mail: MailConfig | null) {
  const t = await testRuntime({ config: { mail } });
  const map = complaintMap({ crisis: undefined });
  map.nodes = map.nodes.map((n) => (n.id === 'done' ? { ...n, notify: emails.map((email) => ({ email })) } : n));
  const { hub, care1 } = await withApprovedMap(t, map);
  const caseId = (await t.ingest('POST', '/api/mentions', mention('broken'))).body.results[0].caseId as string;
  for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${caseId}/checklist`, { item });
  await care1('POST', `/api/cases/${caseId}/outcome`, { outcome: 'resolved' });
  const outbox = () => t.app.rt.db.$client.prepare("select recipient, attempts, delivered_at, failed_at, last_error from outbox where kind = 'email' order by id").all() as
    { recipient: string; attempts: number; delivered_at: number | null; failed_at: number | null; last_error: string | null }[];
  return { t, caseId, outbox };
}

describe('e-mail notifications', () => {
  it('mails every e-mail recipient over SMTP, with what happened and a link to the case; account holders get the inbox too', async () => {
    const smtp = await smtpReceiver();
    cleanup = smtp.close;
    const mail = { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Baton <baton@brand.example>', publicUrl: 'https://baton.brand.example' };
    const { t, caseId, outbox } = await resolvedCase(['legal@brand.example', 'sup@example.test'], mail);
    expect(await t.app.outbox.deliverDue()).toBeGreaterThanOrEqual(2);
    expect(outbox().map((r) => [JSON.parse(r.recipient).email, r.delivered_at !== null, r.last_error])).toEqual([
      ['legal@brand.example', true, null],
      ['sup@example.test', true, null],
    ]);
    expect(smtp.got.map((m) => m.to)).toEqual([['legal@brand.example'], ['sup@example.test']]);
    const text = readable(smtp.got[0]!.raw);
    expect(smtp.got[0]!.from).toBe('baton@brand.example');
    expect(text).toMatch(/^Subject: \[Baton\] Case closed: /m);
    expect(text).toContain(`Case: ${caseId}`);
    expect(text).toContain(`Open it: https://baton.brand.example/#/console/case/${caseId}`);
    // The supervisor also has an account: the message is in their in-app inbox as well.
    const sup = await t.as('sup@example.test');
    expect((await sup('GET', '/api/notifications')).body.notifications).toHaveLength(1);
  });

  it('a refused address fails at once with the server\'s reason; a busy one is retried later', async () => {
    const smtp = await smtpReceiver();
    cleanup = smtp.close;
    const mail = { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'baton@brand.example', publicUrl: null };
    const { t, outbox } = await resolvedCase(['gone@brand.example', 'busy@brand.example'], mail);
    expect(await t.app.outbox.deliverDue()).toBe(0);
    const [gone, busy] = outbox();
    expect(gone).toMatchObject({ attempts: 1, delivered_at: null, failed_at: expect.any(Number) });
    expect(gone!.last_error).toMatch(/refused.*No such mailbox/);
    expect(busy).toMatchObject({ attempts: 1, delivered_at: null, failed_at: null });
    expect(busy!.last_error).toMatch(/busy/);
    expect(smtp.got).toHaveLength(0);
  });

  it('signs in to the mail server with the URL\'s (URL-encoded) credentials', async () => {
    const smtp = await smtpReceiver({ user: 'baton@brand.example', pass: 'p@ss:w/rd' });
    cleanup = smtp.close;
    const mail = { smtpUrl: `smtp://baton%40brand.example:p%40ss%3Aw%2Frd@127.0.0.1:${smtp.port}`, from: 'baton@brand.example', publicUrl: null };
    const { t, outbox } = await resolvedCase(['legal@brand.example'], mail);
    expect(await t.app.outbox.deliverDue()).toBeGreaterThanOrEqual(1);
    expect(outbox()[0]).toMatchObject({ last_error: null, delivered_at: expect.any(Number) });
    expect(smtp.got.map((m) => m.to)).toEqual([['legal@brand.example']]);
  });

  it('without BATON_SMTP_URL, an address with an account reaches its inbox; one without fails with what to set', async () => {
    const { t, outbox } = await resolvedCase(['legal@brand.example', 'sup@example.test'], null);
    await t.app.outbox.deliverDue();
    const [legal, sup] = outbox();
    expect(legal).toMatchObject({ failed_at: expect.any(Number), last_error: 'no e-mail transport is configured (set BATON_SMTP_URL) and no user has this address' });
    expect(sup).toMatchObject({ delivered_at: expect.any(Number), last_error: null });
  });

  it('reads its settings from the environment and explains a wrong URL', () => {
    expect(mailFromEnv({})).toBeNull();
    expect(mailFromEnv({ BATON_SMTP_URL: 'smtps://u:p@mail.brand.example:465', BATON_PUBLIC_URL: 'https://baton.brand.example/' }))
      .toEqual({ smtpUrl: 'smtps://u:p@mail.brand.example:465', from: 'Baton <baton@mail.brand.example>', publicUrl: 'https://baton.brand.example' });
    expect(() => mailFromEnv({ BATON_SMTP_URL: 'mail.brand.example' })).toThrow(/smtp:\/\/user:password@/);
    expect(() => mailFromEnv({ BATON_SMTP_URL: 'http://mail.brand.example' })).toThrow('BATON_SMTP_URL must start with smtp:// or smtps://, not http://');
  });
});
