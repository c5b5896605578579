import type { ContactKind } from '@baton/engine';
import { asc, eq } from 'drizzle-orm';
import { reportOutcome } from '../cases/caseActions.ts';
import { visibleCase } from '../cases/caseAccess.ts';
import { claimedError } from '../cases/claimCase.ts';
import { addHistory } from '../cases/persistStep.ts';
import { write } from '../cases/write.ts';
import { iso } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { careContacts } from '../db/schema.ts';
import { ApiError, forbidden } from '../errors.ts';
import type { SessionUser } from '../http/AppEnv.ts';
import type { RequestContext } from '../http/requestContext.ts';
import type { Runtime } from '../Runtime.ts';
import { mayWork } from '../cases/caseAccess.ts';

/** An offline contact as it is logged. */
export interface NewContact { kind: ContactKind; summary: string; at?: number; outcome?: string }

/**
 * Logs a conversation moved off the public network on a case, in one transaction: the contact, a
 * `contact` history entry, and — when it carries an outcome — that outcome reported on the current
 * pass (as `POST /outcome` would: the case goes on along its edge). Whoever may work the case may
 * log one; while someone else holds it, 409 naming them. An outcome the pass does not declare is
 * 422 and nothing is kept.
 */
export function logContact(rt: Runtime, user: SessionUser, caseId: string, c: NewContact, from?: RequestContext): number {
  return write(rt, (w) => {
    const row = visibleCase(rt.db, user, caseId);
    if (user.roles.every((r) => r === 'approver')) throw forbidden('Approvers review maps; logging a contact needs the agent, manager or admin role');
    if (row.holder && row.holder !== user.id) throw claimedError(w, row.holder);
    if (!mayWork(user, row, false).ok && row.holder !== user.id) throw forbidden(`Only members of ${row.team ?? 'the team'} may work this case now`);
    if (c.at !== undefined && c.at > w.now + 5 * 60_000) throw new ApiError(400, 'INVALID', 'at is in the future; give the time the conversation took place');
    const id = rt.db.insert(careContacts).values({
      caseId, kind: c.kind, summary: c.summary, outcome: c.outcome ?? null, node: row.node, author: user.id, at: c.at ?? w.now, createdAt: w.now,
    }).returning({ id: careContacts.id }).get().id;
    addHistory(w, caseId, 'contact', user.id, { node: row.node, kind: c.kind, summary: c.summary, ...(c.outcome ? { outcome: c.outcome } : {}) });
    if (c.outcome) reportOutcome(rt, user, caseId, c.outcome, undefined, from);
    else w.emit({ type: 'case', data: { id: caseId, mapId: row.mapId, node: row.node, status: row.status, team: row.team, holder: row.holder }, ...(row.team ? { teams: [row.team] } : {}) });
    return id;
  });
}

/** A case's offline contacts, oldest first. */
export function contactsOf(db: Db, caseId: string) {
  return db.select().from(careContacts).where(eq(careContacts.caseId, caseId)).orderBy(asc(careContacts.at), asc(careContacts.id)).all()
    .map((k) => ({ id: k.id, kind: k.kind as ContactKind, summary: k.summary, outcome: k.outcome, node: k.node, author: k.author, at: iso(k.at)!, createdAt: iso(k.createdAt)! }));
}
