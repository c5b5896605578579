/**
 * Typed calls for the Digest page (docs/api.md "Digest"): one day's digest, and whether I get it
 * by e-mail each morning. The shape is the engine's `digestSchema`, through the typed client.
 */
import type { InferResponseType } from 'hono/client';
import { answer, client } from './client.ts';

const digest = client.api.digest;

/** `GET /api/digest`. */
export type Digest = InferResponseType<typeof digest.$get, 200>;

export const digestApi = {
  day: (date: string) => answer(digest.$get({ query: { date } })) as Promise<Digest>,
  subscription: () => answer(digest.subscription.$get()),
  subscribe: (email: boolean) => answer(digest.subscription.$put({ json: { email } })),
};

/** The CSV download of a report or digest: the same address with `format=csv`. */
export function csvHref(path: string, query: Record<string, string | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v) q.set(k, v);
  q.set('format', 'csv');
  return `${path}?${q.toString()}`;
}
