import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap, type TestRuntime } from '../testing/testApp.ts';

const INGEST = { authorization: 'Bearer ingest-token-for-tests' };

/** Posts `body` as given, with exactly these headers (a Uint8Array body gets no content type of its own). */
async function post(t: TestRuntime, path: string, headers: Record<string, string>, body: string | Uint8Array) {
  const res = await t.app.request(path, { method: 'POST', headers, body });
  return { status: res.status, body: (await res.json()) as any, cookies: res.headers.getSetCookie() };
}

/** `Bearer <token>` of a fresh session of `email`. */
async function bearer(t: TestRuntime, email = 'admin@example.test'): Promise<string> {
  const res = await t.anonymous('POST', '/api/session', { email, password: 'correct horse battery' });
  return `Bearer ${res.body.token}`;
}

/** The cookie header of a fresh browser session of the admin. */
async function sessionCookie(t: TestRuntime): Promise<string> {
  const res = await t.app.request('/api/session', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.test', password: 'correct horse battery' }),
  });
  const jar = Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
  return `baton_session=${jar.baton_session}; baton_csrf=${jar.baton_csrf}`;
}

describe('request bodies are JSON whatever the script forgot to declare', () => {
  it('reads a body sent with no content type, as text/plain (fetch with a string) or as application/*+json', async () => {
    const t = await testRuntime();
    const sent = [
      await post(t, '/api/mentions', INGEST, new TextEncoder().encode(JSON.stringify(mention('no type')))),
      await post(t, '/api/mentions', INGEST, JSON.stringify(mention('text plain'))),
      await post(t, '/api/mentions', { ...INGEST, 'content-type': 'text/plain; charset=utf-8' }, JSON.stringify(mention('text plain, charset'))),
      await post(t, '/api/mentions', { ...INGEST, 'content-type': 'application/vnd.baton+json' }, JSON.stringify([mention('vendor json')])),
    ];
    expect(sent.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    const inbox = (await t.admin('GET', '/api/mentions/unrouted')).body.mentions.map((m: { text: string }) => m.text);
    expect(inbox.sort()).toEqual(['no type', 'text plain', 'text plain, charset', 'vendor json']);
  });

  it('still answers bad JSON with 400 and says so, whatever the type', async () => {
    const t = await testRuntime();
    for (const type of ['text/plain', 'application/json']) {
      const res = await post(t, '/api/mentions', { ...INGEST, 'content-type': type }, '{"id": "twitter:1",');
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/JSON/);
    }
  });

  it('refuses forms and other types with 400 asking for JSON, storing nothing', async () => {
    const t = await testRuntime();
    const form = await post(t, '/api/teams', { authorization: await bearer(t), 'content-type': 'application/x-www-form-urlencoded' }, 'id=care&name=Care');
    expect(form.status).toBe(400);
    expect(form.body.error).toMatchObject({ code: 'NOT_JSON', message: 'Send the body as JSON (Content-Type: application/json), not application/x-www-form-urlencoded' });
    const multipart = await post(t, '/api/mentions', { ...INGEST, 'content-type': 'multipart/form-data; boundary=x' }, '--x\r\nContent-Disposition: form-data; name="text"\r\n\r\nhi\r\n--x--');
    expect(multipart.status).toBe(400);
    expect(multipart.body.error.code).toBe('NOT_JSON');
    expect((await t.admin('GET', '/api/teams')).body.teams).toEqual([]);
    expect((await t.admin('GET', '/api/mentions/unrouted')).body.mentions).toEqual([]);
  });

  it('takes an empty body as no body, whatever its declared type', async () => {
    const t = await testRuntime();
    await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const caseId = (await t.ingest('POST', '/api/mentions', mention('broken'))).body.results[0].caseId as string;
    const hub = await bearer(t, 'hub@example.test');
    const claimed = await post(t, `/api/cases/${caseId}/claim`, { authorization: hub, 'content-type': 'application/json' }, '');
    expect(claimed.status).toBe(200);
    expect(claimed.body.holderName).toBe('hub');
    const res = await post(t, `/api/cases/${caseId}/notes`, { authorization: hub, 'content-type': 'application/x-www-form-urlencoded' }, '');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID', details: { issues: [{ path: 'text' }] } });
  });
});

describe('over real HTTP', () => {
  it('a script that forgets the content type posts mentions and signs in', async () => {
    const t = await testRuntime();
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((ok) => server.once('listening', ok));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    try {
      const plain = await fetch(`${base}/mentions`, { method: 'POST', headers: INGEST, body: JSON.stringify(mention('sent as text/plain')) });
      expect(plain.status).toBe(200);
      const untyped = await fetch(`${base}/mentions`, { method: 'POST', headers: INGEST, body: new Blob([JSON.stringify([mention('sent untyped')])]) });
      expect(untyped.status).toBe(200);
      const signIn = await fetch(`${base}/session`, { method: 'POST', body: JSON.stringify({ email: 'admin@example.test', password: 'correct horse battery' }) });
      expect(signIn.status).toBe(200);
    } finally {
      await new Promise((ok) => server.close(ok));
    }
    expect((await t.admin('GET', '/api/mentions/unrouted')).body.mentions).toHaveLength(2);
  });
});

describe('cross-site requests stay refused', () => {
  it('refuses a cross-site text/plain form post made with the session cookie, changing nothing', async () => {
    const t = await testRuntime();
    const cookie = await sessionCookie(t);
    // What <form enctype="text/plain" action="…/api/teams" method="post"> on another site sends.
    const forged = '{"id":"evil","name":"Evil","x":"=y"}';
    const withMetadata = await post(t, '/api/teams', { cookie, 'content-type': 'text/plain', origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, forged);
    expect(withMetadata.status).toBe(403);
    expect(withMetadata.body.error.code).toBe('CSRF');
    // A browser that sends no Origin or Fetch Metadata still cannot send the X-CSRF-Token header.
    const bare = await post(t, '/api/teams', { cookie, 'content-type': 'text/plain' }, forged);
    expect(bare.status).toBe(403);
    expect(bare.body.error.code).toBe('CSRF');
    expect((await t.admin('GET', '/api/teams')).body.teams).toEqual([]);
  });

  it('refuses a cross-site text/plain sign-in (no login CSRF), while scripts sign in without the header', async () => {
    const t = await testRuntime();
    const credentials = JSON.stringify({ email: 'admin@example.test', password: 'correct horse battery' });
    const crossSite: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'same-site' }];
    for (const headers of crossSite) {
      const res = await post(t, '/api/session', { 'content-type': 'text/plain', ...headers }, credentials);
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('CSRF');
      expect(res.cookies).toEqual([]);
    }
    const script = await post(t, '/api/session', {}, credentials);
    expect(script.status).toBe(200);
    expect(script.body.token).toBeTruthy();
    const sameOrigin = await post(t, '/api/session', { 'content-type': 'text/plain', origin: 'http://localhost', 'sec-fetch-site': 'same-origin' }, credentials);
    expect(sameOrigin.status).toBe(200);
  });
});
