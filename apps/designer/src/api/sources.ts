/**
 * The admin's calls for sources (docs/api.md: Sources) through the typed client: the shapes come
 * from the runtime's routes and the engine's source formats.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client, enc } from './client.ts';

const sources = client.api.sources;

/** A source as listed: state, last mention, counts; never its secrets. */
export type SourceInfo = InferResponseType<typeof sources.$get, 200>[number];
/** What it takes to add a source. */
export type NewSource = InferRequestType<typeof sources.$post>['json'];

/** Every call the Sources tab makes. */
export const sourcesApi = {
  list: () => answer(sources.$get()),
  create: (source: NewSource) => answer(sources.$post({ json: source })),
  pause: (id: string) => answer(sources[':id'].pause.$post({ param: { id: enc(id) } })),
  resume: (id: string) => answer(sources[':id'].resume.$post({ param: { id: enc(id) } })),
  remove: (id: string) => answer(sources[':id'].$delete({ param: { id: enc(id) } })),
};
