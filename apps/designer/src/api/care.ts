/**
 * The care record (docs/api.md "The care record"): search, saved searches, done today, the
 * customer's record, joined handles, erasure and offline contacts, typed from the runtime's routes.
 */
import type { ContactKind, Network } from '@baton/engine';
import type { InferResponseType } from 'hono/client';
import { answer, client, enc } from './client.ts';

const cases = client.api.cases;
const search = client.api.search;
const people = client.api.people;

/** A case in search results. */
export type SearchItem = InferResponseType<typeof cases.$get, 200>['items'][number];
/** A saved search. */
export type SavedSearch = InferResponseType<typeof search.saved.$get, 200>['searches'][number];
/** A case I finished. */
export type DoneItem = InferResponseType<typeof search.done.$get, 200>['items'][number];
/** A customer's record. */
export type PersonRecord = InferResponseType<(typeof people)[':network'][':handle']['$get'], 200>;
/** One line of it. */
export type Interaction = PersonRecord['interactions'][number];
/** An offline contact on a case. */
export type OfflineContact = InferResponseType<(typeof cases)[':id']['contacts']['$get'], 200>['contacts'][number];

const person = (network: Network, handle: string) => ({ param: { network, handle: enc(handle.replace(/^@+/, '')) } });

/** The web address of a person's record export (a plain link: the session cookie goes with it). */
export function exportHref(network: string, handle: string, format: 'csv' | 'json'): string {
  return `/api/people/${enc(network)}/${enc(handle.replace(/^@+/, ''))}/export?format=${format}`;
}

/** Every call of the Search and Person pages and of the offline contact form. */
export const careApi = {
  /** One page of search results for a `GET /api/cases` query string. */
  search: (query: URLSearchParams) => answer(cases.$get({ query: Object.fromEntries(query) as Record<string, string> })),
  saved: () => answer(search.saved.$get()),
  save: (name: string, query: string) => answer(search.saved.$post({ json: { name, query } })),
  unsave: (id: number) => answer(search.saved[':searchId'].$delete({ param: { searchId: String(id) } })),
  done: (from: Date, to: Date) => answer(search.done.$get({ query: { from: from.toISOString(), to: to.toISOString() } })),
  person: (network: Network, handle: string) => answer(people[':network'][':handle'].$get(person(network, handle))),
  link: (handles: { network: Network; handle: string }[]) => answer(people.link.$post({ json: { handles } })),
  erase: (network: Network, handle: string) => answer(people[':network'][':handle'].$delete(person(network, handle))),
  contacts: (caseId: string) => answer(cases[':id'].contacts.$get({ param: { id: enc(caseId) } })),
  logContact: (caseId: string, body: { kind: ContactKind; summary: string; at?: string; outcome?: string }) =>
    answer(cases[':id'].contacts.$post({ param: { id: enc(caseId) }, json: body })),
};
