import { isCaseStatus } from '@baton/engine';
import { and, asc, desc, eq, inArray, isNull, ne, or, sql, type SQL } from 'drizzle-orm';
import { prepared } from '../db/prepared.ts';
import { iso } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { caseEvents, cases, checklistTicks, lessons, mapCrisis, mentions, notes, tags, users, type CaseRow } from '../db/schema.ts';
import { seesAllTeams } from '../auth/guards.ts';
import type { SessionUser } from '../http/AppEnv.ts';

/**
 * The order a team's queue is served in (docs/semantics.md#queues): priority, then how long the case has waited in
 * this queue, then how old it is, then the order cases were stored — one ingest opens several cases
 * at one instant, and they queue in the order their mentions arrived, as in the simulator.
 */
export const QUEUE_ORDER = [desc(cases.priority), asc(cases.queuedAt), asc(cases.openedAt), asc(sql`${cases}.rowid`)];

/**
 * The most urgent case waiting unclaimed in `team`'s queue, in {@link QUEUE_ORDER}: the first entry
 * of the `cases_next` index, so it costs the same with ten cases waiting or a hundred thousand.
 * `crisisOnly` (a backup member taking work) skips maps not in crisis, as the stored flag says.
 */
export function nextWaiting(db: Db, team: string, crisisOnly: boolean): CaseRow | undefined {
  return prepared(db, crisisOnly ? 'cases.nextWaitingInCrisis' : 'cases.nextWaiting', () => nextWaitingQuery(db, crisisOnly).prepare()).get({ team });
}

/** The query of {@link nextWaiting} (`team` is a placeholder), for it and for checking its plan. */
export function nextWaitingQuery(db: Db, crisisOnly: boolean) {
  const where = and(eq(cases.team, sql.placeholder('team')), eq(cases.status, 'waiting'), isNull(cases.holder),
    crisisOnly ? sql`${cases.mapId} in (select ${mapCrisis.mapId} from ${mapCrisis} where ${mapCrisis.on} = 1)` : undefined);
  return db.select().from(cases).where(where).orderBy(...QUEUE_ORDER).limit(1);
}

/** Whether anything waits unclaimed in `team`'s queue (one index probe). */
export function anyWaiting(db: Db, team: string): boolean {
  return !!prepared(db, 'cases.anyWaiting', () =>
    db.select({ id: cases.id }).from(cases).where(and(eq(cases.team, sql.placeholder('team')), eq(cases.status, 'waiting'), isNull(cases.holder))).limit(1).prepare(),
  ).get({ team });
}

/** A case in a list or queue. */
export function caseSummary(row: CaseRow, mention?: Record<string, unknown>) {
  const { view } = row;
  return {
    id: row.id, mapId: row.mapId, mapVersion: row.mapVersion, node: row.node, nodeType: row.nodeType, status: row.status,
    team: row.team, holder: row.holder, claimExpiresAt: iso(row.claimExpiresAt), priority: row.priority,
    queuedAt: iso(row.queuedAt), deadline: iso(row.dueAt), breached: row.breaches > 0 || view.overdue === true,
    openedAt: iso(row.openedAt)!, updatedAt: iso(row.updatedAt)!, endedAt: iso(row.endedAt),
    mentionId: row.mentionId,
    /** The drill this case rehearses; null for real work. */
    drill: row.drillId,
    ...(mention ? { mention: { id: mention.id, network: mention.network, author: mention.author, text: mention.text, createdAt: mention.createdAt } } : {}),
  };
}

/** Filters of GET /api/cases. `status` may be a comma list, or `open` for anything not ended. */
export interface CaseFilter { team?: string; status?: string; map?: string; holder?: string; limit?: number }

/**
 * Cases the user may see, filtered. With a `team`, waiting cases come in queue order: priority of
 * the starting trigger (higher first), then the time they entered the queue.
 */
export function listCases(db: Db, user: SessionUser, f: CaseFilter) {
  const where: SQL[] = [];
  if (f.team) where.push(eq(cases.team, f.team));
  if (f.map) where.push(eq(cases.mapId, f.map));
  if (f.holder) where.push(eq(cases.holder, f.holder === 'me' ? user.id : f.holder));
  if (f.status === 'open') where.push(ne(cases.status, 'ended'));
  else if (f.status) where.push(inArray(cases.status, f.status.split(',').filter(isCaseStatus)));
  if (!seesAllTeams(user)) {
    const mine = [...user.teams, ...user.backupTeams];
    where.push(or(inArray(cases.team, mine.length ? mine : ['']), eq(cases.holder, user.id))!);
  }
  const rows = db.select().from(cases).where(and(...where))
    .orderBy(...QUEUE_ORDER)
    .limit(Math.min(f.limit ?? 500, 5000)).all();
  const docs = new Map(
    rows.length ? db.select({ id: mentions.id, document: mentions.document }).from(mentions).where(inArray(mentions.id, rows.map((r) => r.mentionId))).all().map((m) => [m.id, m.document]) : [],
  );
  return rows.map((r) => caseSummary(r, docs.get(r.mentionId)));
}

/** Everything about one case (docs/api.md `GET /api/cases/:id`). */
export function caseDetail(db: Db, row: CaseRow, label: (node: string) => string | undefined) {
  const { view } = row;
  const ticks = db.select().from(checklistTicks).where(and(eq(checklistTicks.caseId, row.id), eq(checklistTicks.node, row.node))).all();
  const thread = db.select().from(mentions).where(eq(mentions.caseId, row.id)).orderBy(asc(mentions.seq)).all();
  const holder = row.holder ? db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, row.holder)).get() : undefined;
  return {
    ...caseSummary(row),
    nodeLabel: label(row.node) ?? row.node,
    holderName: holder?.name ?? null,
    trigger: row.trigger,
    checklist: (view.checklist ?? []).map((item) => {
      const t = ticks.find((x) => x.item === item);
      return { item, done: t?.done ?? false, by: t?.by ?? null, at: iso(t?.at) };
    }),
    outcomes: view.outcomes ?? [],
    path: view.path ?? [],
    breaches: view.breaches ?? [],
    endOutcome: view.endOutcome ?? null,
    lessonRequired: view.lessonRequired === true && row.status === 'closing',
    lessonPrompt: view.lessonPrompt ?? null,
    tags: db.select({ tag: tags.tag }).from(tags).where(eq(tags.caseId, row.id)).orderBy(asc(tags.at), asc(tags.tag)).all().map((t) => t.tag),
    notes: db.select().from(notes).where(eq(notes.caseId, row.id)).orderBy(asc(notes.id)).all().map((n) => ({ id: n.id, author: n.author, text: n.text, at: iso(n.at)! })),
    lessons: db.select().from(lessons).where(eq(lessons.caseId, row.id)).orderBy(asc(lessons.id)).all().map((l) => ({ id: l.id, author: l.author, node: l.node, text: l.text, at: iso(l.at)! })),
    mention: thread.find((m) => m.id === row.mentionId)?.document ?? null,
    thread: thread.filter((m) => m.id !== row.mentionId).map((m) => m.document),
    history: db.select().from(caseEvents).where(eq(caseEvents.caseId, row.id)).orderBy(asc(caseEvents.id)).all()
      .map((e) => ({ at: iso(e.at)!, type: e.type, actor: e.actor, data: e.data ?? {} })),
  };
}
