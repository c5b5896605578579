import type { Db } from './db/client.ts';
import { auditLog } from './db/schema.ts';
import { currentRequest } from './http/requestContext.ts';

/** One audit entry: who did what to which thing. */
export interface AuditEntry {
  actor: string | null;
  action: string;
  target?: string;
  requestId?: string;
  data?: Record<string, unknown>;
}

/**
 * Appends to the audit log (call inside the transaction that made the change). The request being
 * served supplies the client address (and the request id when the entry names none).
 */
export function audit(db: Pick<Db, 'insert'>, at: number, entry: AuditEntry): void {
  const req = currentRequest();
  db.insert(auditLog)
    .values({ at, actor: entry.actor, action: entry.action, target: entry.target ?? null, requestId: entry.requestId ?? req?.requestId ?? null, ip: req?.ip ?? null, data: entry.data ?? null })
    .run();
}
