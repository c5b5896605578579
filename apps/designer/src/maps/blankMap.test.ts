import { describe, expect, it } from 'vitest';
import { blankMap, defaultHub } from './blankMap.ts';

const senior = { id: 'senior', name: 'Senior Social Team' };
const care = { id: 'care', name: 'Customer Care' };
const social = { id: 'social', name: 'Listening' };

describe('the hub of a blank map', () => {
  it('is never guessed from a team name', () => {
    expect(defaultHub([care, senior])).toBeNull();
    expect(defaultHub([{ id: 'hub-team', name: 'Social media hub' }, care])).toBeNull();
  });

  it('defaults to the team whose id is exactly "social", or to the only team', () => {
    expect(defaultHub([senior, care, social])).toEqual(social);
    expect(defaultHub([senior])).toEqual(senior);
    expect(blankMap([care, senior, social], 'x')).toMatchObject({ hub: 'social', teams: [social] });
  });

  it('takes the team the manager chose', () => {
    expect(blankMap([care, senior], 'x', 'care')).toMatchObject({ id: 'map-x', hub: 'care', teams: [care], nodes: [], edges: [] });
    expect(blankMap([], 'x')).toMatchObject({ hub: 'social', teams: [{ id: 'social', name: 'Social Hub' }] });
  });
});
