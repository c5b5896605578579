/**
 * The Admin section's own hash routes under the shell's `#/admin`: `#/admin/teams`,
 * `#/admin/people`, `#/admin/tokens`, `#/admin/sources`, `#/admin/deliveries`, `#/admin/audit`. The shell's router only looks at the first
 * part, so these need no change there.
 */

/** One tab of the Admin section. */
export type AdminTab = 'teams' | 'people' | 'tokens' | 'sources' | 'deliveries' | 'audit';

/** The tabs in the order they are shown. */
export const ADMIN_TABS: { id: AdminTab; label: string }[] = [
  { id: 'teams', label: 'Teams' },
  { id: 'people', label: 'People' },
  { id: 'tokens', label: 'Ingest tokens' },
  { id: 'sources', label: 'Sources' },
  { id: 'deliveries', label: 'Deliveries' },
  { id: 'audit', label: 'Audit log' },
];

/** The tab a hash opens; Teams for `#/admin` and anything unknown. */
export function adminTabFromHash(hash: string): AdminTab {
  const m = /^#\/admin\/([a-z]+)\/?$/.exec(hash);
  const tab = m?.[1];
  return ADMIN_TABS.some((t) => t.id === tab) ? (tab as AdminTab) : 'teams';
}

/** The hash that opens a tab. */
export function adminTabHash(tab: AdminTab): string {
  return `#/admin/${tab}`;
}
