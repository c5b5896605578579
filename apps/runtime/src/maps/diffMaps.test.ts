import { describe, expect, it } from 'vitest';
import { diffMaps } from './diffMaps.ts';

const base = {
  id: 'm', name: 'Complaints', hub: 'social',
  nodes: [{ id: 't', type: 'trigger', label: 'Complaint' }, { id: 'p', type: 'pass', label: 'To care' }],
  edges: [{ id: 'e1', source: 't', target: 'p' }],
};

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
  });

  it('treats a missing first version as empty, so everything is added', () => {
    const d = diffMaps(null, base);
    expect(d.nodes.added).toEqual(['t', 'p']);
    expect(d.edges.added).toEqual(['e1']);
  });

  it('ignores key order inside nodes', () => {
    const reordered = { ...base, nodes: base.nodes.map((n) => ({ label: n.label, type: n.type, id: n.id })) };
    expect(diffMaps(base, reordered).nodes.changed).toEqual([]);
  });
});
