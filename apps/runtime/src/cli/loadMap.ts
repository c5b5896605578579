import { MAP_FORMAT, mapSchema, validateMap, type BatonMap } from '@baton/engine';
import { CliError, loadDocument } from './loadDocument.ts';
import { formatProblems } from './formatProblems.ts';

/**
 * Reads a map file and validates it. Returns the map and its validation; throws a `CliError`
 * (exit 1) listing the problems when the map has errors and `allowInvalid` is false.
 */
export async function loadMap(path: string | undefined, allowInvalid = false) {
  // A map that forgot its format line is still a map: validation lists that with everything else.
  const doc = await loadDocument(path, MAP_FORMAT, 'Baton map', ['nodes', 'edges']);
  const validation = validateMap(doc);
  if (!validation.valid && !allowInvalid) {
    throw new CliError(`${path}: the map has errors:\n${formatProblems(validation.problems)}`, 1);
  }
  const parsed = mapSchema.safeParse(doc);
  const map: BatonMap | undefined = parsed.success ? parsed.data : undefined;
  return { doc, map, validation };
}
