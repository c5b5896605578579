import { describe, expect, it } from 'vitest';
import { suggestTeamId, teamIdProblem } from './teamId.ts';

describe('teamIdProblem', () => {
  it('accepts ids as docs/maps.md defines them', () => {
    for (const id of ['social', 'care', 'tier-2', 'eu.care', 'a:b_c']) expect(teamIdProblem(id)).toBeNull();
  });
  it('says what is wrong with the rest', () => {
    expect(teamIdProblem('')).toMatch(/Give the team an id/);
    expect(teamIdProblem('customer care')).toMatch(/no spaces/);
    expect(teamIdProblem('café')).toMatch(/only letters/);
    expect(teamIdProblem('x'.repeat(129))).toMatch(/128/);
  });
});

describe('suggestTeamId', () => {
  it('turns a name into a valid id', () => {
    expect(suggestTeamId('Customer Care')).toBe('customer-care');
    expect(suggestTeamId('  PR & Legal ')).toBe('pr-legal');
    expect(teamIdProblem(suggestTeamId('Social Hub'))).toBeNull();
  });
});
