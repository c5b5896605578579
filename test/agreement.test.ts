/**
 * Agreement: an example map and scenario run through the real runtime (HTTP API, SQLite,
 * scheduler; time driven by a manual clock) give every mention the same case path, breaches,
 * teams, end, status, pick-up and resolution time as `baton simulate` (the engine's simulateMap). The runtime here is
 * staffed by a small driver that behaves like the simulator's staff: one case per member at a
 * time, the best waiting case first, work taking the scenario's response time, the scripted (or
 * only weighted, or first) outcome, checklists and lessons instantly. Each scenario runs twice: with
 * nobody online (every case is claimed by the driver) and with the staff at the console, where
 * round-robin and least-loaded passes hand cases out themselves — the simulator's staff do both.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  addBusinessTime, expandScenario, isOpen, nextOpening, parseDuration, scenarioSchema, seededRandom, simulateMap, type BatonMap, type PassNode, type Scenario,
} from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { createApp, type BatonApp } from '../apps/runtime/src/app.ts';
import { bootstrap } from '../apps/runtime/src/auth/bootstrap.ts';
import { createUser } from '../apps/runtime/src/auth/createUser.ts';
import { ManualClock } from '../apps/runtime/src/clock.ts';
import { openDb } from '../apps/runtime/src/db/client.ts';
import { silentLogger } from '../apps/runtime/src/logger.ts';
import { importMap } from '../apps/runtime/src/maps/importMap.ts';

const examples = join(import.meta.dirname, '..', 'examples');
const PASSWORD = 'agreement password';

type Call = (method: string, path: string, body?: unknown) => Promise<any>;
interface Member { id: string; team: string; backup: boolean; call: Call; busy: { caseId: string; node: string; token: number } | null }
interface Work { at: number; seq: number; member: Member; token: number; caseId: string; outcome: string }

/** Scenarios whose staff draw nothing at random: fixed response times, at most one weighted outcome per pass. */
function deterministic(map: BatonMap, scenario: Scenario): boolean {
  return Object.entries(scenario.staff).every(([team, s]) => {
    if (typeof s.responseTime !== 'string') return false;
    return map.nodes.filter((n): n is PassNode => n.type === 'pass' && n.to.team === team)
      .every((p) => p.expected.outcomes.filter((o) => (s.outcomes?.[o] ?? 0) > 0).length <= 1);
  });
}

function caller(app: BatonApp, token: string): Call {
  return async (method, path, body) => {
    const res = await app.request(path, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    return { status: res.status, body: await res.json() };
  };
}

/**
 * `online`: every member also has the web app's live stream open, so round-robin and least-loaded
 * passes hand cases out themselves (on arrival, and to whoever becomes free); the driver then only
 * works what it is handed and claims from the other queues.
 */
async function runThroughRuntime(map: BatonMap, scenario: Scenario, online: boolean) {
  const start = Date.parse(scenario.start);
  const clock = new ManualClock(start);
  const app = createApp({ db: openDb(':memory:'), clock, log: silentLogger(), config: { leaseMs: 24 * 3_600_000 } });
  const db = app.rt.db;
  await bootstrap(app.rt, { BATON_ADMIN_EMAIL: 'admin@example.test', BATON_ADMIN_PASSWORD: PASSWORD, BATON_INGEST_TOKEN: 'agreement-ingest' });
  importMap(db, map, { approve: true, createTeams: true, actor: 'agreement-test', now: start });
  const streams: ReadableStreamDefaultReader<Uint8Array>[] = [];
  const signIn = async (email: string, live = false) => {
    const res = await app.request('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
    const { token } = (await res.json()) as { token: string };
    if (live) {
      const stream = (await app.request('/api/events', { headers: { authorization: `Bearer ${token}` } })).body!.getReader();
      let text = '';
      while (!text.includes('event: ready')) text += new TextDecoder().decode((await stream.read()).value);
      streams.push(stream);
    }
    return caller(app, token);
  };
  const admin = await signIn('admin@example.test');
  const ingest = caller(app, 'agreement-ingest');
  // Staff with hours: the directory holds the same hours, so business-hours deadlines count them.
  for (const [team, staff] of Object.entries(scenario.staff)) {
    if (staff.hours) expect((await admin('PATCH', `/api/teams/${team}`, { hours: staff.hours })).status).toBe(200);
  }
  const hoursOf = (team: string) => scenario.staff[team]?.hours;
  const openNow = (team: string) => {
    const hours = hoursOf(team);
    return !hours || isOpen(clock.now(), hours);
  };

  const members: Member[] = [];
  for (const [team, staff] of Object.entries(scenario.staff)) {
    for (const backup of [false, true]) {
      for (let i = 1; i <= (backup ? (staff.backup ?? 0) : staff.members); i++) {
        const email = `${team}-${backup ? 'backup-' : ''}${i}@example.test`;
        const user = await createUser(db, { email, name: email, password: PASSWORD, roles: ['agent'], teams: backup ? [] : [team], backupTeams: backup ? [team] : [] }, start);
        members.push({ id: user.id, team, backup, call: await signIn(email, online), busy: null });
      }
    }
  }
  const memberById = new Map(members.map((m) => [m.id, m]));
  const scripted = new Map<string, { outcome: string; afterMs?: number }[]>();
  for (const r of scenario.responses ?? []) {
    const list = scripted.get(`${r.mention}\u0000${r.node}`) ?? [];
    list.push({ outcome: r.outcome, ...(r.after ? { afterMs: parseDuration(r.after)! } : {}) });
    scripted.set(`${r.mention}\u0000${r.node}`, list);
  }
  const work: Work[] = [];
  let seq = 0;
  let token = 0;

  const crisisOn = async () => ((await admin('GET', '/api/maps')).body.maps as { id: string; crisis: boolean }[]).find((m) => m.id === map.id)!.crisis;

  /** Checklists and lessons take no time: whoever holds the ball does them at once. */
  const settle = async () => {
    for (let again = true; again; ) {
      again = false;
      for (const c of (await admin('GET', '/api/cases?status=preparing,closing&limit=5000')).body.cases) {
        again = true;
        const detail = (await admin('GET', `/api/cases/${c.id}`)).body;
        if (c.status === 'closing') await admin('POST', `/api/cases/${c.id}/lessons`, { text: 'learned' });
        else for (const { item } of detail.checklist) await admin('POST', `/api/cases/${c.id}/checklist`, { item, done: true });
      }
    }
  };

  /** A member starts on a case they hold: the outcome comes after the response time. */
  const startWork = (m: Member, c: { id: string; node: string; mentionId: string }) => {
    const pass = map.nodes.find((n) => n.id === c.node) as PassNode;
    const staff = scenario.staff[m.team]!;
    const script = scripted.get(`${c.mentionId}\u0000${c.node}`);
    const s = script && script.length > 1 ? script.shift() : script?.[0];
    const weighted = pass.expected.outcomes.filter((o) => (staff.outcomes?.[o] ?? 0) > 0);
    const outcome = s?.outcome ?? weighted[0] ?? pass.expected.outcomes[0]!;
    const ms = s?.afterMs ?? parseDuration(staff.responseTime as string)!;
    m.busy = { caseId: c.id, node: c.node, token: ++token };
    // Staff with hours work only then: the work pauses while they are closed.
    work.push({ at: addBusinessTime(clock.now(), ms, staff.hours), seq: seq++, member: m, token: m.busy.token, caseId: c.id, outcome });
  };

  /** Members whose case moved away (timeout edge) are free again; cases handed out by strategy are worked. */
  const sync = async () => {
    const held = (await admin('GET', '/api/cases?status=held&limit=5000')).body.cases as { id: string; node: string; holder: string; mentionId: string }[];
    for (const m of members) {
      if (m.busy && !held.some((c) => c.id === m.busy!.caseId && c.holder === m.id && c.node === m.busy!.node)) m.busy = null;
    }
    for (const c of held) {
      const m = memberById.get(c.holder);
      if (m && !m.busy) startWork(m, c);
    }
  };

  /** Free members take the best waiting case of their team, regulars first, backups during a crisis. */
  const dispatch = async () => {
    await settle();
    await sync();
    const crisis = await crisisOn();
    for (const m of [...members.filter((x) => !x.backup), ...(crisis ? members.filter((x) => x.backup) : [])]) {
      if (m.busy || !openNow(m.team)) continue;
      const res = await m.call('POST', '/api/cases/next', { team: m.team, lease: 'PT8H' });
      if (res.status === 200 && res.body.case) startWork(m, res.body.case);
    }
  };

  const arrivals = expandScenario(scenario, seededRandom(scenario.seed ?? 1));
  const until = scenario.until ? start + parseDuration(scenario.until)! : Infinity;
  let next = 0;
  for (;;) {
    const pendingDeadline = db.$client.prepare("select min(due_at) t from deadlines where kind = 'timeout' and fired_at is null and cancelled_at is null").get() as { t: number | null };
    // A closed team with free members and waiting cases: they take them when it opens.
    const openings = Object.keys(scenario.staff).filter((team) => !openNow(team)
      && members.some((m) => m.team === team && !m.busy)
      && (db.$client.prepare("select count(*) n from cases where team = ? and status = 'waiting' and holder is null").get(team) as { n: number }).n > 0)
      .map((team) => nextOpening(clock.now(), hoursOf(team)!) ?? Infinity);
    const times = [arrivals[next] ? start + arrivals[next]!.at : Infinity, ...work.map((w) => w.at), pendingDeadline.t ?? Infinity, ...openings];
    const at = Math.min(...times);
    if (at === Infinity || at > until) break;
    clock.set(at);
    // At equal instants: outcomes, then deadlines, then arrivals (docs/scenarios.md#how-the-simulated-staff-work).
    for (const w of work.filter((x) => x.at === at).sort((a, b) => a.seq - b.seq)) {
      work.splice(work.indexOf(w), 1);
      if (w.member.busy?.token !== w.token) continue;
      w.member.busy = null;
      const res = await w.member.call('POST', `/api/cases/${w.caseId}/outcome`, { outcome: w.outcome });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      await dispatch();
    }
    app.scheduler.tick();
    await dispatch();
    while (arrivals[next] && start + arrivals[next]!.at === at) {
      const res = await ingest('POST', '/api/mentions', arrivals[next]!.mention);
      expect(res.status).toBe(200);
      next++;
      await dispatch();
    }
  }

  const rows = db.$client.prepare('select m.id mention, m.status mstatus, m.case_id caseId, m.received_at receivedAt, c.status, c.view, c.trigger, c.first_claim_at firstClaimAt from mentions m left join cases c on c.mention_id = m.id order by m.seq').all() as
    { mention: string; mstatus: string; caseId: string | null; receivedAt: number; status: string | null; view: string | null; trigger: string | null; firstClaimAt: number | null }[];
  /** When the case reached its end node (the simulator's resolvedSec counts to that). */
  const reachedEnd = (caseId: string, end: string) =>
    (db.$client.prepare("select at from case_events where case_id = ? and type = 'entered' and json_extract(data, '$.node') = ? order by id limit 1").get(caseId, end) as { at: number } | undefined)?.at;
  const teamsOf = (caseId: string) =>
    [...new Set((db.$client.prepare("select data from case_events where case_id = ? and type = 'entered' order by id").all(caseId) as { data: string }[])
      .map((e) => JSON.parse(e.data).team).filter(Boolean))] as string[];
  const cases = rows.filter((r) => r.mstatus !== 'attached').map((r) => {
    if (r.mstatus === 'unrouted') return { mention: r.mention, status: 'unrouted', path: [], breaches: [], teams: [] };
    const view = JSON.parse(r.view!);
    const end = view.nodeType === 'end' ? (view.node as string) : undefined;
    const endAt = end ? reachedEnd(r.caseId!, end) : undefined;
    return {
      mention: r.mention, trigger: r.trigger, path: view.path, breaches: view.breaches, teams: teamsOf(r.caseId!),
      status: r.status === 'ended' ? 'ended' : r.status === 'closing' ? 'closing' : 'open',
      ...(end ? { end } : {}),
      ...(r.firstClaimAt !== null ? { pickupSec: (r.firstClaimAt - r.receivedAt) / 1000 } : {}),
      ...(endAt !== undefined ? { resolvedSec: (endAt - r.receivedAt) / 1000 } : {}),
    };
  });
  const attached = rows.filter((r) => r.mstatus === 'attached').map((r) => r.mention);
  for (const stream of streams) await stream.cancel();
  const handedOut = (db.$client.prepare("select count(*) n from case_events where type = 'claim' and actor is null").get() as { n: number }).n;
  return { cases, attached, handedOut };
}

const pairs = readdirSync(examples, { withFileTypes: true }).filter((d) => d.isDirectory()).flatMap((d) => {
  const dir = join(examples, d.name);
  const mapFile = join(dir, `${d.name}.map.json`);
  let map: BatonMap;
  try {
    map = JSON.parse(readFileSync(mapFile, 'utf8'));
  } catch {
    return [];
  }
  return readdirSync(dir).filter((f) => f.endsWith('.scenario.json')).map((f) => ({
    name: `${d.name} / ${f}`, map, scenario: scenarioSchema.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))),
  }));
}).filter((p) => deterministic(p.map, p.scenario));

describe('runtime agrees with baton simulate', () => {
  it('has deterministic example scenarios to compare, customer-complaint among them', () => {
    expect(pairs.map((p) => p.name)).toContain('customer-complaint / monday-morning.scenario.json');
    // Business hours: care's and billing's deadlines count open hours, and the staff work theirs.
    const afterHours = pairs.find((p) => p.name === 'customer-complaint / friday-after-hours.scenario.json')!;
    expect(Object.values(afterHours.scenario.staff).some((s) => s.hours)).toBe(true);
    expect(afterHours.map.nodes.some((n) => n.type === 'pass' && n.expected.businessHours)).toBe(true);
  });

  const modes = pairs.flatMap((p) => [[`${p.name}`, p, false], [`${p.name}, staff at the console`, p, true]] as const);
  it.each(modes)('%s: same case paths, breaches, teams, ends, pick-up and resolution times', async (_name, { map, scenario }, online) => {
    const simulated = simulateMap(map, scenario);
    const real = await runThroughRuntime(map, scenario, online);
    // With the staff online, passes that hand cases out did so; with nobody online, none did.
    const pushes = map.nodes.some((n) => n.type === 'pass' && (n.to.strategy === 'round-robin' || n.to.strategy === 'least-loaded'));
    if (!online || !pushes) expect(real.handedOut).toBe(0);
    else expect(real.handedOut).toBeGreaterThan(0);
    const pick = (c: { mention: string; status: string; path: string[]; breaches: string[]; teams: string[]; end?: string | null; trigger?: string | null; pickupSec?: number | null; resolvedSec?: number | null }) =>
      ({ mention: c.mention, status: c.status, path: c.path, breaches: c.breaches, teams: c.teams, end: c.end, trigger: c.trigger, pickupSec: c.pickupSec ?? null, resolvedSec: c.resolvedSec ?? null });
    expect(real.cases.map(pick)).toEqual(simulated.cases.map(pick));
    expect(real.attached).toEqual(simulated.attached.map((a) => a.mention));
    expect(simulated.cases.some((c) => c.path.length > 2)).toBe(true);
    // The times are compared too, and there are some to compare.
    expect(simulated.cases.some((c) => (c.pickupSec ?? 0) > 0 && (c.resolvedSec ?? 0) > 0)).toBe(true);
  }, 120_000);
});
