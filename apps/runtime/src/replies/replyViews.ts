import { fillReplyTemplate, type Mention, type REPLY_STATUSES } from '@baton/engine';
import { asc, desc, eq, sql } from 'drizzle-orm';
import { iso } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { mentions, replies, replyDrafts, users, type CaseRow } from '../db/schema.ts';
import type { Runtime } from '../Runtime.ts';
import { canPostReply } from '../sources/postReply.ts';

/** Where a reply stands: waiting in the outbox, posted (or recorded as sent elsewhere), or given up. */
export type ReplyStatus = (typeof REPLY_STATUSES)[number];

/** The networks Baton posts replies to itself. */
export type ReplyChannel = 'mastodon' | 'bluesky';

/** One reply as the case view shows it. */
export function replyView(r: typeof replies.$inferSelect, authorName: string | null, network: string | null) {
  return {
    id: r.id, inReplyTo: r.mentionId, network, author: r.author, authorName, text: r.text, status: r.status,
    sentElsewhere: r.sentElsewhere, url: r.url, networkId: r.networkId, error: r.error,
    createdAt: iso(r.createdAt)!, updatedAt: iso(r.updatedAt)!, sentAt: iso(r.sentAt),
  };
}

/** The replies written on a case, oldest first, with their authors' names. */
export function repliesOf(db: Db, caseId: string) {
  const rows = db.select({ r: replies, name: users.name, doc: mentions.document }).from(replies)
    .leftJoin(users, eq(users.id, replies.author)).leftJoin(mentions, eq(mentions.id, replies.mentionId))
    .where(eq(replies.caseId, caseId)).orderBy(asc(replies.createdAt), asc(sql`${replies}.rowid`)).all();
  return rows.map(({ r, name, doc }) => replyView(r, name, typeof doc?.network === 'string' ? doc.network : null));
}

/** The reply a map's `{ reply }` effect drafted for the case, filled in with the case's author and id; null when none. */
export function replyDraftOf(db: Db, row: CaseRow): { text: string; node: string; at: string } | null {
  const d = db.select().from(replyDrafts).where(eq(replyDrafts.caseId, row.id)).get();
  if (!d) return null;
  const doc = db.select({ document: mentions.document }).from(mentions).where(eq(mentions.id, row.mentionId)).get()?.document;
  const text = fillReplyTemplate(d.template, { authorName: doc?.author.name ?? null, authorHandle: doc?.author.handle ?? '', caseId: row.id });
  return { text, node: d.node, at: iso(d.at)! };
}

/**
 * The mention a reply answers by default: the customer's latest post in the case's thread (the
 * latest mention by the author who opened the case), else the mention that opened it.
 */
export function defaultReplyTarget(db: Db, row: CaseRow): Mention | null {
  const thread = db.select({ id: mentions.id, document: mentions.document }).from(mentions).where(eq(mentions.caseId, row.id)).orderBy(desc(mentions.seq)).all();
  const first = thread.find((m) => m.id === row.mentionId)?.document;
  const handle = first?.author.handle;
  const latest = thread.find((m) => m.document.author?.handle === handle)?.document;
  return latest ?? first ?? null;
}

/** The network Baton can post a reply to `mention` on, or null when the holder must answer elsewhere. */
export function replyChannelOf(rt: Runtime, mention: Mention | null): ReplyChannel | null {
  if (!mention || (mention.network !== 'mastodon' && mention.network !== 'bluesky')) return null;
  return canPostReply(rt, mention.id) ? mention.network : null;
}
