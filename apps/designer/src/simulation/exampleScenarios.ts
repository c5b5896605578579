/**
 * The scenarios shipped beside the example maps (`examples/<name>/*.scenario.json`), bundled at
 * build time; each belongs to the map of its folder.
 */
import { EXAMPLE_MAPS } from '../maps/examples.ts';

const files = import.meta.glob<unknown>('../../../../examples/*/*.scenario.json', { eager: true, import: 'default' });

/** One shipped scenario. */
export interface ExampleScenario {
  /** `<folder>/<file name without .scenario.json>`, unique. */
  key: string;
  /** The id of the map it rehearses. */
  mapId: string;
  /** Its name, from the document. */
  name: string;
  /** How many mentions it holds or generates. */
  mentions: number;
  document: unknown;
}

function describe(path: string, document: unknown): ExampleScenario {
  const parts = path.split('/');
  const folder = parts[parts.length - 2] ?? '';
  const file = (parts[parts.length - 1] ?? '').replace(/\.scenario\.json$/, '');
  const doc = (document ?? {}) as { name?: unknown; mentions?: unknown[]; generate?: { count?: unknown }[] };
  const mentions = (doc.mentions?.length ?? 0) + (doc.generate ?? []).reduce((n, g) => n + (typeof g.count === 'number' ? g.count : 0), 0);
  const mapId = EXAMPLE_MAPS.find((e) => e.name === folder)?.map.id ?? folder;
  return { key: `${folder}/${file}`, mapId, name: typeof doc.name === 'string' ? doc.name : file, mentions, document };
}

/** Every shipped scenario, smallest first within a map. */
export const EXAMPLE_SCENARIOS: ExampleScenario[] = Object.entries(files)
  .map(([path, doc]) => describe(path, doc))
  .sort((a, b) => a.mapId.localeCompare(b.mapId) || a.mentions - b.mentions || a.key.localeCompare(b.key));

/** The shipped scenarios that rehearse the map with this id. */
export function scenariosForMap(mapId: string): ExampleScenario[] {
  return EXAMPLE_SCENARIOS.filter((s) => s.mapId === mapId);
}
