import { describe, expect, it } from 'vitest';
import { mapSchema } from '@baton/engine';
import { EXAMPLE_MAPS } from '../maps/examples.ts';
import { sampleMap } from './fixtures/sampleMap.ts';
import { toFlowMap, toMapDocument } from './toMapDocument.ts';

describe('toMapDocument', () => {
  it('round-trips the fixture map unchanged', () => {
    expect(toMapDocument(toFlowMap(sampleMap))).toEqual(sampleMap);
  });

  it('round-trips every shipped example map unchanged', () => {
    expect(EXAMPLE_MAPS.length).toBeGreaterThanOrEqual(5);
    for (const { name, map } of EXAMPLE_MAPS) {
      expect(toMapDocument(toFlowMap(map)), name).toEqual(map);
    }
  });

  it('keeps the brands a map listens to, and leaves them out when it listens to every mention', () => {
    const branded = { ...sampleMap, listensTo: { brands: ['shopco', 'shopco-uk'] } };
    expect(toMapDocument(toFlowMap(branded))).toEqual(branded);
    expect(toFlowMap(branded).settings.listensTo).toEqual({ brands: ['shopco', 'shopco-uk'] });
    const flow = toFlowMap(branded);
    const cleared = toMapDocument({ ...flow, settings: { ...flow.settings, listensTo: undefined } });
    expect(JSON.parse(JSON.stringify(cleared))).not.toHaveProperty('listensTo');
    expect(EXAMPLE_MAPS.every(({ map }) => map.listensTo?.brands.length === 1)).toBe(true);
  });

  it('puts each pass outcome edge on the handle named after the outcome', () => {
    const flow = toFlowMap(sampleMap);
    const timeout = flow.edges.find((e) => e.id === 'e7');
    expect(timeout?.sourceHandle).toBe('timeout');
    expect(flow.edges.find((e) => e.id === 'e1')?.sourceHandle).toBeNull();
  });

  it('keeps node fields in data and layout in position', () => {
    const pass = toFlowMap(sampleMap).nodes.find((n) => n.id === 'care');
    expect(pass?.type).toBe('pass');
    expect(pass?.position).toEqual({ x: -200, y: 240 });
    expect(pass?.data).toMatchObject({ label: 'Care replies', to: { team: 'care', strategy: 'round-robin' } });
    expect(pass?.data).not.toHaveProperty('position');
  });

  it('takes an outcome from the source handle of a freshly drawn edge', () => {
    const flow = toFlowMap(sampleMap);
    flow.edges.push({ id: 'new', source: 'bill', target: 'esc', sourceHandle: 'escalate', type: 'handoff' });
    expect(toMapDocument(flow).edges.at(-1)).toEqual({ id: 'new', source: 'bill', target: 'esc', on: 'escalate' });
  });

  it('produces a document the engine schema accepts', () => {
    expect(mapSchema.safeParse(toMapDocument(toFlowMap(sampleMap))).success).toBe(true);
  });
});
