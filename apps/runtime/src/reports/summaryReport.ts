import { histogram, niceStep, percentiles, type Histogram, type Percentiles } from '@baton/engine';
import { and, count, eq, gte, isNotNull, isNull, lte, max, ne, or, sql } from 'drizzle-orm';
import { iso } from '../clock.ts';
import { caseEvents, cases, crises, maps, mentions, teams } from '../db/schema.ts';
import type { Runtime } from '../Runtime.ts';
import { caseFilter, realMentions } from './caseFilter.ts';
import type { ReportScope } from './reportScope.ts';

/** One team's line of the report. */
export interface TeamLine {
  team: string;
  name: string;
  /** Cases the team worked in the period: passed on from its checklist, or closed with an outcome at its pass. */
  handled: number;
  /** Deadlines missed at the team's passes in the period. */
  breaches: number;
  /** Cases in the team's hands now (not ended). */
  openNow: number;
  /** How long the longest-waiting case of its queue (or awaiting its pre-action checklist, unheld) has waited, now (null: nobody waits). */
  oldestWaitingSec: number | null;
  oldestWaitingCase: string | null;
}

/** One map node's line: how many cases entered it and how many deadlines were missed there. */
export interface NodeLine {
  mapId: string;
  mapName: string;
  node: string;
  label: string;
  type: string;
  team: string | null;
  entered: number;
  breaches: number;
}

/** What `GET /api/reports/summary` answers. */
export interface SummaryReport {
  from: string;
  to: string;
  mentions: { total: number; routed: number; attached: number; unrouted: number | null; dismissed: number | null };
  cases: { opened: number; ended: number; open: number };
  breaches: number;
  pickupSec: Percentiles;
  resolvedSec: Percentiles;
  teams: TeamLine[];
  nodes: NodeLine[];
  crises: { mapId: string; mapName: string; startedAt: string; endedAt: string | null }[];
  /** For charts: missed deadlines per `bucketSec` slice of the period from `from`, and how pick-up and resolution times spread. */
  charts: { bucketSec: number; breaches: number[]; pickup: Histogram; resolved: Histogram };
}

const seconds = (ms: number) => Math.round(ms / 1000);

/**
 * The summary report for a scope, as of `now`. Counts come from SQL; percentiles (nearest rank, as
 * the simulator computes them) and the per-team and per-node lines, which need the map versions to
 * know each node's team and label, in TypeScript.
 */
export function summaryReport(rt: Runtime, scope: ReportScope, now: number): SummaryReport {
  const { db } = rt;
  const { from, to } = scope;
  const inCases = caseFilter(scope);
  const filtered = !!(scope.map || scope.team);

  // Mentions received in the period, by what became of them. Unrouted and dismissed ones belong to
  // no map and no team, so a filtered report cannot count them.
  const byStatus = new Map<string, number>();
  const received = and(gte(mentions.receivedAt, from), lte(mentions.receivedAt, to));
  const mentionRows = filtered
    ? db.select({ status: mentions.status, n: count() }).from(mentions).innerJoin(cases, eq(cases.id, mentions.caseId)).where(and(received, inCases)).groupBy(mentions.status).all()
    : db.select({ status: mentions.status, n: count() }).from(mentions).where(and(received, realMentions())).groupBy(mentions.status).all();
  for (const r of mentionRows) byStatus.set(r.status, r.n);
  const n = (s: string) => byStatus.get(s) ?? 0;

  const countCases = (w: ReturnType<typeof and>) => db.select({ n: count() }).from(cases).where(and(w, inCases)).get()?.n ?? 0;
  const opened = countCases(and(gte(cases.openedAt, from), lte(cases.openedAt, to)));
  const ended = countCases(and(gte(cases.endedAt, from), lte(cases.endedAt, to)));
  const open = countCases(ne(cases.status, 'ended'));

  const pickups = db.select({ openedAt: cases.openedAt, at: cases.firstClaimAt }).from(cases)
    .where(and(isNotNull(cases.firstClaimAt), gte(cases.firstClaimAt, from), lte(cases.firstClaimAt, to), inCases)).all();
  const resolutions = db.select({ openedAt: cases.openedAt, at: cases.endedAt }).from(cases)
    .where(and(isNotNull(cases.endedAt), gte(cases.endedAt, from), lte(cases.endedAt, to), inCases)).all();

  // History in the period: nodes entered, breaches, checklists passed on, outcomes.
  const events = db.select({ caseId: caseEvents.caseId, type: caseEvents.type, data: caseEvents.data, at: caseEvents.at, mapId: cases.mapId, version: cases.mapVersion })
    .from(caseEvents).innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .where(and(gte(caseEvents.at, from), lte(caseEvents.at, to), sql`${caseEvents.type} in ('entered', 'breach', 'passed', 'outcome')`, inCases)).all();

  const mapNames = new Map(db.select({ id: maps.id, name: maps.name }).from(maps).all().map((m) => [m.id, m.name]));
  const nodes = new Map<string, NodeLine>();
  const bucketSec = niceStep(Math.max(1, (to - from) / 1000), 48);
  const breachSlices = new Array<number>(Math.max(1, Math.ceil((to - from) / 1000 / bucketSec))).fill(0);
  const handled = new Map<string, Set<string>>();
  const teamBreaches = new Map<string, number>();
  let breaches = 0;
  for (const e of events) {
    const nodeId = e.data && 'node' in e.data ? String(e.data.node ?? '') : '';
    const node = rt.maps.get(e.mapId, e.version).node(nodeId);
    const team = node?.type === 'pass' ? node.to.team : null;
    if (e.type === 'passed') {
      const by = e.data && 'from' in e.data ? e.data.from : undefined;
      if (typeof by === 'string') (handled.get(by) ?? handled.set(by, new Set()).get(by)!).add(e.caseId);
      continue;
    }
    if (e.type === 'outcome') {
      if (team) (handled.get(team) ?? handled.set(team, new Set()).get(team)!).add(e.caseId);
      continue;
    }
    const key = `${e.mapId}\u0000${nodeId}`;
    let line = nodes.get(key);
    if (!line) {
      line = { mapId: e.mapId, mapName: mapNames.get(e.mapId) ?? e.mapId, node: nodeId, label: node?.label ?? nodeId, type: node?.type ?? 'unknown', team, entered: 0, breaches: 0 };
      nodes.set(key, line);
    }
    if (e.type === 'entered') line.entered++;
    else {
      line.breaches++;
      breaches++;
      breachSlices[Math.min(breachSlices.length - 1, Math.max(0, Math.floor((e.at - from) / 1000 / bucketSec)))]!++;
      if (team) teamBreaches.set(team, (teamBreaches.get(team) ?? 0) + 1);
    }
  }

  const openByTeam = new Map(db.select({ team: cases.team, n: count() }).from(cases)
    .where(and(ne(cases.status, 'ended'), isNotNull(cases.team), inCases)).groupBy(cases.team).all().map((r) => [r.team!, r.n]));
  // Who waits longest per team: a case in the team's queue since it entered it, and one waiting for the
  // team's pre-action checklist (nobody holding it) since it reached that pass.
  const oldest = new Map<string, { since: number; caseId: string }>();
  const consider = (team: string | null, since: number | null, caseId: string) => {
    if (!team || since === null) return;
    const known = oldest.get(team);
    if (!known || since < known.since) oldest.set(team, { since, caseId });
  };
  for (const r of db.select({ id: cases.id, team: cases.team, since: cases.queuedAt }).from(cases)
    .where(and(eq(cases.status, 'waiting'), isNotNull(cases.team), inCases)).all()) consider(r.team, r.since, r.id);
  for (const r of db.select({ id: cases.id, team: cases.team, since: max(caseEvents.at) }).from(cases)
    .innerJoin(caseEvents, and(eq(caseEvents.caseId, cases.id), eq(caseEvents.type, 'entered')))
    .where(and(eq(cases.status, 'preparing'), isNull(cases.holder), isNotNull(cases.team), inCases)).groupBy(cases.id).all()) consider(r.team, r.since, r.id);
  const teamLines: TeamLine[] = [];
  for (const t of db.select({ id: teams.id, name: teams.name }).from(teams).orderBy(teams.name).all()) {
    if (scope.team && t.id !== scope.team) continue;
    const longest = oldest.get(t.id);
    const queuedAt = longest?.since ?? null;
    const oldestCase = longest?.caseId ?? null;
    const line: TeamLine = {
      team: t.id, name: t.name, handled: handled.get(t.id)?.size ?? 0, breaches: teamBreaches.get(t.id) ?? 0,
      openNow: openByTeam.get(t.id) ?? 0, oldestWaitingSec: queuedAt === null ? null : seconds(Math.max(0, now - queuedAt)), oldestWaitingCase: oldestCase,
    };
    // A map filter shows only the teams that map kept busy.
    if (scope.map && !line.handled && !line.breaches && !line.openNow) continue;
    teamLines.push(line);
  }

  const crisisRows = db.select().from(crises)
    .where(and(lte(crises.startedAt, to), or(isNull(crises.endedAt), gte(crises.endedAt, from)), scope.map ? eq(crises.mapId, scope.map) : undefined))
    .orderBy(crises.startedAt).all();

  const pickupTimes = pickups.map((r) => seconds(r.at! - r.openedAt));
  const resolvedTimes = resolutions.map((r) => seconds(r.at! - r.openedAt));
  return {
    from: iso(from)!, to: iso(to)!,
    mentions: {
      total: n('routed') + n('attached') + (filtered ? 0 : n('unrouted') + n('dismissed')),
      routed: n('routed'), attached: n('attached'), unrouted: filtered ? null : n('unrouted'), dismissed: filtered ? null : n('dismissed'),
    },
    cases: { opened, ended, open },
    breaches,
    pickupSec: percentiles(pickupTimes),
    resolvedSec: percentiles(resolvedTimes),
    teams: teamLines,
    nodes: [...nodes.values()].sort((a, b) => a.mapName.localeCompare(b.mapName) || b.entered - a.entered || a.label.localeCompare(b.label)),
    crises: crisisRows.map((c) => ({ mapId: c.mapId, mapName: mapNames.get(c.mapId) ?? c.mapId, startedAt: iso(c.startedAt)!, endedAt: iso(c.endedAt) })),
    charts: { bucketSec, breaches: breachSlices, pickup: histogram(pickupTimes), resolved: histogram(resolvedTimes) },
  };
}

/** The summary as rows of a long CSV table: section, key, measure, value (one line per figure). */
export function summaryRows(r: SummaryReport): unknown[][] {
  const rows: unknown[][] = [];
  for (const [k, v] of Object.entries(r.mentions)) rows.push(['mentions', '', k, v]);
  for (const [k, v] of Object.entries(r.cases)) rows.push(['cases', '', k, v]);
  rows.push(['breaches', '', 'total', r.breaches]);
  for (const [k, v] of Object.entries(r.pickupSec)) rows.push(['pickupSec', '', k, v]);
  for (const [k, v] of Object.entries(r.resolvedSec)) rows.push(['resolvedSec', '', k, v]);
  for (const t of r.teams) for (const k of ['handled', 'breaches', 'openNow', 'oldestWaitingSec'] as const) rows.push(['team', t.name, k, t[k]]);
  for (const n of r.nodes) for (const k of ['entered', 'breaches'] as const) rows.push(['node', `${n.mapName} / ${n.label}`, k, n[k]]);
  for (const c of r.crises) rows.push(['crisis', c.mapName, c.startedAt, c.endedAt ?? 'still on']);
  return rows;
}
