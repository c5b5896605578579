import { MAP_FORMAT } from '@baton/engine';
import type { BatonMap, Team } from '@baton/engine';

/**
 * A new, empty map. The hub is the directory's social or listening team (else its first team, else
 * "social"), so a manager can start dropping nodes at once.
 */
export function blankMap(directory: Team[], suffix: string): BatonMap {
  const hub = directory.find((t) => /social|hub|listening/i.test(`${t.id} ${t.name}`)) ?? directory[0] ?? { id: 'social', name: 'Social Hub' };
  return {
    format: MAP_FORMAT,
    id: `map-${suffix}`,
    name: 'Untitled map',
    hub: hub.id,
    teams: [{ id: hub.id, name: hub.name }],
    nodes: [],
    edges: [],
  };
}
