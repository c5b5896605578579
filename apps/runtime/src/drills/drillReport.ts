import {
  historyField, mapSchema, percentiles, scenarioSchema, simulateMap, type BatonMap, type DrillComparison, type DrillPerson, type DrillReport, type RunMetrics,
} from '@baton/engine';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { iso } from '../clock.ts';
import { caseEvents, cases, claims, drillHeld, drillMentions, mapVersions, users, type DrillRow } from '../db/schema.ts';
import { describeRecipient } from '../outbox/redactRecipient.ts';
import type { Runtime } from '../Runtime.ts';
import type { DrillCrisis } from './DrillCrisisBook.ts';
import { drillView } from './drillView.ts';
import { drillScenario } from './planDrill.ts';

const sec = (ms: number) => Math.round(ms / 1000);
type DrillCase = DrillReport['cases'][number];

/**
 * A drill's report as of `now` (docs/api.md#drills): the §5 metrics of what happened (from the
 * drill's mentions, its cases' history and claims, in drill seconds), the simulator's prediction
 * for the same scenario played at the same speed by the people who took part, the two side by side
 * with the biggest differences in words, what each person did, and the notifications held.
 */
export function drillReport(rt: Runtime, drill: DrillRow, now: number): DrillReport {
  const { db } = rt;
  const end = drill.endedAt ?? now;
  const compiled = rt.maps.get(drill.mapId, drill.version);
  const fed = db.select().from(drillMentions).where(eq(drillMentions.drillId, drill.id)).orderBy(asc(drillMentions.seq)).all().filter((m) => m.status !== 'pending' && m.status !== 'dropped');
  const rows = db.select().from(cases).where(eq(cases.drillId, drill.id)).all();
  const caseIds = rows.map((r) => r.id);
  const events = caseIds.length ? db.select().from(caseEvents).where(inArray(caseEvents.caseId, caseIds)).orderBy(asc(caseEvents.id)).all() : [];
  const byCase = new Map<string, typeof events>();
  for (const e of events) (byCase.get(e.caseId) ?? byCase.set(e.caseId, []).get(e.caseId)!).push(e);

  // Each mention's fate, in the simulator's format.
  const caseRows = new Map(rows.map((r) => [r.id, r]));
  const list: DrillCase[] = fed.map((m) => {
    const mentionId = String((m.mention as { id: string }).id);
    if (m.status === 'unrouted') return { mention: mentionId, status: 'unrouted', path: [], breaches: [], teams: [] };
    const row = caseRows.get(m.caseId!);
    if (m.status === 'attached' || !row) return { mention: mentionId, case: m.caseId ?? undefined, status: 'attached', path: [], breaches: [], teams: [] };
    const history = byCase.get(row.id) ?? [];
    const path: string[] = [];
    const teams: string[] = [];
    const breaches: string[] = [];
    let endNode: string | undefined;
    let resolvedAt: number | undefined;
    let withdrawn: string | undefined;
    for (const e of history) {
      const node = String(historyField(e.data, 'node') ?? '');
      if (e.type === 'entered') {
        path.push(node);
        const team = historyField(e.data, 'team');
        if (typeof team === 'string' && !teams.includes(team)) teams.push(team);
        if (historyField(e.data, 'type') === 'end' && resolvedAt === undefined) {
          endNode = node;
          resolvedAt = e.at;
        }
      } else if (e.type === 'breach') breaches.push(node);
      else if (e.type === 'drill.withdrawn') withdrawn = String(historyField(e.data, 'was') ?? 'open');
    }
    if (path[0] !== row.trigger) path.unshift(row.trigger);
    const status = withdrawn !== undefined ? (withdrawn === 'closing' ? 'closing' : 'open') : row.status === 'ended' ? 'ended' : row.status === 'closing' ? 'closing' : 'open';
    return {
      mention: mentionId, case: row.id, trigger: row.trigger, path, status, ...(endNode ? { end: endNode } : {}), breaches, teams,
      ...(row.firstClaimAt !== null ? { pickupSec: sec(row.firstClaimAt - row.openedAt) } : {}),
      ...(resolvedAt !== undefined ? { resolvedSec: sec(resolvedAt - row.openedAt) } : {}),
    };
  });

  // What each person did, from the claims on drill cases and the history they wrote.
  const claimRows = caseIds.length ? db.select().from(claims).where(inArray(claims.caseId, caseIds)).all() : [];
  const people = new Map<string, DrillPerson & { durations: number[] }>();
  const names = new Map(db.select({ id: users.id, name: users.name }).from(users).all().map((u) => [u.id, u.name]));
  const person = (id: string) => {
    let p = people.get(id);
    if (!p) {
      const part = drill.participants.find((x) => x.userId === id);
      p = { userId: id, name: names.get(id) ?? id, team: part?.team ?? null, claims: 0, outcomes: 0, lessons: 0, notes: 0, busySec: 0, handleSec: { p50: null, p90: null, max: null }, durations: [] };
      people.set(id, p);
    }
    return p;
  };
  for (const p of drill.participants) person(p.userId);
  const busyByTeam = new Map<string, number>();
  for (const c of claimRows) {
    const p = person(c.member);
    p.claims++;
    const ms = Math.max(0, Math.min(c.endedAt ?? end, end) - c.claimedAt);
    p.durations.push(sec(ms));
    p.busySec += ms / 1000;
    if (p.team) busyByTeam.set(p.team, (busyByTeam.get(p.team) ?? 0) + ms);
  }
  for (const e of events) {
    if (!e.actor) continue;
    if (e.type === 'outcome') person(e.actor).outcomes++;
    else if (e.type === 'lesson') person(e.actor).lessons++;
    else if (e.type === 'note') person(e.actor).notes++;
  }

  // The measured metrics, as the simulator counts them.
  const handled = new Map<string, number>();
  const byNode: RunMetrics['byNode'] = {};
  for (const e of events) {
    const node = String(historyField(e.data, 'node') ?? '');
    if (e.type === 'entered') (byNode[node] ??= { entered: 0, breaches: 0 }).entered++;
    else if (e.type === 'breach') (byNode[node] ??= { entered: 0, breaches: 0 }).breaches++;
    else if (e.type === 'outcome') {
      const n = compiled.node(node);
      if (n?.type === 'pass') handled.set(n.to.team, (handled.get(n.to.team) ?? 0) + 1);
    }
  }
  const spanMs = Math.max(1, end - drill.startedAt - drill.pausedMs);
  const byTeam: RunMetrics['byTeam'] = {};
  for (const t of compiled.map.teams) {
    const members = drill.participants.filter((p) => p.team === t.id && !p.backup).length;
    byTeam[t.id] = {
      handled: handled.get(t.id) ?? 0,
      maxQueue: drill.maxQueue[t.id] ?? 0,
      utilization: members ? round3((busyByTeam.get(t.id) ?? 0) / (members * spanMs)) : 0,
    };
  }
  const routed = list.filter((c) => c.status !== 'unrouted' && c.status !== 'attached');
  const crisis = (drill.crisis as DrillCrisis | null)?.spans ?? [];
  const measured: RunMetrics = {
    mentions: list.length,
    cases: routed.length,
    unrouted: list.filter((c) => c.status === 'unrouted').length,
    ended: routed.filter((c) => c.status === 'ended').length,
    open: routed.filter((c) => c.status !== 'ended').length,
    breaches: routed.reduce((n, c) => n + c.breaches.length, 0),
    pickupSec: percentiles(routed.flatMap((c) => (c.pickupSec === undefined ? [] : [c.pickupSec]))),
    resolvedSec: percentiles(routed.flatMap((c) => (c.resolvedSec === undefined ? [] : [c.resolvedSec]))),
    byNode, byTeam,
    crisis: crisis.map((s) => ({ fromSec: sec(s.from - drill.startedAt), toSec: s.to === null ? null : sec(s.to - drill.startedAt) })),
  };

  const predicted = predict(rt, drill);
  const comparison = compare(measured, predicted, compiled.map as BatonMap);
  const held = db.select().from(drillHeld).where(eq(drillHeld.drillId, drill.id)).orderBy(asc(drillHeld.id)).all().map((h) => ({
    at: iso(h.at)!, caseId: h.caseId, kind: h.kind, recipient: describeRecipient(h.kind, h.recipient), message: String(h.payload.message ?? ''),
  }));
  return {
    drill: drillView(rt, drill),
    measured, predicted, comparison,
    differences: biggest(comparison),
    people: [...people.values()].map(({ durations, ...p }) => ({ ...p, busySec: Math.round(p.busySec), handleSec: percentiles(durations) })),
    held,
    cases: list,
  };
}

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Predictions already made, by drill: a drill's scenario, speed and participants never change. */
const predictions = new Map<string, RunMetrics>();
const PREDICTIONS_KEPT = 20;

/** The simulator's prediction: the same scenario at the drill's speed, staffed by the people who took part. */
function predict(rt: Runtime, drill: DrillRow): RunMetrics {
  const known = predictions.get(drill.id);
  if (known) return known;
  const made = simulate(rt, drill);
  predictions.set(drill.id, made);
  if (predictions.size > PREDICTIONS_KEPT) predictions.delete(predictions.keys().next().value!);
  return made;
}

function simulate(rt: Runtime, drill: DrillRow): RunMetrics {
  const row = rt.db.select({ document: mapVersions.document }).from(mapVersions).where(and(eq(mapVersions.mapId, drill.mapId), eq(mapVersions.version, drill.version))).get();
  const map = mapSchema.parse(row?.document) as BatonMap;
  const scenario = drillScenario(scenarioSchema.parse(drill.scenario), drill.speed, drill.participants);
  return simulateMap(map, scenario, { compiled: rt.maps.get(drill.mapId, drill.version) }).metrics;
}

/** The figures side by side: totals, times, then each team and node. */
function compare(m: RunMetrics, p: RunMetrics, map: BatonMap): DrillComparison[] {
  const out: DrillComparison[] = [];
  const line = (metric: string, label: string, drill: number | null, predicted: number | null) =>
    out.push({ metric, label, drill, predicted, difference: drill === null || predicted === null ? null : round3(drill - predicted) });
  line('cases', 'Cases opened', m.cases, p.cases);
  line('unrouted', 'Mentions no trigger took', m.unrouted, p.unrouted);
  line('ended', 'Cases ended', m.ended, p.ended);
  line('open', 'Cases still open', m.open, p.open);
  line('breaches', 'Deadlines missed', m.breaches, p.breaches);
  for (const k of ['p50', 'p90', 'max'] as const) line(`pickupSec.${k}`, `Pick-up ${k} (s)`, m.pickupSec[k], p.pickupSec[k]);
  for (const k of ['p50', 'p90', 'max'] as const) line(`resolvedSec.${k}`, `Resolution ${k} (s)`, m.resolvedSec[k], p.resolvedSec[k]);
  for (const t of map.teams) {
    line(`byTeam.${t.id}.handled`, `${t.name}: outcomes reported`, m.byTeam[t.id]?.handled ?? 0, p.byTeam[t.id]?.handled ?? 0);
    line(`byTeam.${t.id}.maxQueue`, `${t.name}: longest queue`, m.byTeam[t.id]?.maxQueue ?? 0, p.byTeam[t.id]?.maxQueue ?? 0);
  }
  for (const n of map.nodes) {
    const a = m.byNode[n.id];
    const b = p.byNode[n.id];
    if (!a && !b) continue;
    line(`byNode.${n.id}.entered`, `${n.label}: cases entered`, a?.entered ?? 0, b?.entered ?? 0);
    if ((a?.breaches ?? 0) || (b?.breaches ?? 0)) line(`byNode.${n.id}.breaches`, `${n.label}: deadlines missed`, a?.breaches ?? 0, b?.breaches ?? 0);
  }
  return out;
}

/** The (at most five) lines that differ most, relative to the prediction, in words. */
function biggest(lines: DrillComparison[]): { metric: string; text: string }[] {
  return lines
    .filter((l) => l.difference !== null && l.difference !== 0)
    .map((l) => ({ l, weight: Math.abs(l.difference!) / Math.max(1, Math.abs(l.predicted ?? 0)) }))
    .sort((a, b) => b.weight - a.weight || a.l.metric.localeCompare(b.l.metric))
    .slice(0, 5)
    .map(({ l }) => ({ metric: l.metric, text: `${l.label}: ${l.drill} in the drill, ${l.predicted} predicted (${l.difference! > 0 ? '+' : ''}${l.difference})` }));
}
