import type { Db } from './db/client.ts';
import { auditLog } from './db/schema.ts';
import type { RequestContext } from './http/requestContext.ts';

/** One audit entry: who did what to which thing. */
export interface AuditEntry {
  actor: string | null;
  action: string;
  target?: string;
  /** The request that made the change (none for the CLI, start-up and background workers). */
  from?: RequestContext | undefined;
  data?: Record<string, unknown>;
}

/**
 * Appends to the audit log (call inside the transaction that made the change), with the request's
 * id and client address when a request made it.
 */
export function audit(db: Pick<Db, 'insert'>, at: number, entry: AuditEntry): void {
  db.insert(auditLog)
    .values({ at, actor: entry.actor, action: entry.action, target: entry.target ?? null, requestId: entry.from?.requestId ?? null, ip: entry.from?.ip ?? null, data: entry.data ?? null })
    .run();
}
