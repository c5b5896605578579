import { z } from 'zod';
import { caseStatusSchema } from './caseView.ts';
import { mapVersionStateSchema } from './mapVersionState.ts';

const time = z.string();

/** The SSE event names of `GET /api/events` (docs/api.md), `ready` first: it opens every stream. */
export const LIVE_EVENT_TYPES = ['ready', 'case', 'claim', 'queue', 'mention', 'crisis', 'map', 'presence', 'online', 'notification'] as const;
export const liveEventTypeSchema = z.enum(LIVE_EVENT_TYPES);
export type LiveEventType = z.infer<typeof liveEventTypeSchema>;

/** Someone who has a case open now. */
export const viewerSchema = z.object({ id: z.string(), name: z.string() });
export type Viewer = z.infer<typeof viewerSchema>;

/** What a notification is about (a node's effect, an end, a crisis, a missed deadline). */
export const NOTIFICATION_KINDS = ['end', 'effect', 'crisis', 'breach'] as const;

/**
 * What a notification carries, in the outbox and in the `notification` live event: `message`, its
 * `kind`, where it came from, and whatever else its sender added.
 */
export const notificationPayloadSchema = z.looseObject({
  kind: z.enum(NOTIFICATION_KINDS),
  message: z.string(),
  mapId: z.string().optional(),
  caseId: z.string().optional(),
  node: z.string().optional(),
});
export type NotificationPayload = z.infer<typeof notificationPayloadSchema>;

/** The stages of a reply a holder wrote. */
export const REPLY_STATUSES = ['queued', 'sent', 'failed'] as const;

/** What became of a mention: it opened a case (`routed`), joined one (`attached`), waits in triage (`unrouted`) or was dismissed there. */
export const MENTION_STATUSES = ['routed', 'attached', 'unrouted', 'dismissed'] as const;

/**
 * One live event as `GET /api/events` sends it: the SSE event name (`type`) and its JSON `data`.
 * The runtime publishes these; the web app listens to them.
 */
export const liveEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready'), data: z.object({ user: z.string() }) }),
  z.object({
    type: z.literal('case'),
    data: z.object({
      id: z.string(), mapId: z.string(), node: z.string(), status: caseStatusSchema, team: z.string().nullable(), holder: z.string().nullable(),
      /** A reply was written or changed state. */
      reply: z.object({ id: z.string(), status: z.enum(REPLY_STATUSES) }).optional(),
    }),
  }),
  z.object({
    type: z.literal('claim'),
    data: z.object({
      caseId: z.string(), holder: z.string().nullable(), expiresAt: time.optional(),
      /** The pass strategy that gave the case to `holder` (one of the map's pass strategies). */
      handedOut: z.string().optional(),
    }),
  }),
  z.object({ type: z.literal('queue'), data: z.object({ team: z.string() }) }),
  z.object({ type: z.literal('mention'), data: z.object({ id: z.string(), status: z.enum(MENTION_STATUSES), caseId: z.string().optional() }) }),
  z.object({ type: z.literal('crisis'), data: z.object({ mapId: z.string(), on: z.boolean(), since: time.optional(), until: time.optional() }) }),
  z.object({
    type: z.literal('map'),
    data: z.object({ id: z.string(), version: z.number(), state: mapVersionStateSchema, change: z.union([z.literal('created'), z.literal('evidence'), mapVersionStateSchema]) }),
  }),
  z.object({ type: z.literal('presence'), data: z.object({ caseId: z.string(), viewers: z.array(viewerSchema) }) }),
  z.object({ type: z.literal('online'), data: z.object({ user: z.string(), online: z.boolean() }) }),
  z.object({ type: z.literal('notification'), data: notificationPayloadSchema }),
]);
export type LiveEvent = z.infer<typeof liveEventSchema>;
/** The `data` of live event `T`. */
export type LiveEventData<T extends LiveEventType = LiveEventType> = Extract<LiveEvent, { type: T }>['data'];
