/**
 * The admin's calls to the runtime (docs/api.md: Directory, tokens, Audit log), through the
 * shared `request` helper so the session cookie, CSRF header and error handling stay in one place.
 */
import { request } from './client.ts';
import type { DirectoryTeam, Role, User } from './client.ts';

/** A person as the admin's list shows them. */
export interface AdminUser extends User {
  backupTeams: string[];
  disabled: boolean;
}

/** What it takes to create a person. */
export interface NewPerson {
  email: string;
  name: string;
  password: string;
  roles: Role[];
  teams: string[];
  backupTeams: string[];
}

/** What an admin may change about a person (PATCH /api/users/:id). */
export interface PersonChange {
  name?: string;
  roles?: Role[];
  teams?: string[];
  backupTeams?: string[];
  disabled?: boolean;
}

/** An ingest token as listed: never the token or its secret. */
export interface IngestToken {
  id: string;
  name: string;
  scope: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  signed: boolean;
}

/** A freshly created token: the only time the token (and signing secret) is readable. */
export interface CreatedToken {
  id: string;
  token: string;
  signingSecret?: string;
}

/** One line of the audit log. */
export interface AuditEntry {
  id: number;
  at: string;
  actor: string | null;
  actorEmail: string | null;
  action: string;
  target: string | null;
  ip: string | null;
  requestId: string | null;
  data: Record<string, unknown> | null;
}

/** Filters the audit log understands; empty ones are left out. */
export interface AuditFilters {
  actor?: string;
  action?: string;
  target?: string;
  from?: string;
  to?: string;
}

/** The query string for audit filters (without `?`), skipping blanks. */
export function auditQuery(filters: AuditFilters & { before?: number; limit?: number; format?: 'csv' | 'ndjson' }): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null) continue;
    const text = String(value).trim();
    if (text) params.set(key, text);
  }
  return params.toString();
}

/** The download link of the audit log with these filters. */
export function auditExportUrl(filters: AuditFilters, format: 'csv' | 'ndjson'): string {
  return `/api/audit/export?${auditQuery({ ...filters, format })}`;
}

const enc = encodeURIComponent;

/** Every call the Admin section makes. */
export const adminApi = {
  teams: () => request<{ teams: DirectoryTeam[] }>('GET', '/api/teams'),
  createTeam: (id: string, name: string) => request<{ id: string; name: string }>('POST', '/api/teams', { id, name }),
  addMember: (teamId: string, userId: string, backup: boolean) =>
    request<DirectoryTeam>('POST', `/api/teams/${enc(teamId)}/members`, { userId, backup }),
  removeMember: (teamId: string, userId: string) => request<void>('DELETE', `/api/teams/${enc(teamId)}/members/${enc(userId)}`),

  users: () => request<{ users: AdminUser[] }>('GET', '/api/users'),
  createUser: (person: NewPerson) => request<{ user: AdminUser }>('POST', '/api/users', person),
  updateUser: (id: string, change: PersonChange) => request<{ user: AdminUser }>('PATCH', `/api/users/${enc(id)}`, change),

  tokens: () => request<{ tokens: IngestToken[] }>('GET', '/api/tokens'),
  createToken: (name: string, signed: boolean) =>
    request<CreatedToken>('POST', '/api/tokens', { name, scope: 'ingest', ...(signed ? { signed: true } : {}) }),
  revokeToken: (id: string) => request<void>('DELETE', `/api/tokens/${enc(id)}`),

  audit: (filters: AuditFilters, before?: number) =>
    request<{ entries: AuditEntry[]; next: number | null }>('GET', `/api/audit?${auditQuery({ ...filters, before, limit: 100 })}`),
};
