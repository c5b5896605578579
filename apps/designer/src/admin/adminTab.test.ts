import { describe, expect, it } from 'vitest';
import { parseRoute } from '../shell/route.ts';
import { adminTabFromHash, adminTabHash } from './adminTab.ts';

describe('admin tabs', () => {
  it('reads the tab from the hash, Teams by default', () => {
    expect(adminTabFromHash('#/admin')).toBe('teams');
    expect(adminTabFromHash('#/admin/people')).toBe('people');
    expect(adminTabFromHash('#/admin/tokens/')).toBe('tokens');
    expect(adminTabFromHash('#/admin/audit')).toBe('audit');
    expect(adminTabFromHash('#/admin/sources')).toBe('sources');
    expect(adminTabFromHash('#/admin/deliveries')).toBe('deliveries');
    expect(adminTabFromHash('#/admin/nope')).toBe('teams');
  });
  it('keeps the shell in the Admin section for every tab', () => {
    for (const tab of ['teams', 'people', 'tokens', 'sources', 'deliveries', 'audit'] as const) {
      expect(parseRoute(adminTabHash(tab))).toEqual({ page: 'list', section: 'admin' });
      expect(adminTabFromHash(adminTabHash(tab))).toBe(tab);
    }
  });
});
