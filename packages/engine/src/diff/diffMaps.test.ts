import { describe, expect, it } from 'vitest';
import { mapSchema, type BatonMap } from '../schema/map.ts';
import { diffMaps, mapDiffSchema } from './diffMaps.ts';

const base = {
  id: 'm', name: 'Complaints', hub: 'social',
  nodes: [{ id: 't', type: 'trigger', label: 'Complaint' }, { id: 'p', type: 'pass', label: 'To care' }],
  edges: [{ id: 'e1', source: 't', target: 'p' }],
};

const at = { x: 0, y: 0 };
/** A complete map: trigger → care (checklist, 1 h) → resolved / escalated. */
const sampleMap: BatonMap = mapSchema.parse({
  format: 'baton.map/v1', id: 'sample', name: 'Sample', hub: 'social',
  teams: [{ id: 'social', name: 'Social Hub' }, { id: 'care', name: 'Customer Care' }],
  nodes: [
    { id: 'start', type: 'trigger', label: 'Unhappy', position: at, when: { field: 'sentiment', op: 'lt', value: -0.3 } },
    { id: 'care', type: 'pass', label: 'Care replies', position: at, to: { team: 'care' }, preAction: { checklist: ['Read the thread'] }, expected: { action: 'reply', within: 'PT1H', outcomes: ['done', 'escalate'] } },
    { id: 'ok', type: 'end', label: 'Resolved', position: at, outcome: 'resolved' },
    { id: 'esc', type: 'end', label: 'Escalated', position: at, outcome: 'escalated' },
  ],
  edges: [
    { id: 'e1', source: 'start', target: 'care' },
    { id: 'e2', source: 'care', target: 'ok', on: 'done' },
    { id: 'e3', source: 'care', target: 'esc', on: 'escalate' },
  ],
});
/** A deep copy (the engine has no structuredClone in its types: it targets no particular host). */
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

describe('diffMaps', () => {
  it('names nodes and edges added, removed and changed, field by field', () => {
    const next = {
      ...base, name: 'Complaints v2',
      nodes: [{ id: 't', type: 'trigger', label: 'Angry customer' }, { id: 'end', type: 'end', label: 'Done' }],
      edges: [{ id: 'e1', source: 't', target: 'end' }],
    };
    const d = diffMaps(base, next);
    expect(d.nodes).toEqual({ added: ['end'], removed: ['p'], changed: [{ id: 't', fields: [{ field: 'label', from: 'Complaint', to: 'Angry customer' }] }] });
    expect(d.edges.changed).toEqual([{ id: 'e1', fields: [{ field: 'target', from: 'p', to: 'end' }] }]);
    expect(d.settings).toEqual([{ field: 'name', from: 'Complaints', to: 'Complaints v2' }]);
    expect(mapDiffSchema.parse(d)).toEqual(d);
  });

  it('treats a missing first version as empty, so everything is added', () => {
    const d = diffMaps(null, base);
    expect(d.nodes.added).toEqual(['t', 'p']);
    expect(d.edges.added).toEqual(['e1']);
    expect(d.nodes.removed).toEqual([]);
    const all = diffMaps(null, sampleMap);
    expect(all.nodes.added).toHaveLength(sampleMap.nodes.length);
    expect(all.nodes.removed).toEqual([]);
    expect(all.settings).toContainEqual({ field: 'name', from: null, to: 'Sample' });
  });

  it('ignores key order inside nodes', () => {
    const reordered = { ...base, nodes: base.nodes.map((n) => ({ label: n.label, type: n.type, id: n.id })) };
    expect(diffMaps(base, reordered).nodes.changed).toEqual([]);
  });

  it('finds added, removed and changed nodes field by field, ignoring moves, descending into nested settings', () => {
    const next = copy(sampleMap);
    next.nodes = next.nodes.filter((n) => n.id !== 'esc');
    next.nodes.push({ id: 'new', type: 'end', label: 'New', position: { x: 0, y: 0 }, outcome: 'new' });
    const care = next.nodes.find((n) => n.id === 'care');
    if (care?.type === 'pass') care.expected = { ...care.expected, within: 'PT2H' };
    const start = next.nodes.find((n) => n.id === 'start');
    if (start) start.position = { x: 999, y: 999 };
    const diff = diffMaps(sampleMap, next);
    expect(diff.nodes.added).toEqual(['new']);
    expect(diff.nodes.removed).toEqual(['esc']);
    expect(diff.nodes.changed).toEqual([
      { id: 'care', fields: [{ field: 'expected.within', from: 'PT1H', to: 'PT2H' }] },
    ]);
  });

  it('shows a changed condition whole, a field on one side only as null, and nested map settings by path', () => {
    const next = copy(sampleMap);
    next.nodes[0] = { ...next.nodes[0]!, when: { field: 'sentiment', op: 'lt', value: -0.5 } } as BatonMap['nodes'][number];
    next.edges[1] = { ...next.edges[1]!, label: 'fixed' };
    next.crisis = { window: 'PT10M', threshold: 40 };
    const d = diffMaps(sampleMap, next);
    expect(d.nodes.changed).toEqual([{ id: 'start', fields: [{ field: 'when', from: sampleMap.nodes[0]!.type === 'trigger' ? sampleMap.nodes[0]!.when : null, to: { field: 'sentiment', op: 'lt', value: -0.5 } }] }]);
    expect(d.edges.changed).toEqual([{ id: 'e2', fields: [{ field: 'label', from: null, to: 'fixed' }] }]);
    expect(d.settings).toEqual([{ field: 'crisis', from: null, to: { window: 'PT10M', threshold: 40 } }]);
    const calmer = copy(next);
    calmer.crisis = { window: 'PT10M', threshold: 60 };
    expect(diffMaps(next, calmer).settings).toEqual([{ field: 'crisis.threshold', from: 40, to: 60 }]);
  });
});
