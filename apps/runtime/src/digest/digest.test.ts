import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { bootstrap } from '../auth/bootstrap.ts';
import { createUser } from '../auth/createUser.ts';
import { ManualClock } from '../clock.ts';
import { openDb } from '../db/client.ts';
import { silentLogger } from '../logger.ts';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { readable, smtpReceiver } from '../testing/smtpReceiver.ts';
import { T0, testRuntime, withApprovedMap } from '../testing/testApp.ts';
import { DigestMailer, digestHourFromEnv } from './DigestMailer.ts';
import { topKeywords } from './topKeywords.ts';

const H = 3_600_000;
let cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const f of cleanup.reverse()) await f();
  cleanup = [];
});

/** A day on the complaint map (2026-01-01): routed, attached, unrouted mentions, a tag, a missed deadline and a lesson. */
async function busyDay() {
  const t = await testRuntime();
  const people = await withApprovedMap(t, complaintMap({ crisis: undefined }));
  const post = async (text: string, extra = {}) => (await t.ingest('POST', '/api/mentions', mention(text, extra))).body.results[0];
  const first = await post('My router arrived broken, refund please', { brand: 'acme' });
  await post('still waiting for that refund', { inReplyTo: (first as { id?: string }).id ?? '' });
  await post('Broken again. Outage in Leeds #outage', { network: 'facebook', brand: 'acme' });
  await post('Lovely weather in Leeds today', { network: 'instagram' });
  const caseId = first.caseId as string;
  await people.hub('POST', `/api/cases/${caseId}/tags`, { tags: ['vip'] });
  // The hub does the checklist; care misses its hour; the supervisor escalates it… to an end that asks for a lesson.
  for (const item of ['Screenshot', 'Check CRM']) await people.hub('POST', `/api/cases/${caseId}/checklist`, { item });
  await people.care1('POST', `/api/cases/${caseId}/claim`, { lease: 'PT2H' });
  t.advance(H + 60_000);
  return { t, ...people, caseId };
}

describe('GET /api/digest', () => {
  it('sums up the day: volume by network, brand and map, breaches, tags, keywords', async () => {
    const { t } = await busyDay();
    const res = await t.admin('GET', '/api/digest?date=2026-01-01');
    expect(res.status).toBe(200);
    const d = res.body;
    expect(d).toMatchObject({ date: '2026-01-01', from: '2026-01-01T00:00:00.000Z', to: '2026-01-01T23:59:59.999Z' });
    expect(d.mentions.total).toBe(4);
    expect(d.mentions.byNetwork).toEqual([{ key: 'twitter', count: 2 }, { key: 'facebook', count: 1 }, { key: 'instagram', count: 1 }]);
    expect(d.mentions.byBrand).toEqual([{ key: '(none)', count: 2 }, { key: 'acme', count: 2 }]);
    expect(d.mentions.byMap).toEqual([{ key: 'Complaints', count: 3 }, { key: '(unrouted)', count: 1 }]);
    expect(d.cases).toMatchObject({ opened: 2, ended: 0, open: 2 });
    expect(d.cases.breached).toEqual([expect.objectContaining({ mapName: 'Complaints', node: 'Care resolves', team: 'care' })]);
    expect(d.topTags.map((t: { key: string }) => t.key)).toEqual(expect.arrayContaining(['complaint', 'vip']));
    expect(d.topKeywords.slice(0, 4)).toEqual([{ key: 'broken', count: 2 }, { key: 'leeds', count: 2 }, { key: 'refund', count: 2 }, { key: '#outage', count: 1 }]);
    // Another day is empty.
    expect((await t.admin('GET', '/api/digest?date=2025-12-31')).body.mentions.total).toBe(0);
  });

  it('is read by the hub and those who see every team, not by other agents; a bad date is a 400', async () => {
    const { t, hub, care1 } = await busyDay();
    expect((await hub('GET', '/api/digest?date=2026-01-01')).status).toBe(200);
    expect((await care1('GET', '/api/digest?date=2026-01-01')).status).toBe(403);
    expect((await care1('PUT', '/api/digest/subscription', { email: true })).status).toBe(403);
    const bad = await t.admin('GET', '/api/digest?date=01/02/2026');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.issues[0].path).toBe('date');
    expect((await t.admin('GET', '/api/digest?date=2026-02-31')).status).toBe(400);
  });

  it('exports as CSV, one line per figure', async () => {
    const { t } = await busyDay();
    const res = await t.app.request('/api/digest?date=2026-01-01&format=csv', { headers: { authorization: `Bearer ${await token(t, 'admin@example.test')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="baton-digest-2026-01-01.csv"');
    const lines = (await res.text()).split('\r\n');
    expect(lines[0]).toBe('"section","key","count","detail"');
    expect(lines).toContain('"mentions","total","4",""');
    expect(lines).toContain('"network","facebook","1",""');
    expect(lines.some((l) => l.startsWith('"breach",'))).toBe(true);
  });
});

async function token(t: Awaited<ReturnType<typeof testRuntime>>, email: string): Promise<string> {
  return (await t.anonymous('POST', '/api/session', { email, password: 'correct horse battery' })).body.token;
}

describe('reports: per-agent figures and CSV', () => {
  it('counts handled cases, pick-ups and breaches per person', async () => {
    const { t, care1, caseId } = await busyDay();
    await care1('POST', `/api/cases/${caseId}/outcome`, { outcome: 'resolved' });
    const res = await t.admin('GET', '/api/reports/agents?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z');
    expect(res.status).toBe(200);
    const line = res.body.agents.find((a: { email: string }) => a.email === 'care1@example.test');
    // Picked up at 09:00, when the case opened; the deadline passed while care1 held it (before the supervisor step).
    expect(line).toMatchObject({ handled: 0, pickups: 1, pickupSec: { p50: 0 }, breaches: 1 });
    // An agent reads their own team's figures, and only those.
    expect((await care1('GET', '/api/reports/agents?team=care')).body.agents.map((a: { email: string }) => a.email)).toEqual(['backup@example.test', 'care1@example.test', 'care2@example.test']);
    expect((await care1('GET', '/api/reports/agents?team=social')).status).toBe(403);
  });

  it('exports the summary, the lessons and the agents as CSV, defusing formulas', async () => {
    const { t, sup, caseId } = await busyDay();
    // The timeout took the case to the supervisors; they resolve it, and write a lesson that looks like a formula.
    await sup('POST', `/api/cases/${caseId}/outcome`, { outcome: 'resolved' });
    expect((await t.admin('POST', `/api/cases/${caseId}/lessons`, { text: '=HYPERLINK("http://evil.example","click")' })).status).toBe(200);
    const auth = { authorization: `Bearer ${await token(t, 'admin@example.test')}` };
    const q = 'from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z&format=csv';
    const summary = await t.app.request(`/api/reports/summary?${q}`, { headers: auth });
    expect(summary.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const summaryText = await summary.text();
    expect(summaryText.split('\r\n')[0]).toBe('"section","key","measure","value"');
    expect(summaryText).toContain('"team","Customer Care","breaches","1"');
    const lessons = await (await t.app.request(`/api/reports/lessons?${q}`, { headers: auth })).text();
    expect(lessons).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
    const agents = await (await t.app.request(`/api/reports/agents?${q}`, { headers: auth })).text();
    expect(agents.split('\r\n')[0]).toBe('"name","email","handled","pickups","pickupSecP50","pickupSecP90","breaches"');
    expect(agents).toContain('"sup","sup@example.test","1"');
  });
});

describe('the morning digest e-mail', () => {
  it('goes once a day to each person who asked for it, also across a restart', async () => {
    const smtp = await smtpReceiver();
    cleanup.push(smtp.close);
    const dir = mkdtempSync(join(tmpdir(), 'baton-digest-'));
    cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
    const file = join(dir, 'baton.db');
    const mail = { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'Baton <baton@brand.example>', publicUrl: 'https://baton.brand.example' };
    const clock = new ManualClock(T0);
    const start = async () => {
      const db = openDb(file);
      const app = createApp({ db, clock, log: silentLogger(), config: { mail } });
      const mailer = new DigestMailer(app.rt, { hour: 7 });
      cleanup.push(async () => {
        await mailer.stop();
        db.$client.close();
      });
      return { app, mailer, close: async () => { await mailer.stop(); db.$client.close(); } };
    };

    const first = await start();
    await bootstrap(first.app.rt, { BATON_ADMIN_EMAIL: 'admin@example.test', BATON_ADMIN_PASSWORD: 'correct horse battery' });
    await createUser(first.app.rt.db, { email: 'officer@example.test', name: 'Olu', password: 'correct horse battery', roles: ['manager'], teams: [] }, T0);
    await createUser(first.app.rt.db, { email: 'quiet@example.test', name: 'Quinn', password: 'correct horse battery', roles: ['manager'], teams: [] }, T0);
    const signIn = await first.app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'officer@example.test', password: 'correct horse battery' }) });
    const officer = (await signIn.json()) as { token: string };
    const put = await first.app.request('/api/digest/subscription', { method: 'PUT', headers: { authorization: `Bearer ${officer.token}`, 'content-type': 'application/json' }, body: JSON.stringify({ email: true }) });
    expect(put.status).toBe(200);
    const asked = await first.app.request('/api/digest/subscription', { headers: { authorization: `Bearer ${officer.token}` } });
    expect(await asked.json()).toEqual({ email: true });

    // 2026-01-02 06:30 UTC: before the hour, nothing goes.
    clock.set(Date.parse('2026-01-02T06:30:00Z'));
    expect(await first.mailer.sendDue()).toBe(0);
    clock.set(Date.parse('2026-01-02T07:00:00Z'));
    expect(await first.mailer.sendDue()).toBe(1);
    expect(await first.mailer.sendDue()).toBe(0);
    expect(smtp.got.map((m) => m.to)).toEqual([['officer@example.test']]);
    expect(smtp.got[0]!.raw).toMatch(/^Subject: \[Baton\] Digest 2026-01-01: 0 mentions, 0 missed deadlines/m);
    expect(readable(smtp.got[0]!.raw)).toContain('Open it: https://baton.brand.example/#/digest/2026-01-01');

    // A restart later that morning sends nothing again.
    await first.close();
    const second = await start();
    clock.set(Date.parse('2026-01-02T09:00:00Z'));
    expect(await second.mailer.sendDue()).toBe(0);
    // The next morning brings the next day's digest.
    clock.set(Date.parse('2026-01-03T07:05:00Z'));
    expect(await second.mailer.sendDue()).toBe(1);
    expect(smtp.got).toHaveLength(2);
    expect(smtp.got[1]!.raw).toContain('Digest 2026-01-02');
  });

  it('tries again later when the mail server does not take it', async () => {
    const smtp = await smtpReceiver();
    cleanup.push(smtp.close);
    const t = await testRuntime({ config: { mail: { smtpUrl: `smtp://127.0.0.1:${smtp.port}`, from: 'baton@brand.example', publicUrl: null } } });
    await t.user('busy@example.test', ['manager']);
    const busy = await t.as('busy@example.test');
    await busy('PUT', '/api/digest/subscription', { email: true });
    const mailer = new DigestMailer(t.app.rt);
    cleanup.push(() => mailer.stop());
    t.clock.set(Date.parse('2026-01-02T08:00:00Z'));
    expect(await mailer.sendDue()).toBe(0);
    expect(t.app.rt.db.$client.prepare('select count(*) n from digest_sends').get()).toEqual({ n: 0 });
  });

  it('reads BATON_DIGEST_HOUR', () => {
    expect(digestHourFromEnv({})).toBe(7);
    expect(digestHourFromEnv({ BATON_DIGEST_HOUR: '6' })).toBe(6);
    expect(() => digestHourFromEnv({ BATON_DIGEST_HOUR: '25' })).toThrow(/0 to 23/);
  });
});

describe('topKeywords', () => {
  it('counts words once per mention, leaving out links, handles and common words', () => {
    expect(topKeywords(['@Acme my WiFi is down down down https://x.example/down', 'wifi down again', 'Love the #WiFi'])).toEqual([
      { key: 'down', count: 2 }, { key: 'wifi', count: 2 }, { key: '#wifi', count: 1 }, { key: 'love', count: 1 },
    ]);
  });
});
