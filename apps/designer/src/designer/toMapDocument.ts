/**
 * The one place where React Flow's nodes and edges meet the map document (docs/maps.md).
 * A flow node carries the map node's fields in `data`; a pass node's outcome edges leave from the
 * source handle named after the outcome (`timeout` for the deadline edge).
 */
import type { Edge, Node } from '@xyflow/react';
import type {
  ActionNode, BatonMap, DecisionNode, EndNode, MapEdge, MapNode, NodeType, PassNode, TriggerNode,
} from '@baton/engine';

type Fields<N extends MapNode> = Omit<N, 'id' | 'type' | 'position'>;

export type TriggerFlowNode = Node<Fields<TriggerNode>, 'trigger'>;
export type DecisionFlowNode = Node<Fields<DecisionNode>, 'decision'>;
export type ActionFlowNode = Node<Fields<ActionNode>, 'action'>;
export type PassFlowNode = Node<Fields<PassNode>, 'pass'>;
export type EndFlowNode = Node<Fields<EndNode>, 'end'>;

/** Any node on the designer's canvas. */
export type FlowNode = TriggerFlowNode | DecisionFlowNode | ActionFlowNode | PassFlowNode | EndFlowNode;

/** The map node fields of a flow node, by type. */
export type NodeFields<T extends NodeType> = Extract<FlowNode, { type: T }>['data'];

/** What an edge carries besides its ends. */
export type HandoffEdgeData = Omit<MapEdge, 'id' | 'source' | 'target'>;

/** Any edge on the designer's canvas. */
export type FlowEdge = Edge<HandoffEdgeData, 'handoff'>;

/** Everything of a map except its nodes and edges: name, hub, teams, crisis settings. */
export type MapSettings = Omit<BatonMap, 'nodes' | 'edges'>;

/** A map as the canvas holds it. */
export interface FlowMap {
  settings: MapSettings;
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** Turns one map node into a flow node. */
export function toFlowNode(node: MapNode): FlowNode {
  const { id, type, position, ...data } = node;
  return { id, type, position: { x: position.x, y: position.y }, data } as FlowNode;
}

/** Turns one map edge into a flow edge; `on` doubles as the source handle. */
export function toFlowEdge(edge: MapEdge): FlowEdge {
  const { id, source, target, ...data } = edge;
  return { id, source, target, sourceHandle: edge.on ?? null, type: 'handoff', data };
}

/** Map document → canvas. */
export function toFlowMap(map: BatonMap): FlowMap {
  const { nodes, edges, ...settings } = map;
  return { settings, nodes: nodes.map(toFlowNode), edges: edges.map(toFlowEdge) };
}

/** Turns one flow node back into a map node. */
export function toMapNode(node: FlowNode): MapNode {
  return { id: node.id, type: node.type, position: { x: node.position.x, y: node.position.y }, ...node.data } as MapNode;
}

/** Turns one flow edge back into a map edge. */
export function toMapEdge(edge: FlowEdge): MapEdge {
  const out: MapEdge = { id: edge.id, source: edge.source, target: edge.target };
  const data = edge.data ?? {};
  if (data.label !== undefined) out.label = data.label;
  if (data.when !== undefined) out.when = data.when;
  const on = data.on ?? edge.sourceHandle ?? undefined;
  if (on !== undefined) out.on = on;
  return out;
}

/** Canvas → map document, in the canvas's node and edge order (decision branches keep theirs). */
export function toMapDocument(flow: FlowMap): BatonMap {
  return { ...flow.settings, nodes: flow.nodes.map(toMapNode), edges: flow.edges.map(toMapEdge) };
}
