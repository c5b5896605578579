/**
 * An in-page stand-in for the runtime's API (docs/api.md), for looking at screens without a
 * server: `page.route('/api/**')` answers from memory. Browser tests use the real runtime.
 */
import type { Page } from 'playwright-core';

interface Version { version: number; state: string; createdBy: string; createdAt: string; document: unknown; comment?: string; decidedBy?: string }

/** Routes the page's `/api` calls to an in-memory runtime signed in as `user`. */
export async function mockApi(page: Page, user = { id: 'u1', email: 'maria@example.org', name: 'Maria Manager', roles: ['manager', 'approver'], teams: ['social'] }) {
  const maps = new Map<string, { id: string; name: string; versions: Version[] }>();
  const teams = [
    { id: 'social', name: 'Social Hub', members: [] },
    { id: 'care', name: 'Customer Care', members: [] },
    { id: 'billing', name: 'Billing', members: [] },
    { id: 'pr', name: 'PR', members: [] },
  ];
  let signedIn = true;
  const now = () => new Date('2026-01-05T10:00:00Z').toISOString();
  const active = (m: { versions: Version[] }) => m.versions.filter((v) => v.state === 'approved').at(-1)?.version ?? null;
  await page.route('**/api/**', async (route) => {
    const req = route.request();
    const url = new URL(req.url());
    const path = url.pathname;
    const body = req.postData() ? JSON.parse(req.postData()!) : undefined;
    const json = (status: number, data: unknown) => route.fulfill({ status, contentType: 'application/json', headers: { 'X-Request-Id': 'req-mock-1' }, body: JSON.stringify(data) });
    if (path === '/api/session' && req.method() === 'GET') return signedIn ? json(200, { user }) : json(401, { error: { code: 'UNAUTHENTICATED', message: 'Sign in first.' } });
    if (path === '/api/session' && req.method() === 'POST') {
      if (body.password !== 'secret-pass') return json(401, { error: { code: 'BAD_CREDENTIALS', message: 'Wrong email or password.', requestId: 'req-mock-2' } });
      signedIn = true;
      return json(200, { token: 't', user });
    }
    if (path === '/api/session' && req.method() === 'DELETE') { signedIn = false; return route.fulfill({ status: 204 }); }
    if (path === '/api/teams') return json(200, { teams });
    if (path === '/api/maps' && req.method() === 'GET') {
      return json(200, { maps: [...maps.values()].map((m) => ({ id: m.id, name: m.name, activeVersion: active(m), draftVersion: null, latestVersion: m.versions.length, state: m.versions.at(-1)!.state, updatedAt: now(), updatedBy: user.email, openCases: 3, crisis: false })) });
    }
    if (path === '/api/maps' && req.method() === 'POST') {
      maps.set(body.id, { id: body.id, name: body.name, versions: [{ version: 1, state: 'draft', createdBy: 'u-author', createdAt: now(), document: body }] });
      return json(201, { id: body.id, version: 1 });
    }
    const m = /^\/api\/maps\/([^/]+)(?:\/(.*))?$/.exec(path);
    if (m) {
      const map = maps.get(decodeURIComponent(m[1]!));
      if (!map) return json(404, { error: { code: 'NOT_FOUND', message: 'No such map.' } });
      const rest = m[2] ?? '';
      if (!rest && req.method() === 'GET') return json(200, { id: map.id, name: map.name, activeVersion: active(map), versions: map.versions.map(({ document: _d, ...v }) => v) });
      if (!rest && req.method() === 'PUT') {
        const last = map.versions.at(-1)!;
        if (last.state === 'draft') last.document = body;
        else map.versions.push({ version: map.versions.length + 1, state: 'draft', createdBy: 'u-author', createdAt: now(), document: body });
        map.name = body.name;
        return json(200, { id: map.id, version: map.versions.at(-1)!.version });
      }
      if (rest === 'submit') { map.versions.at(-1)!.state = 'submitted'; return json(200, { version: map.versions.at(-1)!.version }); }
      const v = /^versions\/([^/]+)(?:\/(approve|reject))?$/.exec(rest);
      if (v) {
        const which = v[1] === 'latest' ? map.versions.at(-1) : v[1] === 'active' ? map.versions.find((x) => x.version === active(map)) : map.versions.find((x) => String(x.version) === v[1]);
        if (!which) return json(404, { error: { code: 'NOT_FOUND', message: 'No such version.' } });
        if (v[2]) {
          if (v[2] === 'approve') for (const x of map.versions) if (x.state === 'approved') x.state = 'retired';
          which.state = v[2] === 'approve' ? 'approved' : 'rejected';
          which.decidedBy = 'ada@example.org';
          if (body?.comment) which.comment = body.comment;
          return json(200, { version: which.version, state: which.state });
        }
        return json(200, which);
      }
    }
    return json(404, { error: { code: 'NOT_FOUND', message: `No route ${path}` } });
  });
  return { maps };
}
