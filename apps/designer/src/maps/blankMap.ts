import { MAP_FORMAT } from '@baton/engine';
import type { BatonMap, Team } from '@baton/engine';

/** The hub's id by Baton's convention (the demo, the examples and the docs call the listening team `social`). */
export const HUB_CONVENTION = 'social';

/**
 * The team a new map's hub can default to without asking: the team whose id is exactly `social`,
 * or the directory's only team. `null` when that is not clear — then ask the manager. Names are
 * never guessed from ("Senior Social Team" is not the hub because it says "social").
 */
export function defaultHub(directory: Team[]): Team | null {
  return directory.find((t) => t.id === HUB_CONVENTION) ?? (directory.length === 1 ? directory[0]! : null);
}

/**
 * A new, empty map with `hubId` as its hub (else {@link defaultHub}, else the directory's first
 * team, else a `social` team still to be created), so a manager can start dropping nodes at once;
 * the hub can be changed in the map's settings.
 */
export function blankMap(directory: Team[], suffix: string, hubId?: string): BatonMap {
  const hub = directory.find((t) => t.id === hubId) ?? defaultHub(directory) ?? directory[0] ?? { id: HUB_CONVENTION, name: 'Social Hub' };
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
