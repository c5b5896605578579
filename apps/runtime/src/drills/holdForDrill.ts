import { eq, sql } from 'drizzle-orm';
import type { Work } from '../cases/write.ts';
import { prepared } from '../db/prepared.ts';
import { cases, drillHeld } from '../db/schema.ts';

/** The drill a case rehearses, or null for real work. */
export function drillOfCase(w: Work, caseId: string): string | null {
  const { db } = w.rt;
  return prepared(db, 'cases.drillOf', () =>
    db.select({ drillId: cases.drillId }).from(cases).where(eq(cases.id, sql.placeholder('id'))).prepare(),
  ).get({ id: caseId })?.drillId ?? null;
}

/**
 * Holds what a drill case would send — a notification to any recipient, or a reply to a network —
 * instead of delivering it: it is stored with its drill and listed in the drill's report, and never
 * reaches the outbox. Returns false (deliver as usual) for real work. The outbox's one gate for drills.
 */
export function holdForDrill(w: Work, caseId: unknown, kind: string, recipient: Record<string, unknown>, payload: Record<string, unknown>): boolean {
  if (typeof caseId !== 'string') return false;
  const drillId = drillOfCase(w, caseId);
  if (!drillId) return false;
  w.rt.db.insert(drillHeld).values({ drillId, caseId, kind, recipient, payload, at: w.now }).run();
  return true;
}
