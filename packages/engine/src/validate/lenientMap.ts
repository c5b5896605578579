import { NODE_TYPES, type NodeType } from '../schema/map.ts';

type Json = Record<string, unknown>;

/** A node as far as the graph checks need it: any object with a string id. */
export interface LenientNode {
  index: number;
  id: string;
  /** `undefined` when the type is missing or unknown: such a node is reported by the schema check. */
  type: NodeType | undefined;
  raw: Json;
}

/** An edge as far as the graph checks need it: any object with string id, source and target. */
export interface LenientEdge {
  index: number;
  id: string;
  source: string;
  target: string;
  raw: Json;
}

/** A forgiving view of a map document, so its graph is checked even when parts are malformed. */
export interface LenientMap {
  raw: Json;
  /** Every node object with a string id, duplicates included, in document order. */
  nodes: LenientNode[];
  edges: LenientEdge[];
  /** Number of entries in `nodes` (to place edge problems after node problems). */
  nodeCount: number;
  /** Ids of `teams`, or `undefined` when `teams` is not a list (then team checks are skipped). */
  teams: Set<string> | undefined;
  /** True when `nodes` is a list. */
  hasNodeList: boolean;
  /** True when some node says it is a trigger, whatever else is wrong with it. */
  hasTrigger: boolean;
}

/** A plain object (not an array, not null). */
export function isJson(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Appends to the list kept under `key`. */
export function add<K, V>(lists: Map<K, V[]>, key: K, value: V): void {
  const list = lists.get(key);
  if (list) list.push(value);
  else lists.set(key, [value]);
}

/** The value as a list, or an empty list. */
export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** Reads the parts of a map the graph checks rely on, skipping whatever is malformed. */
export function lenientMap(raw: Json): LenientMap {
  const nodeList = listOf(raw.nodes);
  const nodes: LenientNode[] = [];
  nodeList.forEach((node, index) => {
    if (!isJson(node) || typeof node.id !== 'string') return;
    const type = (NODE_TYPES as readonly unknown[]).includes(node.type) ? (node.type as NodeType) : undefined;
    nodes.push({ index, id: node.id, type, raw: node });
  });
  const edges: LenientEdge[] = [];
  listOf(raw.edges).forEach((edge, index) => {
    if (!isJson(edge)) return;
    const { id, source, target } = edge;
    if (typeof id !== 'string' || typeof source !== 'string' || typeof target !== 'string') return;
    edges.push({ index, id, source, target, raw: edge });
  });
  const teams = Array.isArray(raw.teams)
    ? new Set(raw.teams.flatMap((t) => (isJson(t) && typeof t.id === 'string' ? [t.id] : [])))
    : undefined;
  return {
    raw,
    nodes,
    edges,
    nodeCount: nodeList.length,
    teams,
    hasNodeList: Array.isArray(raw.nodes),
    hasTrigger: nodeList.some((n) => isJson(n) && n.type === 'trigger'),
  };
}
