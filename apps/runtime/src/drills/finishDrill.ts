import { and, eq, isNull, ne } from 'drizzle-orm';
import { addHistory } from '../cases/persistStep.ts';
import { write } from '../cases/write.ts';
import { cases, claims, deadlines, drillMentions, drills, type DrillRow } from '../db/schema.ts';
import type { Runtime } from '../Runtime.ts';
import { drillReport } from './drillReport.ts';

/**
 * Ends a drill (`stopped` by a person or a restart, or `done`): mentions not yet fed are dropped,
 * its cases still open are withdrawn from the queues (claims and deadlines ended, the case closed
 * with a `drill.withdrawn` entry saying where it stood), and the report is computed and kept on the
 * drill. One transaction; live `case` and `queue` events tell the consoles.
 */
export function finishDrill(rt: Runtime, drillId: string, state: 'stopped' | 'done', reason: string): DrillRow {
  return write(rt, (w) => {
    const { db } = rt;
    const drill = db.select().from(drills).where(eq(drills.id, drillId)).get()!;
    if (drill.state !== 'running') return drill;
    db.update(drillMentions).set({ status: 'dropped' }).where(and(eq(drillMentions.drillId, drillId), eq(drillMentions.status, 'pending'))).run();
    const teams = new Set<string>();
    for (const row of db.select().from(cases).where(and(eq(cases.drillId, drillId), ne(cases.status, 'ended'))).all()) {
      db.update(deadlines).set({ cancelledAt: w.now }).where(and(eq(deadlines.caseId, row.id), isNull(deadlines.firedAt), isNull(deadlines.cancelledAt))).run();
      db.update(claims).set({ endedAt: w.now, endReason: 'drill.over' }).where(and(eq(claims.caseId, row.id), isNull(claims.endedAt))).run();
      addHistory(w, row.id, 'drill.withdrawn', null, { node: row.node, was: row.status, holder: row.holder, reason });
      db.update(cases).set({ status: 'ended', holder: null, claimExpiresAt: null, endedAt: w.now, updatedAt: w.now }).where(eq(cases.id, row.id)).run();
      w.emit({ type: 'case', data: { id: row.id, mapId: row.mapId, node: row.node, status: 'ended', team: row.team, holder: null }, ...(row.team ? { teams: [row.team] } : {}) });
      if (row.team) teams.add(row.team);
    }
    for (const team of teams) w.emit({ type: 'queue', data: { team }, teams: [team] });
    const ended = { ...drill, state, reason, endedAt: w.now };
    db.update(drills).set({ state, reason, endedAt: w.now }).where(eq(drills.id, drillId)).run();
    const report = drillReport(rt, ended, w.now);
    db.update(drills).set({ report }).where(eq(drills.id, drillId)).run();
    return { ...ended, report };
  });
}
