import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import { iso } from '../clock.ts';
import { caseSummary } from '../cases/caseViews.ts';
import type { Db } from '../db/client.ts';
import { auditLog, cases, mentions } from '../db/schema.ts';
import type { SessionUser } from '../http/AppEnv.ts';

/**
 * The cases a person reported an outcome on between `from` and `to` ("done today"), latest first,
 * one row per case with the last outcome they reported. Read from the audit log's `case.outcome`
 * entries (indexed by time), which every outcome writes in its own transaction.
 */
export function doneBy(db: Db, user: SessionUser, from: number, to: number) {
  const entries = db.select({ target: auditLog.target, at: auditLog.at, data: auditLog.data }).from(auditLog)
    .where(and(gte(auditLog.at, from), lte(auditLog.at, to), eq(auditLog.action, 'case.outcome'), eq(auditLog.actor, user.id)))
    .orderBy(desc(auditLog.at), desc(auditLog.id)).limit(1000).all();
  const latest = new Map<string, { at: number; outcome: string }>();
  for (const e of entries) if (e.target && !latest.has(e.target)) latest.set(e.target, { at: e.at, outcome: String(e.data?.outcome ?? '') });
  if (!latest.size) return [];
  const rows = db.select({ c: cases, doc: mentions.document }).from(cases).innerJoin(mentions, eq(mentions.id, cases.mentionId))
    .where(inArray(cases.id, [...latest.keys()])).all();
  const byId = new Map(rows.map((r) => [r.c.id, r]));
  return [...latest.entries()].flatMap(([id, done]) => {
    const r = byId.get(id);
    if (!r) return [];
    return [{
      ...caseSummary(r.c, r.doc), brand: (r.doc.brand as string | undefined) ?? null,
      outcome: (r.c.view as { endOutcome?: string }).endOutcome ?? null, doneAt: iso(done.at)!, doneOutcome: done.outcome,
    }];
  });
}
