import { describe, expect, it } from 'vitest';
import { sampleMap } from './fixtures/sampleMap.ts';
import { createMapStore } from './mapStore.ts';
import { toFlowMap, toMapDocument } from './toMapDocument.ts';

const fresh = () => createMapStore(toFlowMap(sampleMap));
const doc = (store: ReturnType<typeof fresh>) => toMapDocument(store.getState());

describe('mapStore', () => {
  it('deleting a node removes every edge connected to it, as one undo step', () => {
    const store = fresh();
    store.deleteElements(['care']);
    const map = doc(store);
    expect(map.nodes.map((n) => n.id)).not.toContain('care');
    expect(map.edges.filter((e) => e.source === 'care' || e.target === 'care')).toEqual([]);
    expect(map.edges.map((e) => e.id)).toEqual(['e1', 'e2', 'e4', 'e8', 'e9']);
    store.undo();
    expect(doc(store)).toEqual(sampleMap);
  });

  it('deletes the selection with Delete semantics', () => {
    const store = fresh();
    store.select(['tag'], ['e8']);
    store.deleteSelection();
    const ids = doc(store).edges.map((e) => e.id);
    expect(ids).not.toContain('e8');
    expect(ids).not.toContain('e2');
    expect(ids).not.toContain('e4');
  });

  it('undoes and redoes edits in order, and a new edit clears the redo list', () => {
    const store = fresh();
    store.updateNode('care', { label: 'First' });
    store.updateNode('care', { label: 'Second' });
    store.undo();
    expect(store.getState().nodes.find((n) => n.id === 'care')?.data.label).toBe('First');
    store.undo();
    expect(doc(store)).toEqual(sampleMap);
    store.redo();
    expect(store.getState().nodes.find((n) => n.id === 'care')?.data.label).toBe('First');
    store.updateNode('care', { label: 'Third' });
    expect(store.getState().future).toEqual([]);
    store.redo();
    expect(store.getState().nodes.find((n) => n.id === 'care')?.data.label).toBe('Third');
  });

  it('counts quick typing in one field as a single undo step', () => {
    const store = fresh();
    for (const label of ['C', 'Ca', 'Car', 'Care']) store.updateNode('care', { label }, 'label');
    expect(store.getState().past).toHaveLength(1);
    store.undo();
    expect(doc(store)).toEqual(sampleMap);
  });

  it('adds a node of each type with a fresh id and selects it', () => {
    const store = fresh();
    const id = store.addNode('pass', { x: 10, y: 20 });
    expect(id).toBe('pass-1');
    const node = store.getState().nodes.find((n) => n.id === id);
    expect(node?.selected).toBe(true);
    expect(node?.data).toMatchObject({ to: { team: 'social' } });
    expect(store.getState().nodes.filter((n) => n.selected)).toHaveLength(1);
    expect(store.addNode('pass', { x: 0, y: 0 })).toBe('pass-2');
  });

  it('copies and pastes the selection with fresh ids and the edges between them', () => {
    const store = fresh();
    store.select(['care', 'esc']);
    expect(store.copySelection()).toBe(2);
    const pasted = store.paste();
    expect(pasted).toEqual(['care-copy-1', 'esc-copy-1']);
    const map = doc(store);
    expect(map.nodes).toHaveLength(sampleMap.nodes.length + 2);
    const copyEdges = map.edges.filter((e) => e.source === 'care-copy-1');
    expect(copyEdges.map((e) => [e.target, e.on])).toEqual([['esc-copy-1', 'escalate'], ['esc-copy-1', 'timeout']]);
    const copy = map.nodes.find((n) => n.id === 'care-copy-1');
    expect(copy?.position).toEqual({ x: -160, y: 280 });
    expect(store.getState().nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(pasted);
    store.undo();
    expect(doc(store)).toEqual(sampleMap);
  });

  it('replaces the edge of a pass outcome when that outcome is connected again', () => {
    const store = fresh();
    store.connect({ source: 'care', sourceHandle: 'done', target: 'esc', targetHandle: null });
    const fromDone = doc(store).edges.filter((e) => e.source === 'care' && e.on === 'done');
    expect(fromDone).toHaveLength(1);
    expect(fromDone[0]?.target).toBe('esc');
  });

  it('gives a second decision branch a condition, keeping one else branch', () => {
    const store = fresh();
    store.connect({ source: 'which', sourceHandle: null, target: 'ok', targetHandle: null });
    const branches = doc(store).edges.filter((e) => e.source === 'which');
    expect(branches).toHaveLength(3);
    expect(branches.filter((e) => !e.when)).toHaveLength(1);
  });

  it('refuses edges into a trigger or out of an end', () => {
    const store = fresh();
    expect(store.connect({ source: 'which', sourceHandle: null, target: 'start', targetHandle: null })).toBeUndefined();
    expect(store.connect({ source: 'ok', sourceHandle: null, target: 'care', targetHandle: null })).toBeUndefined();
    expect(store.getState().past).toHaveLength(0);
  });

  it('renaming a pass outcome carries its edge along', () => {
    const store = fresh();
    store.setPassOutcomes('care', ['answered', 'escalate']);
    const edge = doc(store).edges.find((e) => e.id === 'e5');
    expect(edge?.on).toBe('answered');
    expect(store.getState().edges.find((e) => e.id === 'e5')?.sourceHandle).toBe('answered');
  });

  it('a whole drag is one undo step, and selection alone is not an edit', () => {
    const store = fresh();
    const before = store.getState().revision;
    store.onNodesChange([{ type: 'select', id: 'care', selected: true }]);
    expect(store.getState().revision).toBe(before);
    expect(store.getState().past).toHaveLength(0);
    store.beginDrag();
    store.onNodesChange([{ type: 'position', id: 'care', position: { x: 1, y: 1 }, dragging: true }]);
    store.onNodesChange([{ type: 'position', id: 'care', position: { x: 2, y: 2 }, dragging: true }]);
    store.onNodesChange([{ type: 'position', id: 'care', position: { x: 3, y: 3 }, dragging: false }]);
    expect(store.getState().past).toHaveLength(1);
    expect(store.getState().revision).toBeGreaterThan(before);
    store.undo();
    expect(doc(store).nodes.find((n) => n.id === 'care')?.position).toEqual({ x: -200, y: 240 });
  });

  it('moves decision branches to change the order they are tried in', () => {
    const store = fresh();
    store.moveEdge('e3', -1);
    expect(doc(store).edges.filter((e) => e.source === 'which').map((e) => e.id)).toEqual(['e3', 'e2']);
  });

  it('tracks unsaved changes by revision', () => {
    const store = fresh();
    const { revision, savedRevision } = store.getState();
    expect(revision).toBe(savedRevision);
    store.updateSettings({ name: 'Renamed' });
    expect(store.getState().revision).not.toBe(store.getState().savedRevision);
    store.markSaved();
    expect(store.getState().revision).toBe(store.getState().savedRevision);
  });

  it('auto-layout is one undo step, while the quiet first tidy-up is neither history nor unsaved', () => {
    const store = fresh();
    store.placeQuietly(new Map([['care', { x: 5, y: 5 }]]));
    expect(store.getState().past).toHaveLength(0);
    expect(store.getState().revision).toBe(store.getState().savedRevision);
    store.setPositions(new Map([['care', { x: 9, y: 9 }], ['ok', { x: 1, y: 1 }]]));
    expect(doc(store).nodes.find((n) => n.id === 'ok')?.position).toEqual({ x: 1, y: 1 });
    store.undo();
    expect(doc(store).nodes.find((n) => n.id === 'care')?.position).toEqual({ x: 5, y: 5 });
  });

  it('turning a branch into the else branch removes its condition from the document', () => {
    const store = fresh();
    store.updateEdge('e2', { when: undefined });
    expect(doc(store).edges.find((e) => e.id === 'e2')).toEqual({ id: 'e2', source: 'which', target: 'tag' });
  });

  it('pastes steps copied in another map', () => {
    const source = fresh();
    source.select(['ok']);
    source.copySelection();
    const target = createMapStore({ settings: toFlowMap(sampleMap).settings, nodes: [], edges: [] });
    expect(target.paste()).toEqual(['ok-copy-1']);
    expect(toMapDocument(target.getState()).nodes[0]).toMatchObject({ type: 'end', outcome: 'resolved' });
  });

  it('moves a link to another step, keeping its id and condition, as one undo step', () => {
    const store = fresh();
    expect(store.reconnect('e2', { source: 'which', sourceHandle: null, target: 'care', targetHandle: null })).toBe(true);
    const moved = doc(store).edges.find((e) => e.id === 'e2');
    expect(moved).toMatchObject({ source: 'which', target: 'care', when: { field: 'text', op: 'containsAny' } });
    store.undo();
    expect(doc(store)).toEqual(sampleMap);
    expect(store.reconnect('e5', { source: 'care', sourceHandle: 'done', target: 'start', targetHandle: null })).toBe(false);
  });
});
