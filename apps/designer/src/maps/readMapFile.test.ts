import { describe, expect, it } from 'vitest';
import { sampleMap } from '../designer/fixtures/sampleMap.ts';
import { readMapFile } from './readMapFile.ts';

const file = (name: string, text: string) => new File([text], name, { type: 'application/json' });

describe('readMapFile', () => {
  it('reads a map document', async () => {
    expect(await readMapFile(file('sample.map.json', JSON.stringify(sampleMap)))).toEqual(sampleMap);
  });

  it('opens a map the schema refuses, so the designer can show its problems', async () => {
    const broken = { ...sampleMap, teams: undefined, edges: undefined };
    const map = await readMapFile(file('broken.json', JSON.stringify(broken)));
    expect(map.nodes).toHaveLength(sampleMap.nodes.length);
    expect(map.edges).toEqual([]);
  });

  it('says why a file is not a map', async () => {
    await expect(readMapFile(file('notes.txt', 'hello'))).rejects.toThrow('notes.txt is not JSON.');
    await expect(readMapFile(file('other.json', '{"a":1}'))).rejects.toThrow('is not a Baton map');
  });
});
