/**
 * A small typed client for the runtime's HTTP API (docs/api.md). Same-origin, cookie session;
 * state-changing requests carry the CSRF double-submit header. Failures become `ApiError`s that
 * keep the server's code, message and request id for the toast.
 */
import type { BatonMap } from '@baton/engine';
import type { Problem, Validation } from '../designer/engine.ts';

export type Role = 'admin' | 'approver' | 'manager' | 'agent';

/** A signed-in person. */
export interface User {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  teams: string[];
}

export interface DirectoryTeam {
  id: string;
  name: string;
  members: { id: string; name: string; email: string; backup: boolean }[];
}

export type VersionState = 'draft' | 'submitted' | 'approved' | 'rejected' | 'retired';

/** One row of the maps list. */
export interface MapSummary {
  id: string;
  name: string;
  activeVersion: number | null;
  draftVersion: number | null;
  latestVersion: number;
  state: VersionState;
  updatedAt: string;
  updatedBy: string | null;
  /** The last editor's name; null when no account has that id. */
  updatedByName?: string | null;
  openCases: number;
  crisis: boolean;
}

export interface VersionInfo {
  version: number;
  state: VersionState;
  createdBy: string;
  /** Names beside the ids (null when no account has that id). */
  createdByName?: string | null;
  createdAt: string;
  updatedBy?: string | null;
  updatedByName?: string | null;
  updatedAt?: string;
  submittedBy?: string;
  submittedByName?: string | null;
  submittedAt?: string;
  decidedBy?: string;
  decidedByName?: string | null;
  decidedAt?: string;
  comment?: string;
}

export interface MapDetail {
  id: string;
  name: string;
  activeVersion: number | null;
  versions: VersionInfo[];
}

export interface MapVersion extends VersionInfo {
  document: BatonMap;
}

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

export async function request<T>(method: string, path: string, body?: unknown, opts: { quiet401?: boolean } = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) headers['X-CSRF-Token'] = token;
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Could not reach the Baton server. Check your connection and try again.', undefined, undefined);
  }
  const requestId = response.headers.get('X-Request-Id') ?? undefined;
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!response.ok) {
    const err = (json as { error?: { code?: string; message?: string; details?: unknown; requestId?: string } } | undefined)?.error;
    const error = new ApiError(
      response.status,
      err?.code ?? `HTTP_${response.status}`,
      err?.message ?? `The server answered ${response.status} ${response.statusText}.`,
      err?.requestId ?? requestId,
      err?.details,
    );
    if (response.status === 401 && !opts.quiet401) for (const listener of unauthorizedListeners) listener(error);
    throw error;
  }
  return json as T;
}

const enc = encodeURIComponent;

/** Every call the web app makes, by resource. */
export const api = {
  signIn: (email: string, password: string) =>
    request<{ token: string; user: User }>('POST', '/api/session', { email, password }, { quiet401: true }),
  currentSession: () => request<{ user: User }>('GET', '/api/session', undefined, { quiet401: true }),
  signOut: () => request<void>('DELETE', '/api/session', undefined, { quiet401: true }),

  teams: () => request<{ teams: DirectoryTeam[] }>('GET', '/api/teams'),
  users: () => request<{ users: User[] }>('GET', '/api/users'),
  createUser: (user: { email: string; name: string; password: string; roles: Role[]; teams: string[] }) =>
    request<{ user: User }>('POST', '/api/users', user),

  maps: () => request<{ maps: MapSummary[] }>('GET', '/api/maps'),
  createMap: (map: BatonMap) => request<{ id: string; version: number }>('POST', '/api/maps', map),
  map: (id: string) => request<MapDetail>('GET', `/api/maps/${enc(id)}`),
  version: (id: string, version: number | 'active' | 'draft' | 'latest') =>
    request<MapVersion>('GET', `/api/maps/${enc(id)}/versions/${version}`),
  saveDraft: (id: string, map: BatonMap) => request<{ id: string; version: number }>('PUT', `/api/maps/${enc(id)}`, map),
  submit: (id: string) => request<{ version: number }>('POST', `/api/maps/${enc(id)}/submit`, {}),
  approve: (id: string, version: number, comment?: string) =>
    request<{ version: number; state: 'approved' }>('POST', `/api/maps/${enc(id)}/versions/${version}/approve`, comment ? { comment } : {}),
  reject: (id: string, version: number, comment: string) =>
    request<{ version: number; state: 'rejected' }>('POST', `/api/maps/${enc(id)}/versions/${version}/reject`, { comment }),
  validate: (map: unknown) => request<Validation>('POST', '/api/maps/validate', map),
};
