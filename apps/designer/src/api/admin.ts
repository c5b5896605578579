import type { BusinessHours } from '@baton/engine';
/**
 * The admin's calls to the runtime (docs/api.md: Directory, tokens, Audit log), through the typed
 * client so the session cookie, CSRF header and error handling stay in one place and the shapes
 * come from the runtime's routes.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import { answer, client, enc } from './client.ts';

const users = client.api.users;
const tokens = client.api.tokens;
const teams = client.api.teams;

/** A person as the admin's list shows them, with their backup teams and whether they are disabled. */
export type AdminUser = InferResponseType<typeof users.$get, 200>['users'][number];
/** What it takes to create a person. */
export type NewPerson = InferRequestType<typeof users.$post>['json'];
/** What an admin may change about a person (PATCH /api/users/:id). */
export type PersonChange = InferRequestType<(typeof users)[':id']['$patch']>['json'];
/** An ingest token as listed: never the token or its secret. */
export type IngestToken = InferResponseType<typeof tokens.$get, 200>['tokens'][number];
/** A freshly created token: the only time the token (and signing secret) is readable. */
export type CreatedToken = InferResponseType<typeof tokens.$post, 201>;
/** One line of the audit log. */
export type AuditEntry = InferResponseType<typeof client.api.audit.$get, 200>['entries'][number];

/** Filters the audit log understands; empty ones are left out. */
export type AuditFilters = Pick<InferRequestType<typeof client.api.audit.$get>['query'], 'actor' | 'action' | 'target' | 'from' | 'to'>;
type AuditQuery = AuditFilters & { before?: number; limit?: number; format?: 'csv' | 'ndjson' };

/** The audit filters that are set, trimmed. */
function auditParams(filters: AuditQuery): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null) continue;
    const text = String(value).trim();
    if (text) params[key] = text;
  }
  return params;
}

/** The query string for audit filters (without `?`), skipping blanks. */
export function auditQuery(filters: AuditQuery): string {
  return new URLSearchParams(auditParams(filters)).toString();
}

/** The download link of the audit log with these filters. */
export function auditExportUrl(filters: AuditFilters, format: 'csv' | 'ndjson'): string {
  return `/api/audit/export?${auditQuery({ ...filters, format })}`;
}

/** Every call the Admin section makes. */
export const adminApi = {
  teams: () => answer(teams.$get()),
  createTeam: (id: string, name: string) => answer(teams.$post({ json: { id, name } })),
  addMember: (teamId: string, userId: string, backup: boolean) =>
    answer(teams[':id'].members.$post({ param: { id: enc(teamId) }, json: { userId, backup } })),
  /** Sets a team's business hours and cap on cases per member (null clears either). */
  updateTeam: (teamId: string, settings: { hours?: BusinessHours | null; maxPerMember?: number | null }) =>
    answer(teams[':id'].$patch({ param: { id: enc(teamId) }, json: settings })),
  removeMember: (teamId: string, userId: string) => answer(teams[':id'].members[':userId'].$delete({ param: { id: enc(teamId), userId: enc(userId) } })),

  users: () => answer(users.$get()),
  createUser: (person: NewPerson) => answer(users.$post({ json: person })),
  updateUser: (id: string, change: PersonChange) => answer(users[':id'].$patch({ param: { id: enc(id) }, json: change })),

  tokens: () => answer(tokens.$get()),
  createToken: (name: string, signed: boolean, brand?: string) => answer(tokens.$post({ json: { name, scope: 'ingest', ...(signed ? { signed: true } : {}), ...(brand ? { brand } : {}) } })),
  revokeToken: (id: string) => answer(tokens[':id'].$delete({ param: { id: enc(id) } })),

  audit: (filters: AuditFilters, before?: number) =>
    answer(client.api.audit.$get({ query: auditParams({ ...filters, before, limit: 100 }) })),
};
