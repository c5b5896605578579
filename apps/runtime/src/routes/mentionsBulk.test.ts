import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap, type TestRuntime } from '../testing/testApp.ts';

/** Posts a raw body with a content type, with the test's ingest token (or another). */
async function post(t: TestRuntime, body: string, contentType: string, token = 'ingest-token-for-tests') {
  const res = await t.app.request('/api/mentions', { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': contentType }, body });
  return { status: res.status, body: (await res.json()) as any };
}

const stored = async (t: TestRuntime) => (await t.admin('GET', '/api/mentions/unrouted')).body.mentions.length + (await t.admin('GET', '/api/cases')).body.cases.length;

const CSV = [
  'id,network,author.handle,author.followers,author.verified,text,createdAt,directedAtBrand,sentiment',
  'csv:1,twitter,@ana,1200,false,"My screen is broken, again",2026-01-01T09:00:00Z,true,-0.5',
  'csv:2,facebook,@bo,,,"Lovely store.',
  'Lovely staff, too.",2026-01-01T09:01:00Z,,',
  '',
  'csv:3,twitter,@cy,5,true,hello,2026-01-01T09:02:00Z,false,',
].join('\r\n');

describe('POST /api/mentions with CSV and NDJSON bodies', () => {
  it('ingests a CSV file: typed cells, quoted commas and line breaks, empty cells absent', async () => {
    const t = await testRuntime();
    await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const res = await post(t, CSV, 'text/csv; charset=utf-8');
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([['csv:1', 'routed'], ['csv:2', 'unrouted'], ['csv:3', 'unrouted']]);
    const c = (await t.admin('GET', `/api/cases/${res.body.results[0].caseId}`)).body;
    expect(c.mention).toMatchObject({ id: 'csv:1', author: { handle: '@ana', followers: 1200, verified: false }, text: 'My screen is broken, again', directedAtBrand: true, sentiment: -0.5 });
    const inbox = (await t.admin('GET', '/api/mentions/unrouted')).body.mentions;
    const two = inbox.find((m: { id: string }) => m.id === 'csv:2');
    expect(two.text).toBe('Lovely store.\r\nLovely staff, too.');
    expect(two.author).toEqual({ handle: '@bo' });
    expect(two).not.toHaveProperty('directedAtBrand');
    // Sent again: every row a duplicate.
    expect((await post(t, CSV, 'text/csv')).body.results.map((r: { status: string }) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
  });

  it('refuses a CSV with one bad row, naming the line it starts on and the field, and stores nothing', async () => {
    const t = await testRuntime();
    const bad = CSV.replace('@cy,5,', '@cy,many,');
    const res = await post(t, bad, 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID');
    expect(res.body.error.details).toMatchObject({ line: 6, field: 'author.followers' });
    expect(res.body.error.message).toContain('Line 6, author.followers');
    expect(await stored(t)).toBe(0);

    const missing = await post(t, 'id,network,author.handle,createdAt\nx:1,twitter,@a,2026-01-01T09:00:00Z\n', 'text/csv');
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toMatchObject({ line: 2, field: 'text' });

    const network = await post(t, 'id,network,author.handle,text,createdAt\nx:1,myspace,@a,hi,2026-01-01T09:00:00Z\n', 'text/csv');
    expect(network.body.error.details).toMatchObject({ line: 2, field: 'network' });
  });

  it('refuses a CSV header naming a column that is not a Mention field', async () => {
    const t = await testRuntime();
    const res = await post(t, 'id,network,author.handle,text,createdAt,colour\nx:1,twitter,@a,hi,2026-01-01T09:00:00Z,red\n', 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.error.details).toMatchObject({ line: 1, field: 'colour' });
    expect(res.body.error.message).toContain('"colour" is not a Mention field');
  });

  it('refuses a CSV row with more cells than the header has columns', async () => {
    const t = await testRuntime();
    const res = await post(t, 'id,network,author.handle,text,createdAt\nx:1,twitter,@a,hi,2026-01-01T09:00:00Z\nx:2,twitter,@a,hi,there,2026-01-01T09:00:00Z\n', 'text/csv');
    expect(res.status).toBe(400);
    expect(res.body.error.details.line).toBe(3);
    expect(await stored(t)).toBe(0);
  });

  it('ingests NDJSON (both content types), blank lines skipped, and refuses a bad line by its number', async () => {
    const t = await testRuntime();
    await withApprovedMap(t, complaintMap({ crisis: undefined }));
    const a = mention('broken on arrival');
    const b = mention('hello there');
    const good = await post(t, `${JSON.stringify(a)}\n\n${JSON.stringify(b)}\n`, 'application/x-ndjson');
    expect(good.status).toBe(200);
    expect(good.body.results.map((r: { status: string }) => r.status)).toEqual(['routed', 'unrouted']);
    const c = mention('also fine');
    expect((await post(t, JSON.stringify(c), 'application/ndjson')).body.results[0]).toEqual({ id: c.id, status: 'unrouted' });

    const d = mention('fine too');
    const badField = await post(t, [JSON.stringify(d), '', JSON.stringify({ ...mention('x'), author: { handle: '@x', followers: -3 } })].join('\n'), 'application/x-ndjson');
    expect(badField.status).toBe(400);
    expect(badField.body.error.details).toMatchObject({ line: 3, field: 'author.followers' });
    const notJson = await post(t, `${JSON.stringify(d)}\n{"id": oops}\n`, 'application/x-ndjson');
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.details).toMatchObject({ line: 2, field: null });
    expect((await t.admin('GET', '/api/mentions/unrouted')).body.mentions.map((m: { id: string }) => m.id)).not.toContain(d.id);
  });

  it('refuses more than 1,000 rows as too many (413), storing none', async () => {
    const t = await testRuntime();
    const lines = Array.from({ length: 1001 }, (_, i) => JSON.stringify(mention(`hello ${i}`)));
    const res = await post(t, lines.join('\n'), 'application/x-ndjson');
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('TOO_MANY');
    expect(await stored(t)).toBe(0);
  });

  it('still refuses forms, and answers 401 before reading a file without a token', async () => {
    const t = await testRuntime();
    expect((await post(t, 'a=1', 'application/x-www-form-urlencoded')).status).toBe(400);
    const res = await t.app.request('/api/mentions', { method: 'POST', headers: { 'content-type': 'text/csv' }, body: 'id\n1\n' });
    expect(res.status).toBe(401);
    // CSV elsewhere than ingest is not JSON.
    expect((await t.app.request('/api/teams', { method: 'POST', headers: { authorization: 'Bearer ingest-token-for-tests', 'content-type': 'text/csv' }, body: 'id\n1\n' })).status).toBe(400);
  });
});

describe('ingest tokens with a brand', () => {
  it('gives the token’s brand to mentions that name none, and keeps the brand a mention names', async () => {
    const t = await testRuntime();
    await withApprovedMap(t, complaintMap({ crisis: undefined, listensTo: { brands: ['acme'] } }));
    const created = await t.admin('POST', '/api/tokens', { name: 'Acme listening', scope: 'ingest', brand: 'acme' });
    expect(created.status).toBe(201);
    const listed = (await t.admin('GET', '/api/tokens')).body.tokens;
    expect(listed.find((x: { id: string }) => x.id === created.body.id).brand).toBe('acme');
    expect(listed.find((x: { name: string }) => x.name === 'BATON_INGEST_TOKEN').brand).toBeNull();

    const a = mention('screen broken');
    const b = mention('screen broken', { brand: 'globex' });
    const res = await post(t, JSON.stringify([a, b]), 'application/json', created.body.token);
    expect(res.body.results.map((r: { status: string }) => r.status)).toEqual(['routed', 'unrouted']);
    const c = (await t.admin('GET', `/api/cases/${res.body.results[0].caseId}`)).body;
    expect(c.mention.brand).toBe('acme');
    const row = t.app.rt.db.$client.prepare('SELECT id, brand FROM mentions ORDER BY seq').all();
    expect(row).toEqual([{ id: a.id, brand: 'acme' }, { id: b.id, brand: 'globex' }]);

    // The token without a brand: a mention with none is not heard by the acme map.
    const plain = await t.ingest('POST', '/api/mentions', mention('screen broken'));
    expect(plain.body.results[0].status).toBe('unrouted');
  });

  it('refuses a brand that is not an id', async () => {
    const t = await testRuntime();
    const res = await t.admin('POST', '/api/tokens', { name: 'x', scope: 'ingest', brand: 'two words' });
    expect(res.status).toBe(400);
  });
});
