/**
 * The web app's typed client for the runtime's HTTP API (docs/api.md): the same client integrators
 * use (`createClient` from @baton/client, `hc<AppType>` from hono/client), so every request and
 * answer is typed by the runtime's own route definitions (no runtime code reaches the bundle).
 * Same-origin, cookie session; state-changing requests carry the CSRF double-submit header.
 * Failures become `ApiError`s that keep the server's code, message and request id for the toast.
 */
import type { BatonMap } from '@baton/engine';
import { answer as readAnswer, BatonError, createClient, type Ok } from '@baton/client';
import type { ClientResponse, InferRequestType, InferResponseType } from 'hono/client';
import type { Problem } from '../designer/engine.ts';

/** What went wrong with a request, as the runtime reported it. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | undefined,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Validation problems the runtime sent back with a 422, if any. */
  get problems(): Problem[] {
    const d = this.details as { problems?: Problem[] } | undefined;
    return Array.isArray(d?.problems) ? d.problems : [];
  }
}

type Listener = (error: ApiError) => void;
const unauthorizedListeners = new Set<Listener>();

/** Called when any request answers 401 while signed in (an expired session). */
export function onUnauthorized(listener: Listener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function csrfToken(): string | undefined {
  const match = /(?:^|;\s*)baton_csrf=([^;]*)/.exec(document.cookie);
  return match ? decodeURIComponent(match[1]!) : undefined;
}

/** `fetch` as the client uses it: JSON wanted, session cookie sent, CSRF header on every change. */
async function batonFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('Accept', 'application/json');
  const method = (init.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers.set('X-CSRF-Token', token);
  }
  try {
    return await fetch(input, { ...init, headers, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Could not reach the Baton server. Check your connection and try again.', undefined, undefined);
  }
}

/**
 * The runtime's API, typed from its routes.
 * @example const { maps } = await answer(client.api.maps.$get());
 */
export const client = createClient({ url: '/', fetch: batonFetch }).api;

/** What a call answers on success: the 2xx body (nothing for 204). */
export type { Ok };

/**
 * Waits for a client call and reads its answer (the client's `answer`): the body on success, else
 * an `ApiError` with the server's code, message and request id. A 401 tells `onUnauthorized`
 * listeners unless `quiet401` (sign-in and session checks expect it).
 */
export async function answer<R extends ClientResponse<unknown, number, string>>(call: Promise<R>, opts: { quiet401?: boolean } = {}): Promise<Ok<R>> {
  try {
    return await readAnswer(call);
  } catch (e) {
    if (!(e instanceof BatonError)) throw e;
    const error = new ApiError(e.status, e.code, e.message, e.requestId, e.details);
    if (e.status === 401 && !opts.quiet401) for (const listener of unauthorizedListeners) listener(error);
    throw error;
  }
}

/** A path segment as the server expects it (ids may hold characters a URL reserves). */
export const enc = encodeURIComponent;

/** A signed-in person. */
export type User = InferResponseType<typeof client.api.session.$get, 200>['user'];
/** A role a person can hold. */
export type Role = User['roles'][number];
/** A team of the directory with its members. */
export type DirectoryTeam = InferResponseType<typeof client.api.teams.$get, 200>['teams'][number];
/** One row of the maps list. */
export type MapSummary = InferResponseType<typeof client.api.maps.$get, 200>['maps'][number];
/** A map and its versions. */
export type MapDetail = InferResponseType<(typeof client.api.maps)[':id']['$get'], 200>;
/** One version's metadata: who made, submitted and decided it, when. */
export type VersionInfo = MapDetail['versions'][number];
/** Where a version stands: draft, submitted, approved, rejected or retired. */
export type VersionState = VersionInfo['state'];
/**
 * One version with its document. The document is the engine's map: the JSON typing of the answer
 * cannot follow the map's recursive conditions, so it is named here.
 */
export type MapVersion = Omit<InferResponseType<(typeof client.api.maps)[':id']['versions'][':version']['$get'], 200>, 'document'> & { document: BatonMap };

const maps = client.api.maps;

/** Every call the web app makes outside the Admin, console, triage and reports sections. */
export const api = {
  signIn: (email: string, password: string) => answer(client.api.session.$post({ json: { email, password } }), { quiet401: true }),
  currentSession: () => answer(client.api.session.$get(), { quiet401: true }),
  signOut: () => answer(client.api.session.$delete(), { quiet401: true }),
  /** Whether the first admin still has to be created (quiet: asked before anyone signs in). */
  setupNeeded: () => answer(client.api.setup.$get(), { quiet401: true }),
  /** Creates the first admin with the one-time setup secret. */
  setup: (first: InferRequestType<typeof client.api.setup.$post>['json']) => answer(client.api.setup.$post({ json: first })),

  teams: () => answer(client.api.teams.$get()),

  maps: () => answer(maps.$get()),
  createMap: (map: BatonMap) => answer(maps.$post({ json: map })),
  map: (id: string) => answer(maps[':id'].$get({ param: { id: enc(id) } })),
  version: (id: string, version: number | 'active' | 'draft' | 'latest') =>
    answer(maps[':id'].versions[':version'].$get({ param: { id: enc(id), version: String(version) } })).then((v) => v as MapVersion),
  saveDraft: (id: string, map: BatonMap) => answer(maps[':id'].$put({ param: { id: enc(id) }, json: map })),
  submit: (id: string) => answer(maps[':id'].submit.$post({ param: { id: enc(id) } })),
  approve: (id: string, version: number, comment?: string) =>
    answer(maps[':id'].versions[':version'].approve.$post({ param: { id: enc(id), version: String(version) }, json: comment ? { comment } : {} })),
  reject: (id: string, version: number, comment: string) =>
    answer(maps[':id'].versions[':version'].reject.$post({ param: { id: enc(id), version: String(version) }, json: { comment } })),
};
