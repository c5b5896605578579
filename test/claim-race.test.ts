import { afterAll, describe, expect, it } from 'vitest';
import { approveMap, client, signIn, type Api } from './helpers/api.ts';
import { startServer, type RunningServer } from './helpers/startServer.ts';

const map = {
  format: 'baton.map/v1', id: 'race', name: 'Race', hub: 'social',
  teams: [{ id: 'social', name: 'Social' }, { id: 'care', name: 'Care' }],
  nodes: [
    { id: 't', type: 'trigger', label: 'Help', position: { x: 0, y: 0 }, when: { field: 'text', op: 'containsAny', value: ['help'] } },
    { id: 'p', type: 'pass', label: 'Care', position: { x: 1, y: 0 }, to: { team: 'care' }, expected: { action: 'Answer', within: 'PT1H', outcomes: ['answered'] } },
    { id: 'e', type: 'end', label: 'Answered', position: { x: 2, y: 0 }, outcome: 'answered' },
  ],
  edges: [{ id: 'e1', source: 't', target: 'p' }, { id: 'e2', source: 'p', target: 'e', on: 'answered' }],
};

let server: RunningServer | null = null;
afterAll(async () => {
  await server?.stop();
});

describe('claim race', () => {
  it('many agents claiming the same cases at once: each case ends up held by exactly one, every loser hears who', async () => {
    server = await startServer({ env: { BATON_SKIP_WEB_BUILD: '1' } });
    const admin = await signIn(server.url, server.adminEmail, server.adminPassword);
    await approveMap(server.url, admin, map);
    const agents: { id: string; api: Api }[] = [];
    for (let i = 0; i < 12; i++) {
      const email = `agent${i}@example.test`;
      const created = await admin('POST', '/api/users', { email, name: `Agent ${i}`, password: 'agent password', roles: ['agent'], teams: ['care'] });
      agents.push({ id: created.body.user.id, api: await signIn(server.url, email, 'agent password') });
    }
    const mentions = Array.from({ length: 10 }, (_, i) => ({ id: `forum:race-${i}`, network: 'forum', author: { handle: '@x' }, text: 'help please', createdAt: '2026-01-01T09:00:00Z' }));
    const ingested = await client(server.url, server.ingestToken)('POST', '/api/mentions', mentions);
    const caseIds = ingested.body.results.map((r: { caseId: string }) => r.caseId) as string[];

    const attempts = await Promise.all(
      caseIds.flatMap((caseId) => agents.map(async (a) => ({ caseId, agent: a.id, res: await a.api('POST', `/api/cases/${caseId}/claim`) }))),
    );
    for (const caseId of caseIds) {
      const mine = attempts.filter((x) => x.caseId === caseId);
      const winners = mine.filter((x) => x.res.status === 200);
      expect(winners).toHaveLength(1);
      const winner = winners[0]!.agent;
      for (const loser of mine.filter((x) => x.res.status !== 200)) {
        expect(loser.res.status).toBe(409);
        expect(loser.res.body.error).toMatchObject({ code: 'CLAIMED', details: { holder: winner } });
      }
      const c = (await admin('GET', `/api/cases/${caseId}`)).body;
      expect(c).toMatchObject({ status: 'held', holder: winner });
      expect(c.history.filter((h: { type: string }) => h.type === 'claim')).toHaveLength(1);
    }
  });
});
