/**
 * The designer's one store of graph edits: nodes, edges and map settings, with undo/redo, copy and
 * paste. Framework-free (React reads it through `useSyncExternalStore`), so it is tested in Node.
 */
import { applyEdgeChanges, applyNodeChanges } from '@xyflow/react';
import type { Connection, EdgeChange, NodeChange, XYPosition } from '@xyflow/react';
import type { Condition, NodeType } from '@baton/engine';
import { freshId, newNodeData } from './newNode.ts';
import type { FlowEdge, FlowMap, FlowNode, HandoffEdgeData, MapSettings } from './toMapDocument.ts';

interface Snapshot {
  settings: MapSettings;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** Everything the store holds. */
export interface MapState extends Snapshot {
  /** Bumped on every change to the document (not on selection or measuring). */
  revision: number;
  /** The revision last saved to the runtime. */
  savedRevision: number;
  past: Snapshot[];
  future: Snapshot[];
}

const HISTORY_LIMIT = 200;

/** Copied steps, shared by every open map of the page so they can be pasted into another map. */
let clipboard: { nodes: FlowNode[]; edges: FlowEdge[] } | null = null;
const COALESCE_MS = 1500;
/** Until a decision branch is given its condition, it tests something harmless to edit. */
const NEW_BRANCH_CONDITION: Condition = { field: 'text', op: 'containsAny', value: ['refund'] };

/** The store's public face. */
export type MapStore = ReturnType<typeof createMapStore>;

/** Creates a store holding `initial`; history starts empty. */
export function createMapStore(initial: FlowMap) {
  let state: MapState = {
    ...initial,
    revision: 0,
    savedRevision: 0,
    past: [],
    future: [],
  };
  const listeners = new Set<() => void>();
  let dragging = false;
  let lastCoalesce: { key: string; at: number } | null = null;

  const snapshot = (): Snapshot => ({ settings: state.settings, nodes: state.nodes, edges: state.edges });
  const set = (next: Partial<MapState>) => {
    state = { ...state, ...next };
    for (const listener of listeners) listener();
  };
  /** Records the current document as an undo step, unless it continues the same quick edit. */
  const checkpoint = (coalesceKey?: string) => {
    const now = Date.now();
    if (coalesceKey && lastCoalesce?.key === coalesceKey && now - lastCoalesce.at < COALESCE_MS) {
      lastCoalesce.at = now;
      return;
    }
    lastCoalesce = coalesceKey ? { key: coalesceKey, at: now } : null;
    set({ past: [...state.past, snapshot()].slice(-HISTORY_LIMIT), future: [] });
  };
  const edit = (next: Partial<Snapshot>, coalesceKey?: string) => {
    checkpoint(coalesceKey);
    set({ ...next, revision: state.revision + 1 });
  };
  const takenIds = () => new Set<string>([...state.nodes.map((n) => n.id), ...state.edges.map((e) => e.id)]);
  const nodeById = (id: string) => state.nodes.find((n) => n.id === id);

  const store = {
    getState: () => state,
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    /** Replaces everything (opening a map); history starts over. */
    load(map: FlowMap) {
      lastCoalesce = null;
      set({ ...map, past: [], future: [], revision: state.revision + 1, savedRevision: state.revision + 1 });
    },
    /** Replaces the document as one undoable edit (an import into the open map, an auto-layout). */
    replace(map: FlowMap) {
      edit({ settings: map.settings, nodes: map.nodes, edges: map.edges });
    },
    markSaved(revision = state.revision) {
      set({ savedRevision: revision });
    },

    /** React Flow's node changes: moves, selection, measuring. Removal goes through `deleteElements`. */
    onNodesChange(changes: NodeChange<FlowNode>[]) {
      const kept = changes.filter((c) => c.type !== 'remove');
      if (kept.length === 0) return;
      const moves = kept.filter((c) => c.type === 'position');
      const edits = kept.filter((c) => c.type === 'add' || c.type === 'replace');
      const dragEnded = moves.some((c) => c.type === 'position' && c.dragging === false);
      if (edits.length > 0 || (moves.length > 0 && !dragging)) checkpoint(edits.length ? undefined : 'nudge');
      const nodes = applyNodeChanges(kept, state.nodes);
      const documentChanged = edits.length > 0 || (moves.length > 0 && (!dragging || dragEnded));
      if (dragEnded) dragging = false;
      set({ nodes, revision: documentChanged ? state.revision + 1 : state.revision });
    },
    onEdgesChange(changes: EdgeChange<FlowEdge>[]) {
      const kept = changes.filter((c) => c.type === 'select');
      if (kept.length > 0) set({ edges: applyEdgeChanges(kept, state.edges) });
    },
    /** Called when a drag starts: the whole drag is one undo step. */
    beginDrag() {
      if (dragging) return;
      checkpoint();
      dragging = true;
    },

    /** Adds a node of `type` at `position`, selects it and returns its id. */
    addNode(type: NodeType, position: XYPosition): string {
      const id = freshId(type, takenIds());
      const node = { id, type, position, data: newNodeData(type, state.settings.hub), selected: true } as FlowNode;
      edit({
        nodes: [...state.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
        edges: state.edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
      });
      return id;
    },

    /**
     * Connects two nodes. A trigger, an action or one pass outcome has a single way on, so a new
     * connection from it replaces the old one; a decision gains a branch (the first is the else).
     */
    connect(connection: Connection): string | undefined {
      const source = nodeById(connection.source);
      const target = nodeById(connection.target);
      if (!source || !target || source.id === target.id || source.type === 'end' || target.type === 'trigger') {
        return undefined;
      }
      const handle = connection.sourceHandle ?? null;
      const data: HandoffEdgeData = {};
      if (source.type === 'pass' && handle) data.on = handle;
      const fromSameHandle = (e: FlowEdge) => e.source === source.id && (e.sourceHandle ?? null) === handle;
      let edges = state.edges;
      if (source.type === 'decision') {
        if (edges.some((e) => e.source === source.id && !e.data?.when)) data.when = NEW_BRANCH_CONDITION;
      } else {
        edges = edges.filter((e) => !fromSameHandle(e));
      }
      const id = freshId(`${source.id}-${handle ?? 'to'}-${target.id}`, takenIds());
      const edge: FlowEdge = { id, source: source.id, target: target.id, sourceHandle: handle, type: 'handoff', data };
      edit({ edges: [...edges, edge] });
      return id;
    },

    /**
     * Moves an existing link to new ends (dragging its end onto another step), keeping its id and
     * condition; leaving a pass from another outcome handle takes that outcome.
     */
    reconnect(edgeId: string, connection: Connection): boolean {
      const edge = state.edges.find((e) => e.id === edgeId);
      const source = nodeById(connection.source);
      const target = nodeById(connection.target);
      if (!edge || !source || !target || source.id === target.id || source.type === 'end' || target.type === 'trigger') return false;
      const handle = connection.sourceHandle ?? null;
      const data: HandoffEdgeData = { ...edge.data };
      if (source.type === 'pass' && handle) data.on = handle;
      else delete data.on;
      edit({
        edges: state.edges.map((e) => (e.id === edgeId ? { ...e, source: source.id, target: target.id, sourceHandle: handle, data } : e)),
      });
      return true;
    },

    /** Changes fields of one node; typing in one field is one undo step. */
    updateNode(id: string, patch: Partial<FlowNode['data']>, coalesceKey?: string) {
      edit(
        { nodes: state.nodes.map((n) => (n.id === id ? ({ ...n, data: { ...n.data, ...patch } } as FlowNode) : n)) },
        coalesceKey ? `${id}:${coalesceKey}` : undefined,
      );
    },
    /** Sets a pass's outcomes; edges of a renamed outcome follow it, edges of a removed one stay for the validator to flag. */
    setPassOutcomes(id: string, outcomes: string[], coalesceKey?: string) {
      const node = nodeById(id);
      if (node?.type !== 'pass') return;
      const before = node.data.expected?.outcomes ?? [];
      const renamed = new Map<string, string>();
      if (before.length === outcomes.length) {
        before.forEach((name, i) => {
          const next = outcomes[i];
          if (next !== undefined && next !== name) renamed.set(name, next);
        });
      }
      const edges = state.edges.map((e) => {
        const to = e.source === id && e.data?.on !== undefined ? renamed.get(e.data.on) : undefined;
        return to === undefined ? e : { ...e, sourceHandle: to, data: { ...e.data, on: to } };
      });
      const expected = node.data.expected ?? { action: '', within: 'PT1H', outcomes: [] };
      const data = { ...node.data, expected: { ...expected, outcomes } };
      edit(
        { nodes: state.nodes.map((n) => (n.id === id ? ({ ...n, data } as FlowNode) : n)), edges },
        coalesceKey ? `${id}:${coalesceKey}` : undefined,
      );
    },
    updateEdge(id: string, patch: Partial<HandoffEdgeData>, coalesceKey?: string) {
      const edges = state.edges.map((e) => {
        if (e.id !== id) return e;
        const data: HandoffEdgeData = { ...e.data, ...patch };
        for (const key of Object.keys(data) as (keyof HandoffEdgeData)[]) if (data[key] === undefined) delete data[key];
        return { ...e, data };
      });
      edit({ edges }, coalesceKey ? `${id}:${coalesceKey}` : undefined);
    },
    /** Moves a decision branch up or down: branches are tried in edge order. */
    moveEdge(id: string, direction: -1 | 1) {
      const edge = state.edges.find((e) => e.id === id);
      if (!edge) return;
      const siblings = state.edges.filter((e) => e.source === edge.source);
      const at = siblings.indexOf(edge);
      const swapWith = siblings[at + direction];
      if (!swapWith) return;
      const edges = state.edges.map((e) => (e === edge ? swapWith : e === swapWith ? edge : e));
      edit({ edges });
    },
    updateSettings(patch: Partial<MapSettings>, coalesceKey?: string) {
      const settings = { ...state.settings, ...patch };
      for (const key of Object.keys(patch) as (keyof MapSettings)[]) if (patch[key] === undefined) delete settings[key];
      edit({ settings }, coalesceKey ? `settings:${coalesceKey}` : undefined);
    },
    /** Moves many nodes at once (auto-layout) as one undo step. */
    setPositions(positions: ReadonlyMap<string, XYPosition>) {
      edit({ nodes: state.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })) });
    },

    /**
     * Places nodes without making it an edit: the first tidy-up of a map whose saved layout
     * overlaps. Positions are presentation, so this neither marks the map unsaved nor enters history.
     */
    placeQuietly(positions: ReadonlyMap<string, XYPosition>) {
      set({ nodes: state.nodes.map((n) => ({ ...n, position: positions.get(n.id) ?? n.position })) });
    },

    /** Selects exactly these nodes and edges. */
    select(nodeIds: readonly string[], edgeIds: readonly string[] = []) {
      const nodes = new Set(nodeIds);
      const edges = new Set(edgeIds);
      set({
        nodes: state.nodes.map((n) => (!!n.selected === nodes.has(n.id) ? n : { ...n, selected: nodes.has(n.id) })),
        edges: state.edges.map((e) => (!!e.selected === edges.has(e.id) ? e : { ...e, selected: edges.has(e.id) })),
      });
    },
    /** Deletes nodes (with every edge touching them) and edges, as one undo step. */
    deleteElements(nodeIds: readonly string[], edgeIds: readonly string[] = []) {
      const goneNodes = new Set(nodeIds);
      const goneEdges = new Set(edgeIds);
      const edges = state.edges.filter((e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target));
      if (goneNodes.size === 0 && edges.length === state.edges.length) return;
      edit({ nodes: state.nodes.filter((n) => !goneNodes.has(n.id)), edges });
    },
    deleteSelection() {
      store.deleteElements(
        state.nodes.filter((n) => n.selected).map((n) => n.id),
        state.edges.filter((e) => e.selected).map((e) => e.id),
      );
    },

    /** Copies the selected nodes and the edges between them. */
    copySelection(): number {
      const nodes = state.nodes.filter((n) => n.selected);
      const ids = new Set(nodes.map((n) => n.id));
      const edges = state.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
      if (nodes.length > 0) clipboard = { nodes, edges };
      return nodes.length;
    },
    /** Pastes the clipboard beside the originals with fresh ids; the pasted nodes become the selection. */
    paste(offset: XYPosition = { x: 40, y: 40 }): string[] {
      const clip = clipboard;
      if (!clip) return [];
      const taken = takenIds();
      const rename = new Map<string, string>();
      for (const n of clip.nodes) {
        const id = freshId(`${n.id.replace(/-copy(-\d+)?$/, '')}-copy`, taken);
        taken.add(id);
        rename.set(n.id, id);
      }
      const nodes = clip.nodes.map((n) => ({
        ...n,
        id: rename.get(n.id)!,
        position: { x: n.position.x + offset.x, y: n.position.y + offset.y },
        selected: true,
      })) as FlowNode[];
      const edges = clip.edges.map((e) => {
        const id = freshId(`${e.id}-copy`, taken);
        taken.add(id);
        return { ...e, id, source: rename.get(e.source)!, target: rename.get(e.target)!, selected: false };
      });
      edit({
        nodes: [...state.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...nodes],
        edges: [...state.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...edges],
      });
      // Pasting again steps further out, as in every drawing tool.
      clipboard = { nodes: clip.nodes.map((n) => ({ ...n, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } })), edges: clip.edges };
      return nodes.map((n) => n.id);
    },

    undo() {
      const previous = state.past[state.past.length - 1];
      if (!previous) return;
      lastCoalesce = null;
      set({ ...previous, past: state.past.slice(0, -1), future: [snapshot(), ...state.future], revision: state.revision + 1 });
    },
    redo() {
      const next = state.future[0];
      if (!next) return;
      lastCoalesce = null;
      set({ ...next, past: [...state.past, snapshot()], future: state.future.slice(1), revision: state.revision + 1 });
    },
  };
  return store;
}
