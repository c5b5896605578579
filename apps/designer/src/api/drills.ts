/** Typed calls for live drills (docs/api.md "Drills"). */
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client } from './client.ts';

const drills = client.api.drills;

/** A drill with its progress (`GET /api/drills/:id`). */
export type Drill = InferResponseType<(typeof drills)[':id']['$get'], 200>;
/** A drill's report: measured beside predicted, people, held notifications, cases (the engine's schema; the route also answers CSV). */
export type { DrillReport } from '@baton/engine';
import type { DrillReport } from '@baton/engine';
/** What starting a drill takes. */
export type DrillStartInput = InferRequestType<typeof drills.$post>['json'];

const enc = encodeURIComponent;

export const drillsApi = {
  list: () => answer(drills.$get({ query: {} })),
  get: (id: string) => answer(drills[':id'].$get({ param: { id: enc(id) } })),
  start: (input: DrillStartInput) => answer(drills.$post({ json: input })),
  stop: (id: string) => answer(drills[':id'].stop.$post({ param: { id: enc(id) } })),
  report: (id: string) => answer(drills[':id'].report.$get({ param: { id: enc(id) }, query: { format: 'json' } })).then((r) => r as DrillReport),
  /** The address of one table of the report as CSV (a download link). */
  csvUrl: (id: string, part: 'comparison' | 'people' | 'cases' | 'held') => `/api/drills/${enc(id)}/report?format=csv&part=${part}`,
};
