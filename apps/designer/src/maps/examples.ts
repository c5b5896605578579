/**
 * The example maps shipped in `examples/<name>/<name>.map.json`, bundled at build time so
 * "New map → from an example" works offline.
 */
import type { BatonMap } from '@baton/engine';

const files = import.meta.glob<BatonMap>('../../../../examples/*/*.map.json', { eager: true, import: 'default' });

/** One shipped example: its folder name and its map document. */
export interface ExampleMap {
  name: string;
  map: BatonMap;
}

/** Every shipped example map, by folder name. */
export const EXAMPLE_MAPS: ExampleMap[] = Object.entries(files)
  .map(([path, map]) => ({ name: path.split('/').slice(-2, -1)[0] ?? path, map }))
  .sort((a, b) => a.name.localeCompare(b.name));
