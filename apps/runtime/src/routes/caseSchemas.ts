import { z } from '@hono/zod-openapi';
import { mentionSchema, type CaseStatus } from '@baton/engine';
import { anyObject } from '../http/schemas.ts';
import { viewerSchema } from './viewing.ts';

const statusSchema = z
  .enum(['preparing', 'waiting', 'held', 'closing', 'ended'] satisfies CaseStatus[])
  .openapi({ description: 'preparing | waiting | held | closing | ended' });
const time = z.string().nullable();

/** A reply on a case (`POST /api/cases/{id}/replies`). */
export const replySchema = z
  .object({
    id: z.string(),
    inReplyTo: z.string().openapi({ description: 'The mention it answers' }),
    network: z.string().nullable(),
    author: z.string(), authorName: z.string().nullable(), text: z.string(),
    status: z.enum(['queued', 'sent', 'failed']).openapi({ description: 'queued | sent | failed' }),
    sentElsewhere: z.boolean().openapi({ description: 'Written by the holder on a network Baton cannot post to' }),
    url: z.string().nullable(), networkId: z.string().nullable().openapi({ description: "The network's id of the posted reply" }),
    error: z.string().nullable().openapi({ description: 'Why the last attempt failed' }),
    createdAt: z.string(), updatedAt: z.string(), sentAt: time,
  })
  .openapi('Reply');

/** A case in a queue or list (`GET /api/cases`), as `caseSummary` in cases/caseViews.ts answers it. */
export const caseSummarySchema = z
  .object({
    id: z.string(), mapId: z.string(), mapVersion: z.number(), node: z.string(), nodeType: z.string(),
    status: statusSchema, team: z.string().nullable(), holder: z.string().nullable(), claimExpiresAt: time, priority: z.number(),
    queuedAt: time.openapi({ description: 'When it entered the current queue; with `deadline`, how much of the time is left' }),
    deadline: time, breached: z.boolean(), openedAt: z.string(), updatedAt: z.string(), endedAt: time, mentionId: z.string(), drill: z.string().nullable().openapi({ description: 'The drill this case rehearses (null: real work)' }),
    mention: mentionSchema.pick({ id: true, network: true, author: true, text: true, createdAt: true }).optional()
      .openapi({ description: 'The mention that opened the case (lists only)' }),
    viewers: z.array(viewerSchema).openapi({ description: 'Who has the case open now (POST /api/cases/{id}/viewing), oldest first' }),
  })
  .openapi('CaseSummary');

/** Everything about one case (`GET /api/cases/{id}` and every action's answer), as `caseDetail` answers it. */
export const caseDetailSchema = caseSummarySchema
  .omit({ mention: true })
  .extend({
    nodeLabel: z.string(), holderName: z.string().nullable(), trigger: z.string(),
    checklist: z.array(z.object({ item: z.string(), done: z.boolean(), by: z.string().nullable(), at: time })),
    outcomes: z.array(z.string()),
    path: z.array(z.string()).openapi({ description: 'Node ids walked so far, the current one last' }),
    breaches: z.array(z.string()), endOutcome: z.string().nullable(), lessonRequired: z.boolean(), lessonPrompt: z.string().nullable(),
    tags: z.array(z.string()),
    notes: z.array(z.object({ id: z.number(), author: z.string(), text: z.string(), at: z.string() })),
    lessons: z.array(z.object({ id: z.number(), author: z.string(), node: z.string(), text: z.string(), at: z.string() })),
    mention: mentionSchema.nullable(),
    thread: z.array(mentionSchema).openapi({ description: 'Replies attached to the case, oldest first' }),
    history: z.array(z.object({ at: z.string(), type: z.string(), actor: z.string().nullable().openapi({ description: 'null: Baton itself' }), data: anyObject })),
    replies: z.array(replySchema).openapi({ description: 'Replies the holders wrote, oldest first' }),
    replyDraft: z.object({ text: z.string(), node: z.string(), at: z.string() }).nullable()
      .openapi({ description: "The reply a map's `{ reply }` effect drafted, for the holder to edit and send" }),
    replyTo: z.string().nullable().openapi({ description: "The mention a reply answers by default: the customer's latest post in the thread" }),
    replyChannel: z.enum(['mastodon', 'bluesky']).nullable()
      .openapi({ description: 'The network Baton can post a reply to `replyTo` on; null: the holder replies elsewhere and records it (`sentElsewhere`)' }),
  })
  .openapi('Case');

/** A case in a list, typed as the schema says. */
export type CaseSummary = z.infer<typeof caseSummarySchema>;
/** One case in full, typed as the schema says. */
export type CaseDetail = z.infer<typeof caseDetailSchema>;
