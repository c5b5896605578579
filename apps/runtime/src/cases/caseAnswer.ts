import { eq } from 'drizzle-orm';
import { cases, type CaseRow } from '../db/schema.ts';
import type { SessionUser } from '../http/AppEnv.ts';
import { defaultReplyTarget, repliesOf, replyChannelOf, replyDraftOf } from '../replies/replyViews.ts';
import type { Runtime } from '../Runtime.ts';
import type { CaseDetail } from '../routes/caseSchemas.ts';
import { visibleCase } from './caseAccess.ts';
import { caseDetail } from './caseViews.ts';

/**
 * One case in full as `GET /api/cases/{id}` and every case action answer it: the stored case with
 * its checklist, notes, tags, lessons, thread and history, who has it open now, and its replies.
 * Typed as the schema says: the store keeps statuses as text and mentions as JSON, validated on
 * the way in.
 */
export function caseAnswer(rt: Runtime, row: CaseRow): CaseDetail {
  const replyTo = defaultReplyTarget(rt.db, row);
  return {
    ...caseDetail(rt.db, row, (node) => rt.maps.get(row.mapId, row.mapVersion).node(node)?.label), viewers: rt.presence.viewers(row.id),
    replies: repliesOf(rt.db, row.id), replyDraft: replyDraftOf(rt.db, row), replyTo: replyTo?.id ?? null, replyChannel: replyChannelOf(rt, replyTo),
    // One cast left: the notes and lessons tables allow a null author, the answer's schema does not
    // (every writer sets one); typing those columns is the contracts work's.
  } as CaseDetail;
}

/** A case `user` may see, in full (404 for one they may not, as for one that does not exist). */
export function caseFor(rt: Runtime, user: SessionUser, id: string): CaseDetail {
  return caseAnswer(rt, visibleCase(rt.db, user, id));
}

/** A case in full after someone worked it (no visibility check: they just did, e.g. passed it on to another team). */
export function caseAfterAction(rt: Runtime, id: string): CaseDetail {
  return caseAnswer(rt, rt.db.select().from(cases).where(eq(cases.id, id)).get()!);
}
