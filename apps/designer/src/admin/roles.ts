/** The four roles, each explained in one line where an admin picks them. */
import type { Role } from '../api/client.ts';

/** Every role, in the order the forms show them, with what it lets a person do. */
export const ROLE_INFO: { role: Role; label: string; explains: string }[] = [
  { role: 'admin', label: 'Admin', explains: 'people, teams, tokens' },
  { role: 'approver', label: 'Approver', explains: 'approves map versions, never their own' },
  { role: 'manager', label: 'Manager', explains: 'edits and rehearses maps' },
  { role: 'agent', label: 'Agent', explains: "works their teams' cases" },
];
