/** A small JSON client for a running server, signed in with a bearer token. */
export type Api = <T = any>(method: string, path: string, body?: unknown) => Promise<{ status: number; body: T }>;

/** Calls `url` + path with JSON and an optional bearer token. */
export function client(url: string, token?: string): Api {
  return async (method, path, body) => {
    const res = await fetch(url + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await res.text();
    let parsed: any = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body: parsed };
  };
}

/** What ingest answered for one mention. */
export interface IngestResult { id: string; status: string; caseId?: string }

/** Posts mentions with an ingest token; throws unless the server answers 200. */
export async function ingest(url: string, token: string, mentions: unknown[]): Promise<IngestResult[]> {
  const res = await fetch(`${url}/api/mentions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(mentions),
  });
  if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { results: IngestResult[] }).results;
}

/** Signs in and returns a client for that user. */
export async function signIn(url: string, email: string, password: string): Promise<Api> {
  const res = await client(url)('POST', '/api/session', { email, password });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${JSON.stringify(res.body)}`);
  return client(url, res.body.token);
}

/**
 * Puts a map live on a running server: creates the teams it names, an approver, then the map is
 * created and submitted by the admin and approved by the approver (nobody approves their own).
 */
export async function approveMap(url: string, admin: Api, map: { id: string; teams: { id: string; name: string }[] }): Promise<void> {
  for (const t of map.teams) await admin('POST', '/api/teams', t);
  const email = `approver-${map.id}@example.test`;
  const password = 'approver password';
  await admin('POST', '/api/users', { email, name: 'Approver', password, roles: ['approver'] });
  const approver = await signIn(url, email, password);
  const created = await admin('POST', '/api/maps', map);
  if (created.status !== 201) throw new Error(`creating map: ${JSON.stringify(created.body)}`);
  const submitted = await admin('POST', `/api/maps/${map.id}/submit`);
  if (submitted.status !== 200) throw new Error(`submitting map: ${JSON.stringify(submitted.body)}`);
  const approved = await approver('POST', `/api/maps/${map.id}/versions/${submitted.body.version}/approve`, {});
  if (approved.status !== 200) throw new Error(`approving map: ${JSON.stringify(approved.body)}`);
}
