/**
 * @baton/client — a typed client for Baton's HTTP API (docs/api.md, `/api/docs`). It is
 * `hc<AppType>` from hono/client, so every path, request and answer is typed by the runtime's own
 * route definitions (only the runtime's *type* is imported; no server code is bundled), plus a few
 * helpers for what an integration script does: sign in, ingest, list and claim cases.
 * @example
 * const baton = createClient({ url: 'http://127.0.0.1:8787' });
 * await baton.signIn('ana@example.org', process.env.BATON_PASSWORD!);
 * const [result] = await baton.ingest({ id: 'forum:1', network: 'forum', author: { handle: 'jo' }, text: 'my order is broken', createdAt: new Date().toISOString() });
 * if (result?.caseId) await baton.claimCase(result.caseId);
 */
import { hc, type ClientResponse, type InferRequestType, type InferResponseType } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../../apps/runtime/src/app.ts';

/** A refusal or failure as Baton reported it: `{ error: { code, message, details?, requestId } }`. */
export class BatonError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string | undefined,
    readonly details: unknown,
  ) {
    super(message);
    this.name = 'BatonError';
  }
}

/** The typed API: `api.api.cases[':id'].claim.$post({ param: { id } })` and so on, one per route. */
export type BatonApi = ReturnType<typeof hc<AppType>>;

/** What a call answers on success: the 2xx body (nothing for 204). */
export type Ok<R> = R extends ClientResponse<infer T, infer S, infer _F> ? (S extends 204 ? void : S extends SuccessStatusCode ? T : never) : never;

/**
 * Waits for a call and reads its answer: the body on success, else a {@link BatonError} carrying
 * the server's status, code, message, request id and details.
 */
export async function answer<R extends ClientResponse<unknown, number, string>>(call: Promise<R>): Promise<Ok<R>> {
  const response = await call;
  if (response.status === 204) return undefined as Ok<R>;
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: unknown; requestId?: string } } | undefined)?.error;
    throw new BatonError(
      response.status,
      err?.code ?? `HTTP_${response.status}`,
      err?.message ?? `The server answered ${response.status} ${response.statusText}.`,
      err?.requestId ?? response.headers.get('X-Request-Id') ?? undefined,
      err?.details,
    );
  }
  return json as Ok<R>;
}

/** How to reach Baton. */
export interface ClientOptions {
  /** Where Baton runs, e.g. `http://127.0.0.1:8787` (`/` from the web app itself). */
  url: string;
  /** A bearer token: a session token from {@link BatonClient.signIn}, or an ingest token. */
  token?: string;
  /** A `fetch` to use instead of the global one (the web app adds its CSRF header this way). */
  fetch?: typeof fetch;
}

/** Path segments as the server expects them (ids may hold characters a URL reserves, e.g. `twitter:1`). */
const enc = encodeURIComponent;

/**
 * A client for one Baton server. `api` is the whole typed API; the helpers cover the common calls
 * and throw {@link BatonError} on refusal. `signIn` keeps the session token for later calls.
 */
export function createClient(opts: ClientOptions) {
  let token = opts.token;
  const api = hc<AppType>(opts.url, {
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    headers: (): Record<string, string> => (token ? { authorization: `Bearer ${token}` } : {}),
  });
  type Mentions = InferRequestType<typeof api.api.mentions.$post>['json'];
  type CaseQuery = InferRequestType<typeof api.api.cases.$get>['query'];
  return {
    api,
    /** The bearer token calls carry now (after `signIn`, the session's). */
    get token(): string | undefined {
      return token;
    },
    /** Signs in with e-mail and password; later calls carry the session token. Answers the user. */
    async signIn(email: string, password: string) {
      const session = await answer(api.api.session.$post({ json: { email, password } }));
      token = session.token;
      return session.user;
    },
    /** Ends the session (`DELETE /api/session`) and forgets its token. */
    async signOut() {
      await answer(api.api.session.$delete());
      token = undefined;
    },
    /** Ingests one mention or a batch (needs an ingest token, or an admin or manager session); what became of each. */
    async ingest(mentions: Mentions) {
      return (await answer(api.api.mentions.$post({ json: mentions }))).results;
    },
    /** Cases you may see; with `team`, in queue order (the queue view: give no search-only filter). */
    async listCases(query: CaseQuery = {}) {
      return (await answer(api.api.cases.$get({ query }))).cases ?? [];
    },
    /** One page of a search over open and closed cases, newest first; pass `next` back as `cursor` for the following page. */
    async searchCases(query: CaseQuery = {}) {
      const { items, next } = await answer(api.api.cases.$get({ query }));
      return { items, next };
    },
    /** One case with its checklist, thread and history. */
    getCase: (id: string) => answer(api.api.cases[':id'].$get({ param: { id: enc(id) } })),
    /** Claims a case (or renews your lease); 409 `CLAIMED` names the holder. */
    claimCase: (id: string, lease?: string) => answer(api.api.cases[':id'].claim.$post({ param: { id: enc(id) }, json: lease ? { lease } : {} })),
    /** Hands a case you hold back to its queue. */
    releaseCase: (id: string) => answer(api.api.cases[':id'].release.$post({ param: { id: enc(id) } })),
    /** Claims the most urgent waiting case of a team's queue; `null` when the queue is empty. */
    async claimNext(team: string) {
      return (await answer(api.api.cases.next.$post({ json: { team } }))).case;
    },
    /** Reports the outcome of the expected action. */
    reportOutcome: (id: string, outcome: string, note?: string) => answer(api.api.cases[':id'].outcome.$post({ param: { id: enc(id) }, json: note ? { outcome, note } : { outcome } })),
  };
}

/** A client made by {@link createClient}. */
export type BatonClient = ReturnType<typeof createClient>;
/** A case as `getCase` and the case actions answer it. */
export type CaseDetail = InferResponseType<BatonApi['api']['cases'][':id']['$get'], 200>;
export type { InferRequestType, InferResponseType };
