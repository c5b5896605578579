import type { DrillView } from '@baton/engine';
import { and, count, eq, ne } from 'drizzle-orm';
import { iso } from '../clock.ts';
import { cases, drillHeld, maps, users, type DrillRow } from '../db/schema.ts';
import type { Runtime } from '../Runtime.ts';

/** A drill as the API shows it (`GET /api/drills/:id`): what it rehearses, who takes part, and how far it has got. */
export function drillView(rt: Runtime, d: DrillRow): DrillView {
  const { db } = rt;
  const n = (w: ReturnType<typeof and>) => db.select({ n: count() }).from(cases).where(w).get()?.n ?? 0;
  const all = n(eq(cases.drillId, d.id));
  const open = n(and(eq(cases.drillId, d.id), ne(cases.status, 'ended')));
  const map = db.select({ name: maps.name }).from(maps).where(eq(maps.id, d.mapId)).get();
  const by = db.select({ name: users.name }).from(users).where(eq(users.id, d.startedBy)).get();
  return {
    id: d.id, mapId: d.mapId, mapName: map?.name ?? d.mapId, version: d.version,
    scenario: String(d.scenario.name ?? ''), speed: d.speed, teams: d.teams, participants: d.participants,
    state: d.state as DrillView['state'], reason: d.reason, startedBy: by?.name ?? d.startedBy,
    startedAt: iso(d.startedAt)!, endedAt: iso(d.endedAt),
    progress: {
      fed: d.fed, total: d.total, cases: all, open, ended: all - open,
      held: db.select({ n: count() }).from(drillHeld).where(eq(drillHeld.drillId, d.id)).get()?.n ?? 0,
    },
  };
}
