import type { Db } from './db/client.ts';
import { auditLog } from './db/schema.ts';

/** One audit entry: who did what to which thing. */
export interface AuditEntry {
  actor: string | null;
  action: string;
  target?: string;
  requestId?: string;
  data?: Record<string, unknown>;
}

/** Appends to the audit log (call inside the transaction that made the change). */
export function audit(db: Pick<Db, 'insert'>, at: number, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({ at, actor: entry.actor, action: entry.action, target: entry.target ?? null, requestId: entry.requestId ?? null, data: entry.data ?? null })
    .run();
}
