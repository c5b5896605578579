/**
 * Typed calls for the team console and the triage inbox: queues, one case and the work done on
 * it, and the unrouted mentions (docs/api.md "Mentions and cases"). The shapes come from the
 * runtime's routes (`apps/runtime/src/routes/caseSchemas.ts`) through the typed client.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client, enc } from './client.ts';

const cases = client.api.cases;
const mentions = client.api.mentions;

/** A case in a queue (`GET /api/cases`). */
export type CaseSummary = NonNullable<InferResponseType<typeof cases.$get, 200>['cases']>[number];
/** Everything about one case (`GET /api/cases/:id` and every action's answer). */
export type CaseDetail = InferResponseType<(typeof cases)[':id']['$get'], 200>;
/** Someone who has a case open now (presence). */
export type Viewer = CaseSummary['viewers'][number];
/** One thing that happened to the case; `actor` null means Baton itself. */
export type HistoryEntry = CaseDetail['history'][number];
/** A mention no trigger matched, waiting in the hub's triage inbox, with the tags the hub put on it. */
export type UnroutedMention = InferResponseType<typeof mentions.unrouted.$get, 200>['mentions'][number];
/** Filters of `GET /api/cases`; `status` may be a comma list or `open` (anything not ended). */
export type CaseFilter = Pick<InferRequestType<typeof cases.$get>['query'], 'team' | 'status' | 'map' | 'holder'>;
/** Tags to add to and remove from a case or a mention. */
type TagChange = { add?: string[]; remove?: string[] };

const param = (id: string) => ({ param: { id: enc(id) } });

/** Every console and triage call. */
export const casesApi = {
  /** The queue view (`cases`, in queue order) of `GET /api/cases`. */
  list: (filter: CaseFilter = {}) =>
    answer(cases.$get({ query: Object.fromEntries(Object.entries(filter).filter(([, v]) => typeof v === 'string' && v !== '')) })).then((r) => ({ cases: r.cases ?? [] })),
  get: (id: string) => answer(cases[':id'].$get(param(id))),
  claim: (id: string) => answer(cases[':id'].claim.$post({ ...param(id), json: {} })),
  release: (id: string) => answer(cases[':id'].release.$post(param(id))),
  /** A manager's or admin's take-over of a case someone else holds, with the reason (audited). */
  takeOver: (id: string, reason: string) => answer(cases[':id'].takeover.$post({ ...param(id), json: { reason } })),
  /** Claims the most urgent waiting case of `team` the caller may work; `case: null` when none waits. */
  takeNext: (team: string) => answer(cases.next.$post({ json: { team } })),
  tick: (id: string, item: string, done: boolean) => answer(cases[':id'].checklist.$post({ ...param(id), json: { item, done } })),
  outcome: (id: string, outcome: string, note?: string) => answer(cases[':id'].outcome.$post({ ...param(id), json: note ? { outcome, note } : { outcome } })),
  note: (id: string, text: string) => answer(cases[':id'].notes.$post({ ...param(id), json: { text } })),
  retag: (id: string, change: TagChange) => answer(cases[':id'].tags.$post({ ...param(id), json: change })),
  lesson: (id: string, text: string) => answer(cases[':id'].lessons.$post({ ...param(id), json: { text } })),
  /** Presence heartbeat from an open case view (every 15 s); answers who is looking at it now. */
  viewing: (id: string) => answer(cases[':id'].viewing.$post(param(id))),
  /** The case view closed (quiet on 401: after signing out, the view closes without a session). */
  leave: (id: string) => answer(cases[':id'].viewing.$delete(param(id)), { quiet401: true }),
  unrouted: () => answer(mentions.unrouted.$get({ query: {} })),
  /** Starts a case on an approved map; without `trigger`, at the map's highest-priority trigger. */
  startFromTriage: (mentionId: string, mapId: string, trigger?: string) =>
    answer(mentions[':id'].start.$post({ ...param(mentionId), json: trigger ? { mapId, trigger } : { mapId } })),
  retagMention: (mentionId: string, change: TagChange) => answer(mentions[':id'].tags.$post({ ...param(mentionId), json: change })),
  dismissMention: (mentionId: string, reason: string) => answer(mentions[':id'].dismiss.$post({ ...param(mentionId), json: { reason } })),
};
