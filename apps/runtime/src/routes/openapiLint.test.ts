import { createConfig, lintFromString } from '@redocly/openapi-core';
import { describe, expect, it } from 'vitest';
import { testRuntime } from '../testing/testApp.ts';

type Operation = { operationId?: string; security?: Record<string, string[]>[]; tags?: string[] };

async function documentOf() {
  const t = await testRuntime();
  return (await t.anonymous('GET', '/api/openapi.json')).body as { paths: Record<string, Record<string, Operation>> };
}

function operationsOf(doc: Awaited<ReturnType<typeof documentOf>>) {
  return Object.entries(doc.paths).flatMap(([path, ops]) => Object.entries(ops).map(([method, op]) => ({ at: `${method.toUpperCase()} ${path}`, ...op })));
}

describe('the OpenAPI document', () => {
  it('passes the recommended rules of a standard OpenAPI linter (Redocly) with no errors and no warnings', async () => {
    const doc = await documentOf();
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: '/openapi.json', config });
    const shown = problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} at ${p.location.map((l) => l.pointer).join(', ')}`);
    expect(shown.filter((p) => p.startsWith('error')), shown.join('\n')).toEqual([]);
    expect(shown, shown.join('\n')).toEqual([]);
  });

  it('gives every operation a unique camelCase operationId, a tag and a security requirement', async () => {
    const ops = operationsOf(await documentOf());
    expect(ops.length).toBeGreaterThan(50);
    expect(ops.filter((o) => !o.operationId || !/^[a-z][a-zA-Z0-9]*$/.test(o.operationId)).map((o) => o.at)).toEqual([]);
    const ids = ops.map((o) => o.operationId);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(ops.filter((o) => !o.tags?.length).map((o) => o.at)).toEqual([]);
    expect(ops.filter((o) => !Array.isArray(o.security)).map((o) => o.at)).toEqual([]);
  });

  it('marks exactly the public routes with `security: []`', async () => {
    const ops = operationsOf(await documentOf());
    const open = ops.filter((o) => o.security?.length === 0).map((o) => o.at).sort();
    expect(open).toEqual(['GET /api/docs', 'GET /api/health', 'GET /api/openapi.json', 'GET /api/setup', 'POST /api/session', 'POST /api/setup']);
    const byId = Object.fromEntries(ops.map((o) => [o.operationId, o]));
    expect(byId.claimCase!.at).toBe('POST /api/cases/{id}/claim');
    expect(byId.ingestMentions!.at).toBe('POST /api/mentions');
    expect(byId.listMaps!.at).toBe('GET /api/maps');
  });
});

describe('GET /api/docs', () => {
  it('serves a readable, self-contained reference of every operation, grouped by tag', async () => {
    const t = await testRuntime();
    const res = await t.app.request('/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    const html = await res.text();
    expect(html).not.toMatch(/<script|<link|https?:\/\/(?!127)/i);
    for (const id of operationsOf(await documentOf()).map((o) => o.operationId)) expect(html).toContain(`id="${id}"`);
    const claim = html.slice(html.indexOf('id="claimCase"'), html.indexOf('</section>', html.indexOf('id="claimCase"')));
    expect(claim).toContain('<code>/api/cases/{id}/claim</code>');
    expect(claim).toContain('Who may call it');
    expect(claim).toContain('<a href="#schema-Case">Case</a>');
    expect(claim).toMatch(/409<\/td><td>Refused in the current state/);
    expect(html).toContain('<h2 id="tag-cases">cases</h2>');
    expect(html).toMatch(/id="signIn"[\s\S]*?Anyone: no sign-in needed/);
    expect(html).toMatch(/id="createUser"[\s\S]*?Signed in \(session cookie or bearer token\) as: admin/);
  });
});
