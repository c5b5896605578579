import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';

describe('GET /api/openapi.json', () => {
  it('documents every API route the app serves', async () => {
    const t = await testRuntime();
    const doc = (await t.anonymous('GET', '/api/openapi.json')).body;
    const documented = new Set(Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)));
    const served = t.app.routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.endsWith('/*') && r.path !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(served.length).toBeGreaterThan(30);
    expect(served.filter((r) => !documented.has(r))).toEqual([]);
    expect(doc.paths['/api/mentions'].post.requestBody).toBeTruthy();
  });
});

describe('GET /api/events', () => {
  it('streams case changes to people who may see them, as named SSE events', async () => {
    const t = await testRuntime();
    const { hub } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const session = await t.anonymous('POST', '/api/session', { email: 'hub@example.test', password: 'correct horse battery' });
    const res = await t.app.request('/api/events', { headers: { authorization: `Bearer ${session.body.token}` } });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const caseId = (await t.ingest('POST', '/api/mentions', mention('broken'))).body.results[0].caseId;
    await hub('POST', `/api/cases/${caseId}/notes`, { text: 'on it' });
    let text = '';
    while (!text.includes('event: case')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    expect(text).toContain('event: ready');
    expect(text).toMatch(new RegExp(`event: case\\ndata: \\{"id":"${caseId}"`));
  });

  it('needs a signed-in user', async () => {
    const t = await testRuntime();
    expect((await t.anonymous('GET', '/api/events')).status).toBe(401);
  });
});

describe('who sees what', () => {
  it("an agent sees only their teams' cases: another team's case is 404, as a missing one, and missing from lists", async () => {
    const t = await testRuntime();
    const { hub, sup } = await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const caseId = (await t.ingest('POST', '/api/mentions', mention('broken'))).body.results[0].caseId;
    expect((await hub('GET', '/api/cases')).body.cases).toHaveLength(1);
    expect((await sup('GET', '/api/cases')).body.cases).toHaveLength(0);
    const res = await sup('GET', `/api/cases/${caseId}`);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'NOT_FOUND', message: 'Case not found' });
    expect((await sup('POST', `/api/cases/${caseId}/claim`)).status).toBe(404);
    expect((await sup('GET', '/api/cases/no-such-case')).status).toBe(404);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });
});
