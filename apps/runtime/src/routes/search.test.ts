import { describe, expect, it } from 'vitest';
import { complaintMap, mention } from '../testing/fixtures.ts';
import { testRuntime, withApprovedMap } from '../testing/testApp.ts';

/** Complaints from three customers over three minutes; one resolved with a note, one tagged; plus a case in another team's hands. */
async function someCases() {
  const t = await testRuntime();
  const people = await withApprovedMap(t, complaintMap({ crisis: undefined }));
  const ids: string[] = [];
  const texts = [
    ['@ana', 'My order arrived broken, the screen is cracked', 'twitter'],
    ['@bo', 'I want a refund for the broken kettle', 'mastodon'],
    ['@Ana', 'Still broken, refund please', 'twitter'],
  ] as const;
  for (const [handle, text, network] of texts) {
    ids.push((await t.ingest('POST', '/api/mentions', mention(text, { network, author: { handle } }))).body.results[0].caseId);
    t.advance(60_000);
  }
  for (const item of ['Screenshot', 'Check CRM']) await people.hub('POST', `/api/cases/${ids[0]}/checklist`, { item });
  await people.care1('POST', `/api/cases/${ids[0]}/notes`, { text: 'Courier confirmed the parcel was dropped' });
  await people.care1('POST', `/api/cases/${ids[0]}/outcome`, { outcome: 'resolved' });
  await people.hub('POST', `/api/cases/${ids[1]}/tags`, { add: ['vip-customer'] });
  return { t, ...people, ids };
}

describe('GET /api/cases as search', { timeout: 30_000 }, () => {
  it('finds open and closed cases by words of the thread, notes and tags, newest first', async () => {
    const { sup, manager, ids } = await someCases();
    const all = (await manager('GET', '/api/cases?q=broken')).body;
    expect(all.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(all.next).toBeNull();
    expect(all.cases).toBeUndefined();
    expect(all.items[2]).toMatchObject({ status: 'ended', outcome: 'resolved', mention: { author: { handle: '@ana' } } });
    // Notes and tags are searched; a word's start matches the last word; punctuation is no syntax error.
    expect((await manager('GET', '/api/cases?q=courier')).body.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect((await manager('GET', '/api/cases?q=vip')).body.items.map((c: { id: string }) => c.id)).toEqual([ids[1]]);
    expect((await manager('GET', '/api/cases?q=cr')).body.items.map((c: { id: string }) => c.id)).toEqual([]);
    expect((await manager('GET', '/api/cases?q=crac')).body.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect((await manager('GET', '/api/cases?q=crack*')).body.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect((await manager('GET', '/api/cases?q=cracked')).body.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
    expect((await manager('GET', `/api/cases?q=${encodeURIComponent('"screen is" NEAR( refund OR')}`)).status).toBe(200);
    expect((await manager('GET', '/api/cases?q=refund%20please')).body.items.map((c: { id: string }) => c.id)).toEqual([ids[2]]);
    // Another team sees none of care's cases, as in the queue.
    expect((await sup('GET', '/api/cases?q=broken')).body.items).toEqual([]);
  });

  it('narrows by author, network, tag, status, outcome, breached, team, map and time, and pages with a cursor', async () => {
    const { t, manager, care1, hub, ids } = await someCases();
    const idsOf = async (query: string, who = manager) => {
      const res = await who('GET', `/api/cases?${query}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body.items.map((c: { id: string }) => c.id);
    };
    expect(await idsOf('author=ana')).toEqual([ids[2], ids[0]]);
    expect(await idsOf('author=%40ANA&network=twitter')).toEqual([ids[2], ids[0]]);
    expect(await idsOf('network=mastodon')).toEqual([ids[1]]);
    expect(await idsOf('tag=vip-customer')).toEqual([ids[1]]);
    expect(await idsOf('status=closed')).toEqual([ids[0]]);
    expect(await idsOf('status=open&q=refund')).toEqual([ids[2], ids[1]]);
    expect(await idsOf('outcome=resolved')).toEqual([ids[0]]);
    // Until the hub's checklist is done a case is in the hub's (social's) hands; the ended one stays with care.
    expect(await idsOf('team=care&map=complaints&breached=false')).toEqual([ids[0]]);
    expect(await idsOf('team=social&breached=false')).toEqual([ids[2], ids[1]]);
    expect(await idsOf('breached=true')).toEqual([]);
    expect(await idsOf('from=2026-01-01T09:01:00Z&to=2026-01-01T09:01:30Z')).toEqual([ids[1]]);
    // Care's cases are the hub's to prepare until the checklist is done; care1 sees the one it resolved.
    expect(await idsOf('q=broken', care1)).toEqual([ids[0]]);
    expect(await idsOf('q=broken', hub)).toEqual([ids[2], ids[1]]);
    t.advance(2 * 3_600_000);
    const first = (await manager('GET', '/api/cases?limit=2')).body;
    expect(first.items.map((c: { id: string }) => c.id)).toEqual([ids[2], ids[1]]);
    expect(first.next).toEqual(expect.any(String));
    const second = (await manager('GET', `/api/cases?limit=2&cursor=${first.next}`)).body;
    expect(second).toMatchObject({ next: null });
    expect(second.items.map((c: { id: string }) => c.id)).toEqual([ids[0]]);
  });

  it('pages through many matches newest first, exactly, when opening times tie and were stored out of order', async () => {
    const { t, manager } = await someCases();
    const sqlite = t.app.rt.db.$client;
    const insCase = sqlite.prepare(`insert into cases (id, map_id, map_version, mention_id, trigger, node, node_type, status, team, priority, breaches, snapshot, view, facts, opened_at, updated_at)
      values (?, 'complaints', 1, ?, 't', 'care', 'pass', ?, 'care', 0, 0, '{}', '{}', '{}', ?, ?)`);
    const insMention = sqlite.prepare("insert into mentions (id, received_at, status, case_id, document) values (?, ?, 'routed', ?, ?)");
    const insNote = sqlite.prepare("insert into notes (case_id, author, text, at) values (?, 'agent', ?, ?)");
    let seed = 7;
    const rand = (n: number) => Math.floor(((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * n);
    const base = Date.parse('2025-06-01T00:00:00Z');
    const mentionRows: [string, number, string, string][] = [];
    sqlite.transaction(() => {
      for (let i = 0; i < 900; i++) {
        const at = base + rand(4) * 10_000; // four instants, stored in no order: many cases share one
        const id = `bulk_${i}`;
        const network = ['twitter', 'mastodon'][rand(2)]!;
        insCase.run(id, `m_${i}`, rand(3) ? 'waiting' : 'ended', at, at);
        mentionRows.push([`m_${i}`, at, id, JSON.stringify({ id: `m_${i}`, network, author: { handle: `@p${i}` }, text: rand(4) ? 'parcel lost again' : 'other words', createdAt: new Date(at).toISOString() })]);
      }
      // Text rows stored in the reverse order of their cases: within one instant the index's order is not the cases' order.
      for (const row of mentionRows.reverse()) insMention.run(...row);
      for (let i = 0; i < 900; i += 7) insNote.run(`bulk_${i}`, 'The parcel turned up', base + 200_000); // later notes join their case's place
    })();
    const expected = (sqlite.prepare(`select c.id from cases c join mentions m on m.id = c.mention_id
      where c.id like 'bulk_%' and c.status != 'ended' and json_extract(m.document, '$.network') = 'twitter'
        and c.id in (select case_id from care_text where care_text match 'parcel')
      order by c.opened_at desc, c.rowid desc`).all() as { id: string }[]).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(150);
    const got: string[] = [];
    let next: string | null = null;
    do {
      const res: { status: number; body: { items: { id: string }[]; next: string | null } } = await manager('GET', `/api/cases?q=parcel&network=twitter&status=open&limit=37${next ? `&cursor=${next}` : ''}`);
      expect(res.status).toBe(200);
      got.push(...res.body.items.map((c: { id: string }) => c.id));
      next = res.body.next;
    } while (next);
    expect(got).toEqual(expected);
    const window = (await manager('GET', `/api/cases?q=parcel&network=twitter&status=open&limit=200&from=${new Date(base + 30_000).toISOString()}&to=${new Date(base + 40_000).toISOString()}`)).body;
    const inWindow = (sqlite.prepare('select id from cases where id in (select value from json_each(?)) and opened_at between ? and ?').all(JSON.stringify(expected), base + 30_000, base + 40_000) as { id: string }[]).map((r) => r.id);
    expect(window.items.map((c: { id: string }) => c.id)).toEqual(expected.filter((id) => inWindow.includes(id)));
    // Times far outside the index's range are plain bounds, not errors.
    expect((await manager('GET', '/api/cases?q=parcel&from=1970-01-01T00:00:00Z&to=9999-12-31T00:00:00Z&limit=1')).status).toBe(200);
    expect((await manager('GET', '/api/cases?q=parcel&from=9000-01-01T00:00:00Z')).body.items).toEqual([]);
  });

  it('keeps the queue view for callers without search filters, and refuses bad filters with 400', async () => {
    const { manager } = await someCases();
    const queue = (await manager('GET', '/api/cases?status=open')).body;
    expect(queue.cases).toHaveLength(2);
    expect(queue.items).toHaveLength(2);
    for (const bad of ['network=myspace', 'status=lost', 'breached=maybe', 'from=yesterday', 'from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'cursor=abc', 'limit=0', 'limit=x', 'q=%22%22%20%2A']) {
      const res = await manager('GET', `/api/cases?${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.message, bad).toMatch(/\w/);
    }
  });

  it('keeps saved searches per person and lists what I finished today', async () => {
    const { care1, care2 } = await someCases();
    const saved = await care1('POST', '/api/search/saved', { name: 'Refunds', query: '?q=refund&status=open' });
    expect(saved.status).toBe(201);
    expect((await care1('POST', '/api/search/saved', { name: 'Bad', query: 'network=myspace' })).status).toBe(400);
    expect((await care1('GET', '/api/search/saved')).body.searches).toEqual([expect.objectContaining({ name: 'Refunds', query: 'q=refund&status=open' })]);
    expect((await care2('GET', '/api/search/saved')).body.searches).toEqual([]);
    expect((await care2('DELETE', `/api/search/saved/${saved.body.id}`)).status).toBe(404);
    const done = (await care1('GET', '/api/search/done')).body.items;
    expect(done).toEqual([expect.objectContaining({ doneOutcome: 'resolved', status: 'ended' })]);
    expect((await care2('GET', '/api/search/done')).body.items).toEqual([]);
    expect((await care1('DELETE', `/api/search/saved/${saved.body.id}`)).status).toBe(204);
  });
});
