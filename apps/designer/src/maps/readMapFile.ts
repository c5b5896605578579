import { mapSchema } from '@baton/engine';
import type { BatonMap } from '@baton/engine';

/**
 * Reads a map JSON file. Documents the schema refuses are still opened when they look like a map
 * (the designer shows the problems); anything else is an error that says why.
 */
export async function readMapFile(file: File): Promise<BatonMap> {
  const text = await file.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${file.name} is not JSON.`);
  }
  const parsed = mapSchema.safeParse(json);
  if (parsed.success) return json as BatonMap;
  const looksLikeMap = typeof json === 'object' && json !== null && Array.isArray((json as { nodes?: unknown }).nodes);
  if (!looksLikeMap) throw new Error(`${file.name} is not a Baton map (expected format "baton.map/v1" with nodes and edges).`);
  const loose = json as Partial<BatonMap>;
  return { ...loose, nodes: loose.nodes ?? [], edges: Array.isArray(loose.edges) ? loose.edges : [], teams: Array.isArray(loose.teams) ? loose.teams : [] } as BatonMap;
}
