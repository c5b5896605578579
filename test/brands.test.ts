/**
 * Brands kept apart: the five example maps approved together in one runtime, as `npm run demo`
 * runs them, and every mention of every example scenario (the demo's hand-written feed and the
 * spikes) posted to it. Each example listens to its own brand, so every case starts on the map of
 * its mention's brand, whatever another map's triggers would have made of it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expandScenario, routeMention, mentionFacts, compileMap, scenarioSchema, seededRandom, type BatonMap, type Mention } from '@baton/engine';
import { describe, expect, it } from 'vitest';
import { loadExamples } from '../apps/runtime/src/demo.ts';
import { importMap } from '../apps/runtime/src/maps/importMap.ts';
import { testRuntime } from '../apps/runtime/src/testing/testApp.ts';

const examples = join(import.meta.dirname, '..', 'examples');

/** Every generated mention of the examples' spikes, ids made unique per scenario. */
function spikeMentions(): Mention[] {
  const all: Mention[] = [];
  for (const name of readdirSync(examples, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)) {
    for (const file of readdirSync(join(examples, name)).filter((f) => f.endsWith('.scenario.json'))) {
      const scenario = scenarioSchema.parse(JSON.parse(readFileSync(join(examples, name, file), 'utf8')));
      if (!scenario.generate?.length) continue;
      for (const a of expandScenario(scenario, seededRandom(scenario.seed ?? 1))) {
        if (a.mention.id.startsWith('gen-')) all.push({ ...a.mention, id: `${file}:${a.mention.id}` });
      }
    }
  }
  return all;
}

describe('the examples keep their brands apart', () => {
  it('gives every example its own brand, carried by all its scenario mentions', () => {
    const { maps, feed } = loadExamples();
    const brands = maps.map((m) => (m as BatonMap).listensTo?.brands);
    expect(brands.every((b) => b?.length === 1)).toBe(true);
    expect(new Set(brands.map((b) => b![0])).size).toBe(5);
    expect(feed.length).toBeGreaterThan(30);
    expect(feed.every((f) => brands.some((b) => b![0] === f.mention.brand))).toBe(true);
    expect(spikeMentions().every((m) => brands.some((b) => b![0] === m.brand))).toBe(true);
  });

  it('starts every case of the demo feed and the spikes on the map of the mention’s own brand', async () => {
    const t = await testRuntime();
    const { maps, feed } = loadExamples();
    const brandOf = new Map<string, string>();
    for (const doc of maps) {
      importMap(t.app.rt.db, doc, { approve: true, createTeams: true, actor: 'test', now: t.clock.now() });
      brandOf.set(String(doc.id), (doc as BatonMap).listensTo!.brands[0]!);
    }
    const mentions = [...feed.map((f) => f.mention), ...spikeMentions()];
    const results: { id: string; status: string; caseId?: string }[] = [];
    for (let i = 0; i < mentions.length; i += 1000) {
      const res = await t.ingest('POST', '/api/mentions', mentions.slice(i, i + 1000));
      expect(res.status).toBe(200);
      results.push(...res.body.results);
    }
    const caseMap = new Map((t.app.rt.db.$client.prepare('SELECT id, map_id AS mapId FROM cases').all() as { id: string; mapId: string }[]).map((c) => [c.id, c.mapId]));
    const byId = new Map(mentions.map((m) => [m.id, m]));
    const routed = results.filter((r) => r.status === 'routed');
    expect(routed.length).toBeGreaterThan(5000);
    const landed = routed.map((r) => [byId.get(r.id)!.brand, brandOf.get(caseMap.get(r.caseId!)!)]);
    expect(landed.filter(([mentionBrand, mapBrand]) => mentionBrand !== mapBrand)).toEqual([]);
    // Every example's map got cases of its own.
    expect(new Set(routed.map((r) => caseMap.get(r.caseId!))).size).toBe(5);

    // Without brands some of these mentions would have crossed: the test would see it.
    const plain = maps.map((doc) => ({ mapId: String(doc.id), compiled: compileMap({ ...(doc as BatonMap), listensTo: undefined }), crisis: false }));
    const crossing = mentions.filter((m) => {
      const match = routeMention(plain, mentionFacts(m));
      return match !== undefined && brandOf.get(match.mapId) !== m.brand;
    });
    expect(crossing.length).toBeGreaterThan(0);
  });
});
