import type { Context } from 'hono';
import { ApiError, forbidden } from '../errors.ts';
import type { AppEnv, Role, SessionUser } from '../http/AppEnv.ts';

/** The signed-in user, or 401. */
export function requireUser(c: Context<AppEnv>): SessionUser {
  const auth = c.get('auth');
  if (auth.kind === 'user') return auth.user;
  if (auth.kind === 'ingest') throw forbidden('An ingest token may only post mentions');
  if (auth.sessionEnded) throw sessionEnded();
  throw new ApiError(401, 'UNAUTHENTICATED', 'Sign in first (POST /api/session)');
}

/** 401 for a session past its idle or absolute lifetime (`sessionIdleMs`, `sessionMaxMs`). */
export function sessionEnded(): ApiError {
  return new ApiError(401, 'SESSION_ENDED', 'Your session has ended; sign in again');
}

/** The signed-in user holding at least one of `roles`, or 401/403. Admin passes only where listed. */
export function requireRole(c: Context<AppEnv>, ...roles: Role[]): SessionUser {
  const user = requireUser(c);
  if (!roles.some((r) => user.roles.includes(r))) throw forbidden(`This needs the role ${roles.join(' or ')}`);
  return user;
}

/**
 * Whether the user may step into any team's work: admins and managers take, release, take over
 * and write lessons on any case, and work any queue; agents only their own teams'.
 */
export function supervises(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.includes('admin') || user.roles.includes('manager');
}

/** Whether the user sees every team's cases (admins, managers and approvers do; agents see their own teams'). */
export function seesAllTeams(user: SessionUser): boolean {
  return supervises(user) || user.roles.includes('approver');
}

/** Whether the user works cases (claims, reports, replies): agents, managers and admins do; an approver only reviews maps. */
export function worksCases(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.some((r) => r !== 'approver');
}

/** Whether the user is an agent (the hub's agents work the triage inbox). */
export function isAgent(user: Pick<SessionUser, 'roles'>): boolean {
  return user.roles.includes('agent');
}
