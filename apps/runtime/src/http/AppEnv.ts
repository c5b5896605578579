import type { Runtime } from '../Runtime.ts';
import type { RequestContext } from './requestContext.ts';

/** A role a user can hold. */
export type Role = 'admin' | 'approver' | 'manager' | 'agent';
/** Every role, in order of reach. */
export const ROLES = ['admin', 'approver', 'manager', 'agent'] as const;

/** The signed-in person as the API shows them. */
export interface SessionUser {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  /** Teams they work in (regular membership). */
  teams: string[];
  /** Teams they back up during a crisis. */
  backupTeams: string[];
}

/** Who is calling. */
export type Auth =
  | { kind: 'user'; user: SessionUser; via: 'cookie' | 'bearer'; sessionHash: string }
  /**
   * `signingSecret`: set when the token was created `signed` (its requests must carry an HMAC).
   * `brand`: given to the mentions it sends that name none.
   */
  | { kind: 'ingest'; tokenId: string; signingSecret: string | null; brand: string | null }
  /** `sessionEnded`: a session cookie was sent, but that session has expired (idle or absolute). */
  | { kind: 'none'; sessionEnded?: boolean };

/** Hono environment of every runtime route. */
export interface AppEnv {
  Variables: { requestId: string; auth: Auth; rt: Runtime; from: RequestContext };
}
