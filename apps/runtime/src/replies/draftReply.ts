import { addHistory } from '../cases/persistStep.ts';
import type { Work } from '../cases/write.ts';
import { replyDrafts } from '../db/schema.ts';

/**
 * A map's `{ reply: template }` effect: keeps the template as the case's draft, which the holder's
 * reply box starts from, filled in for this case when read (`replyDraftOf`; the mention is stored
 * only after its case opens). It never posts anything on its own.
 */
export function draftReply(w: Work, caseId: string, node: string, template: string, at = w.now): void {
  w.rt.db.insert(replyDrafts).values({ caseId, node, template, at })
    .onConflictDoUpdate({ target: replyDrafts.caseId, set: { node, template, at } }).run();
  addHistory(w, caseId, 'reply.drafted', null, { node, template }, at);
}
