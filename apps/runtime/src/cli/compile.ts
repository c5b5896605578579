import { compileMap } from '@baton/engine';
import { loadMap } from './loadMap.ts';
import { parseArgs } from './loadDocument.ts';

/** `baton compile MAP`: prints the XState machine config as JSON. */
export async function runCompile(args: string[]): Promise<number> {
  const { map } = await loadMap(parseArgs(args).positional[0]);
  process.stdout.write(`${JSON.stringify(compileMap(map!).config, null, 2)}\n`);
  return 0;
}
