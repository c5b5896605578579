/**
 * Replies to customers, canned replies, in-app notifications and deliveries (docs/api.md
 * "Replies" and "Notifications out"), typed from the runtime's routes.
 */
import type { InferResponseType } from 'hono/client';
import { answer, client, enc } from './client.ts';

const cases = client.api.cases;
const teams = client.api.teams;
const notifications = client.api.notifications;
const deliveries = client.api.deliveries;

/** A team's canned reply. */
export type CannedReply = InferResponseType<(typeof teams)[':id']['replies']['$get'], 200>['replies'][number];
/** One in-app notification. */
export type InboxNotification = InferResponseType<typeof notifications.$get, 200>['notifications'][number];
/** A delivery the outbox made, is making or gave up on. */
export type Delivery = InferResponseType<typeof deliveries.$get, 200>['deliveries'][number];

/** Every reply, notification and delivery call. */
export const repliesApi = {
  /** Queues a reply for Baton to post (`202 queued`), or records one written elsewhere (`sentElsewhere`). */
  send: (caseId: string, body: { text: string; inReplyTo?: string; sentElsewhere?: boolean; url?: string }) =>
    answer(cases[':id'].replies.$post({ param: { id: enc(caseId) }, json: body })),
  retry: (caseId: string, replyId: string) => answer(cases[':id'].replies[':replyId'].retry.$post({ param: { id: enc(caseId), replyId: enc(replyId) } })),
  canned: (team: string) => answer(teams[':id'].replies.$get({ param: { id: enc(team) } })),
  notifications: () => answer(notifications.$get({ query: {} })),
  markRead: (id: number) => answer(notifications[':id'].read.$post({ param: { id: String(id) } })),
  markAllRead: () => answer(notifications.read.$post()),
  failedDeliveries: () => answer(deliveries.$get({ query: { state: 'failed' } })),
  retryDelivery: (id: number) => answer(deliveries[':id'].retry.$post({ param: { id: String(id) } })),
  rotateWebhookSecret: () => answer(client.api.webhooks.secret.rotate.$post()),
};
