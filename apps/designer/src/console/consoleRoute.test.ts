import { describe, expect, it } from 'vitest';
import { caseHash, caseIdFromHash } from './consoleRoute.ts';

describe('console routes', () => {
  it('reads the case id back from the hash that opens it, ids with colons included', () => {
    expect(caseIdFromHash(caseHash('case_3dfb380034da'))).toBe('case_3dfb380034da');
    expect(caseIdFromHash(caseHash('twitter:1790'))).toBe('twitter:1790');
  });
  it('is the queue for anything else', () => {
    expect(caseIdFromHash('#/console')).toBeNull();
    expect(caseIdFromHash('#/console/case/')).toBeNull();
    expect(caseIdFromHash('#/console/case/%E0%A4%A')).toBeNull();
  });
});
