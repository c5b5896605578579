import { describe, expect, it } from 'vitest';
import { auditExportUrl, auditQuery } from './admin.ts';

describe('audit query', () => {
  it('keeps only the filters that are set', () => {
    expect(auditQuery({ actor: ' ana@example.test ', action: '', target: undefined, limit: 100 })).toBe('actor=ana%40example.test&limit=100');
  });
  it('builds export links with the same filters', () => {
    expect(auditExportUrl({ action: 'map.*' }, 'ndjson')).toBe('/api/audit/export?action=map.*&format=ndjson');
    expect(auditExportUrl({}, 'csv')).toBe('/api/audit/export?format=csv');
  });
});
