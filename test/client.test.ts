/**
 * The typed client (@baton/client) and its example script against a real `baton serve` process:
 * what an integrator's Node script does — sign in, ingest, claim — over real HTTP.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BatonError, createClient } from '@baton/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveMap, signIn } from './helpers/api.ts';
import { startServer, type RunningServer } from './helpers/startServer.ts';

const root = join(import.meta.dirname, '..');
const example = JSON.parse(readFileSync(join(root, 'examples/customer-complaint/customer-complaint.map.json'), 'utf8'));
const run = promisify(execFile);
let server: RunningServer;
const agent = { email: 'sam@example.test', password: 'sam the care agent' };

beforeAll(async () => {
  server = await startServer({ env: { BATON_SKIP_WEB_BUILD: '1' } });
  const admin = await signIn(server.url, server.adminEmail, server.adminPassword);
  await approveMap(server.url, admin, example);
  await admin('POST', '/api/users', { email: agent.email, name: 'Sam', password: agent.password, roles: ['agent'], teams: ['social'] });
}, 120_000);
afterAll(() => server?.stop());

describe('@baton/client', () => {
  it('signs in with a bearer token, ingests with an ingest token, lists and claims cases', async () => {
    const sam = createClient({ url: server.url });
    const user = await sam.signIn(agent.email, agent.password);
    expect(user).toMatchObject({ email: agent.email, roles: ['agent'], teams: ['social'] });
    expect(sam.token).toBeTruthy();
    const listener = createClient({ url: server.url, token: server.ingestToken });
    const [result] = await listener.ingest([{ id: 'client:1', network: 'forum', author: { handle: 'jo' }, text: 'My parcel arrived broken', createdAt: new Date().toISOString(), brand: 'shopco' }]);
    expect(result).toMatchObject({ id: 'client:1', status: 'routed' });
    const queue = await sam.listCases({ team: 'social' });
    expect(queue.map((c) => c.id)).toContain(result!.caseId);
    const claimed = await sam.claimCase(result!.caseId!);
    expect(claimed).toMatchObject({ id: result!.caseId, holder: user.id, status: 'preparing' });
    expect((await sam.getCase(result!.caseId!)).holder).toBe(claimed.holder);
    // The typed API underneath is there too, for every other route.
    const health = await sam.api.api.health.$get();
    expect(health.status).toBe(200);
  });

  it('turns a refusal into a BatonError with the server’s code, message and request id', async () => {
    const anonymous = createClient({ url: server.url });
    const refused = await anonymous.listCases().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BatonError);
    expect(refused).toMatchObject({ status: 401, code: expect.any(String), requestId: expect.any(String) });
    const wrong = await anonymous.signIn(agent.email, 'not the password').catch((e: unknown) => e);
    expect(wrong).toMatchObject({ status: 401 });
  });

  it('the example script signs in, ingests and claims against the running server', async () => {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', join(root, 'packages/client/examples/ingest-and-claim.ts'), 'Still waiting for my refund, this is unacceptable'], {
      cwd: root,
      env: { ...process.env, BATON_URL: server.url, BATON_EMAIL: agent.email, BATON_PASSWORD: agent.password, BATON_INGEST_TOKEN: server.ingestToken, BATON_BRAND: 'shopco' },
    });
    const steps = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(steps.map((s) => s.step)).toEqual(['signed-in', 'ingested', 'claimed']);
    expect(steps[1]).toMatchObject({ status: 'routed', caseId: expect.any(String) });
    expect(steps[2]).toMatchObject({ caseId: steps[1]!.caseId, team: 'social' });
    const admin = await signIn(server.url, server.adminEmail, server.adminPassword);
    const held = await admin('GET', `/api/cases/${steps[1]!.caseId}`);
    expect(held.body.holder).toBe(steps[2]!.holder);
    expect(held.body.history.map((h: { type: string }) => h.type)).toContain('claim');
  }, 60_000);
});
