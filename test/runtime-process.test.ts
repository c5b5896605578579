import { afterAll, describe, expect, it } from 'vitest';
import { approveMap, client, signIn, type Api } from './helpers/api.ts';
import { startServer, type RunningServer } from './helpers/startServer.ts';

/** A map whose only pass has a 3-second deadline with a timeout edge. */
const quickMap = {
  format: 'baton.map/v1', id: 'quick', name: 'Quick deadlines', hub: 'social',
  teams: [{ id: 'social', name: 'Social' }, { id: 'care', name: 'Care' }],
  nodes: [
    { id: 't', type: 'trigger', label: 'Anything broken', position: { x: 0, y: 0 }, when: { field: 'text', op: 'containsAny', value: ['broken'] } },
    { id: 'p', type: 'pass', label: 'Care', position: { x: 1, y: 0 }, to: { team: 'care' }, expected: { action: 'Fix', within: 'PT3S', outcomes: ['fixed'] } },
    { id: 'fixed', type: 'end', label: 'Fixed', position: { x: 2, y: 0 }, outcome: 'fixed' },
    { id: 'late', type: 'end', label: 'Too late', position: { x: 2, y: 1 }, outcome: 'timed out' },
  ],
  edges: [
    { id: 'e1', source: 't', target: 'p' },
    { id: 'e2', source: 'p', target: 'fixed', on: 'fixed' },
    { id: 'e3', source: 'p', target: 'late', on: 'timeout' },
  ],
};

const mention = (id: string, text: string) => ({ id, network: 'forum', author: { handle: '@x' }, text, createdAt: '2026-01-01T09:00:00Z' });

let server: RunningServer | null = null;
afterAll(async () => {
  await server?.stop('SIGKILL');
});

describe('the real server process', () => {
  it('survives SIGKILL mid-ingest: nothing acknowledged is lost, nothing is duplicated, overdue deadlines fire at start', async () => {
    server = await startServer({ env: { BATON_SKIP_WEB_BUILD: '1' } });
    let admin: Api = await signIn(server.url, server.adminEmail, server.adminPassword);
    await approveMap(server.url, admin, quickMap);
    const ingest = client(server.url, server.ingestToken);

    // One case whose deadline (3 s) will fall due while the server is down.
    const firstAt = Date.now();
    const first = await ingest('POST', '/api/mentions', mention('forum:overdue', 'the app is broken'));
    const overdueCase = first.body.results[0].caseId as string;

    // Stream batches of 100 and kill the process while they are in flight.
    const batches = Array.from({ length: 40 }, (_, b) => Array.from({ length: 100 }, (_, i) => mention(`forum:${b}-${i}`, i % 2 ? 'broken again' : 'just saying hi')));
    const acknowledged = new Set<number>();
    const sending = (async () => {
      for (let b = 0; b < batches.length; b++) {
        try {
          const res = await ingest('POST', '/api/mentions', batches[b]);
          if (res.status === 200) acknowledged.add(b);
        } catch {
          return; // the server is gone
        }
      }
    })();
    while (acknowledged.size < 5) await new Promise((r) => setTimeout(r, 5));
    await server.stop('SIGKILL');
    await sending;
    expect(acknowledged.size).toBeGreaterThanOrEqual(5);
    expect(acknowledged.size).toBeLessThan(batches.length);

    // Stay down until the deadline is well past (the server notes a firing more than 1 s late).
    await new Promise((r) => setTimeout(r, Math.max(0, firstAt + 5500 - Date.now())));
    await server.restart();
    admin = await signIn(server.url, server.adminEmail, server.adminPassword);

    // The overdue deadline fired at start, at its own time.
    let overdue: any;
    for (let i = 0; i < 50; i++) {
      overdue = (await admin('GET', `/api/cases/${overdueCase}`)).body;
      if (overdue.status === 'ended') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(overdue).toMatchObject({ status: 'ended', node: 'late', breaches: ['p'] });
    const timeout = overdue.history.find((h: { type: string }) => h.type === 'timeout');
    expect(timeout.data.firedLateMs).toBeGreaterThan(0);

    // Every acknowledged mention is there; retrying everything duplicates nothing.
    const retry = client(server.url, server.ingestToken);
    for (let b = 0; b < batches.length; b++) {
      const res = await retry('POST', '/api/mentions', batches[b]);
      expect(res.status).toBe(200);
      const statuses = new Set(res.body.results.map((r: { status: string }) => r.status));
      if (acknowledged.has(b)) expect([...statuses]).toEqual(['duplicate']);
      // A batch is one transaction: after the crash it is either all there or not at all.
      else expect(statuses.has('duplicate') && statuses.size > 1).toBe(false);
    }
    const cases = (await admin('GET', '/api/cases?limit=5000')).body.cases as { mentionId: string }[];
    const routedMentions = batches.flat().filter((m) => m.text.includes('broken')).length + 1;
    expect(cases).toHaveLength(routedMentions);
    expect(new Set(cases.map((c) => c.mentionId)).size).toBe(routedMentions);
    const unrouted = (await admin('GET', '/api/mentions/unrouted?limit=5000')).body.mentions as unknown[];
    expect(unrouted).toHaveLength(batches.flat().length - routedMentions + 1);
  });
});
