import { describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { bootstrap } from '../auth/bootstrap.ts';
import { createUser } from '../auth/createUser.ts';
import { openDb } from '../db/client.ts';
import { silentLogger } from '../logger.ts';
import { testRuntime } from '../testing/testApp.ts';

function cookiesOf(res: Response): Record<string, string> {
  return Object.fromEntries(res.headers.getSetCookie().map((c) => c.split(';')[0]!.split('=') as [string, string]));
}

describe('sessions', () => {
  it('signs in with e-mail and password and answers the user, never the hash', async () => {
    const t = await testRuntime();
    const res = await t.anonymous('POST', '/api/session', { email: 'ADMIN@example.test', password: 'correct horse battery' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ email: 'admin@example.test', roles: expect.arrayContaining(['admin']) });
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|password/i);
  });

  it('refuses a wrong password and an unknown e-mail alike', async () => {
    const t = await testRuntime();
    const wrong = await t.anonymous('POST', '/api/session', { email: 'admin@example.test', password: 'nope-nope-nope' });
    const unknown = await t.anonymous('POST', '/api/session', { email: 'who@example.test', password: 'nope-nope-nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error.code).toBe(unknown.body.error.code);
    expect(wrong.body.error.requestId).toBeTruthy();
  });

  it('needs the CSRF header for cookie requests that change things, not for bearer ones', async () => {
    const t = await testRuntime();
    const signIn = await t.app.request('/api/session', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'admin@example.test', password: 'correct horse battery' }),
    });
    const jar = cookiesOf(signIn);
    expect(signIn.headers.getSetCookie().find((c) => c.startsWith('baton_session='))).toMatch(/HttpOnly/);
    const cookie = `baton_session=${jar.baton_session}; baton_csrf=${jar.baton_csrf}`;
    const body = JSON.stringify({ id: 'care', name: 'Care' });
    const headers = { cookie, 'content-type': 'application/json' };
    expect((await t.app.request('/api/teams', { method: 'POST', headers, body })).status).toBe(403);
    expect((await t.app.request('/api/teams', { method: 'POST', headers: { ...headers, 'x-csrf-token': 'forged' }, body })).status).toBe(403);
    expect((await t.app.request('/api/teams', { method: 'POST', headers: { ...headers, 'x-csrf-token': jar.baton_csrf! }, body })).status).toBe(201);
    expect((await t.app.request('/api/session', { headers: { cookie } })).status).toBe(200);
    expect((await t.admin('POST', '/api/teams', { id: 'billing', name: 'Billing' })).status).toBe(201);
  });

  it('signs out: the token stops working', async () => {
    const t = await testRuntime();
    const me = await t.as('admin@example.test');
    expect((await me('GET', '/api/session')).status).toBe(200);
    expect((await me('DELETE', '/api/session')).status).toBe(204);
    expect((await me('GET', '/api/session')).status).toBe(401);
  });

  it('refuses a user the admin role to non-admins', async () => {
    const t = await testRuntime();
    const agent = await t.user('agent@example.test', ['agent']);
    const res = await agent('POST', '/api/users', { email: 'x@example.test', name: 'X', password: 'long enough', roles: ['admin'] });
    expect(res.status).toBe(403);
  });
});

describe('first start', () => {
  it('without admin variables, offers a one-time setup secret and no default account', async () => {
    const app = createApp({ db: openDb(':memory:'), log: silentLogger() });
    const { setupSecret } = await bootstrap(app.rt, {});
    expect(setupSecret).toMatch(/^setup_/);
    const post = (body: unknown) => app.request('/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(await (await app.request('/api/setup')).json()).toEqual({ needed: true });
    expect((await post({ secret: 'guess', email: 'me@example.test', name: 'Me', password: 'long enough' })).status).toBe(403);
    expect((await post({ secret: setupSecret, email: 'me@example.test', name: 'Me', password: 'long enough' })).status).toBe(201);
    expect((await post({ secret: setupSecret, email: 'me2@example.test', name: 'Me', password: 'long enough' })).status).toBe(409);
    const signIn = await app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'me@example.test', password: 'long enough' }) });
    expect(signIn.status).toBe(200);
  });

  it('still offers setup when accounts exist but none is an admin (demo agents, say)', async () => {
    const db = openDb(':memory:');
    const app = createApp({ db, log: silentLogger() });
    await createUser(db, { email: 'care1@demo.test', name: 'Care One', password: 'long enough', roles: ['agent'] }, 0);
    const { setupSecret } = await bootstrap(app.rt, {});
    expect(setupSecret).toMatch(/^setup_/);
    expect(await (await app.request('/api/setup')).json()).toEqual({ needed: true });
    const post = await app.request('/api/setup', { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ secret: setupSecret, email: 'lead@example.test', name: 'Lea', password: 'long enough' }) });
    expect(post.status).toBe(201);
    expect(await (await app.request('/api/setup')).json()).toEqual({ needed: false });
    // Once an admin exists, a restart prints no new secret.
    expect((await bootstrap(app.rt, {})).setupSecret).toBeUndefined();
  });

  it('ingest tokens are stored hashed and can be revoked', async () => {
    const t = await testRuntime();
    const created = await t.admin('POST', '/api/tokens', { name: 'listening tool', scope: 'ingest' });
    expect(created.status).toBe(201);
    const stored = t.app.rt.db.$client.prepare('select token_hash from api_tokens where id = ?').get(created.body.id) as { token_hash: string };
    expect(stored.token_hash).not.toContain(created.body.token);
    const post = () => t.app.request('/api/mentions', { method: 'POST', headers: { authorization: `Bearer ${created.body.token}`, 'content-type': 'application/json' }, body: '[]' });
    expect((await post()).status).toBe(200);
    expect((await t.admin('DELETE', `/api/tokens/${created.body.id}`)).status).toBe(204);
    expect((await post()).status).toBe(401);
  });
});
