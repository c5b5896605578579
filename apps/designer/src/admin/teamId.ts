/**
 * Team ids follow the id rule of docs/maps.md: 1–128 characters of letters, digits, `_ . : -`. Maps name teams by
 * this id, so it is checked before the runtime is asked.
 */
import { idSchema } from '@baton/engine';

/** Why a team id is not acceptable, or null when it is. */
export function teamIdProblem(id: string): string | null {
  if (id === '') return 'Give the team an id, e.g. social or care.';
  if (id.length > 128) return 'An id is at most 128 characters.';
  if (!idSchema.safeParse(id).success) return 'Use only letters, digits and _ . : - (no spaces).';
  return null;
}

/**
 * A suggested id for a team name: lower case, spaces to dashes, other characters dropped.
 * @example suggestTeamId('Customer Care') // 'customer-care'
 */
export function suggestTeamId(name: string): string {
  return name.trim().toLowerCase().replace(/\s+/g, '-').replace(/[^a-z0-9_.:-]/g, '').replace(/-+/g, '-').slice(0, 128);
}
