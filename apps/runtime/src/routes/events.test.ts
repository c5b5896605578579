import { describe, expect, it } from 'vitest';
import { sessions } from '../db/schema.ts';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap, type TestRuntime } from '../testing/testApp.ts';

const PASSWORD = 'correct horse battery';

/**
 * A live-event stream read over HTTP as `email` would read it: `next()` gives the names of the
 * events that arrived since the last call, or `'closed'` once the server ended the stream.
 */
async function openStream(t: TestRuntime, email: string) {
  const session = await t.anonymous('POST', '/api/session', { email, password: PASSWORD });
  const token = session.body.token as string;
  const res = await t.app.request('/api/events', { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let closed = false;
  /** Reads until an event named `until` arrives or the stream closes; at most `reads` chunks. */
  const read = async (until: string, reads = 50): Promise<string[] | 'closed'> => {
    const names: string[] = [];
    for (let i = 0; i < reads && !closed; i++) {
      const chunk = await reader.read();
      if (chunk.done) {
        closed = true;
        break;
      }
      buffer += decoder.decode(chunk.value, { stream: true });
      const blocks = buffer.split('\n\n');
      buffer = blocks.pop() ?? '';
      for (const block of blocks) {
        const name = /^event: (\S+)$/m.exec(block)?.[1];
        if (name) names.push(name);
      }
      if (names.includes(until)) return names;
    }
    return closed ? 'closed' : names;
  };
  expect(await read('ready')).toContain('ready');
  return { token, read, cancel: () => reader.cancel() };
}

/** A complaint prepared by the hub: it waits in care's queue, which sends care `case` and `queue` events. */
async function careWork(t: TestRuntime, hub: Awaited<ReturnType<typeof withApprovedMap>>['hub']) {
  const id = (await t.ingest('POST', '/api/mentions', mention('my parcel arrived broken'))).body.results[0].caseId as string;
  for (const item of ['Screenshot', 'Check CRM']) await hub('POST', `/api/cases/${id}/checklist`, { item });
  return id;
}

describe('a live-event stream ends with the right to read it', () => {
  it('ends when its session signs out, and sends nothing after', async () => {
    const t = await testRuntime();
    const { hub } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const stream = await openStream(t, 'care1@example.test');
    const signOut = await t.app.request('/api/session', { method: 'DELETE', headers: { authorization: `Bearer ${stream.token}` } });
    expect(signOut.status).toBe(204);
    await careWork(t, hub);
    expect(await stream.read('case')).toBe('closed');
  });

  it('ends when an admin disables the person', async () => {
    const t = await testRuntime();
    const { hub, care1 } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const stream = await openStream(t, 'care1@example.test');
    expect((await t.admin('PATCH', `/api/users/${care1.id}`, { disabled: true })).status).toBe(200);
    await careWork(t, hub);
    expect(await stream.read('case')).toBe('closed');
  });

  it('ends when the person moves to another team; a new stream carries the new team only', async () => {
    const t = await testRuntime();
    const { hub, care1 } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const stream = await openStream(t, 'care1@example.test');
    expect((await t.admin('PATCH', `/api/users/${care1.id}`, { teams: ['supervisors'] })).status).toBe(200);
    await careWork(t, hub);
    expect(await stream.read('case')).toBe('closed');
    const again = await openStream(t, 'care1@example.test');
    await careWork(t, hub);
    t.advance(3_600_000); // care misses the deadline: the case moves to the supervisors
    expect(await again.read('case')).toContain('case');
    await again.cancel();
  });

  it('ends when the person is removed from a team or their roles change', async () => {
    const t = await testRuntime();
    const { hub, care1, care2 } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const first = await openStream(t, 'care1@example.test');
    const second = await openStream(t, 'care2@example.test');
    expect((await t.admin('DELETE', `/api/teams/care/members/${care1.id}`)).status).toBe(204);
    expect((await t.admin('PATCH', `/api/users/${care2.id}`, { roles: ['approver'] })).status).toBe(200);
    await careWork(t, hub);
    expect(await first.read('case')).toBe('closed');
    expect(await second.read('case')).toBe('closed');
  });

  it('ends, without any signal, when the session disappears elsewhere (another node signed it out)', async () => {
    const t = await testRuntime({ config: { liveRecheckMs: 20 } });
    await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const stream = await openStream(t, 'care1@example.test');
    t.app.rt.db.delete(sessions).run(); // straight in the shared database, as another node would
    expect(await stream.read('never', 1000)).toBe('closed');
  });

  it('a stream whose person did not change goes on', async () => {
    const t = await testRuntime();
    const { hub, care2 } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const stream = await openStream(t, 'care1@example.test');
    expect((await t.admin('PATCH', `/api/users/${care2.id}`, { disabled: true })).status).toBe(200);
    await careWork(t, hub);
    expect(await stream.read('case')).toContain('case');
    await stream.cancel();
  });
});

describe('each event goes only to those who may see it', () => {
  it('mention events reach the hub, managers and admins, not other agents nor approvers', async () => {
    const t = await testRuntime();
    const { hub } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const streams = {
      hub: await openStream(t, 'hub@example.test'),
      manager: await openStream(t, 'manager@example.test'),
      admin: await openStream(t, 'admin@example.test'),
      care: await openStream(t, 'care1@example.test'),
      approver: await openStream(t, 'approver@example.test'),
    };
    await t.ingest('POST', '/api/mentions', mention('lovely weather today')); // unrouted: a triage mention
    await careWork(t, hub); // a routed complaint, then care's case events
    for (const who of ['hub', 'manager', 'admin'] as const) expect(await streams[who].read('mention'), who).toContain('mention');
    // care1 and the approver get care's case events (the approver sees every case) but no mention before them.
    for (const who of ['care', 'approver'] as const) {
      const names = await streams[who].read('queue');
      expect(names, who).toContain('queue');
      expect(names, who).not.toContain('mention');
    }
    for (const s of Object.values(streams)) await s.cancel();
  });

  it("an agent's stream carries no case events of another team", async () => {
    const t = await testRuntime();
    const { hub } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const sup = await openStream(t, 'sup@example.test');
    await careWork(t, hub);
    await t.ingest('POST', '/api/mentions', mention('lovely weather today'));
    t.advance(3_600_000); // care's deadline passes: the case comes to the supervisors
    const names = await sup.read('case');
    expect(names).toEqual(['case']); // the first event the supervisors see is their own case arriving
    await sup.cancel();
  });
});
