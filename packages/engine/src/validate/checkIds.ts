import { problem, type PlacedProblem } from './problem.ts';
import type { LenientMap, LenientNode } from './lenientMap.ts';
import { describeEdge } from './describeNode.ts';

/** The first node with each id: the one the graph checks use when ids repeat. */
export function nodesById(map: LenientMap): Map<string, LenientNode> {
  const byId = new Map<string, LenientNode>();
  for (const node of map.nodes) if (!byId.has(node.id)) byId.set(node.id, node);
  return byId;
}

/**
 * E_DUPLICATE_ID (two nodes or two edges share an id), E_NO_TRIGGER and E_DANGLING_EDGE (an
 * edge naming a node that does not exist).
 */
export function checkIds(map: LenientMap): PlacedProblem[] {
  const placed: PlacedProblem[] = [];
  const firstNode = new Map<string, number>();
  for (const node of map.nodes) {
    const first = firstNode.get(node.id);
    if (first === undefined) {
      firstNode.set(node.id, node.index);
      continue;
    }
    placed.push({
      position: node.index,
      problem: problem(
        'E_DUPLICATE_ID',
        `nodes[${first}] and nodes[${node.index}] share the id '${node.id}': give each node its own id.`,
        { node: node.id },
      ),
    });
  }
  const firstEdge = new Map<string, number>();
  for (const edge of map.edges) {
    const first = firstEdge.get(edge.id);
    if (first === undefined) {
      firstEdge.set(edge.id, edge.index);
      continue;
    }
    placed.push({
      position: map.nodeCount + edge.index,
      problem: problem(
        'E_DUPLICATE_ID',
        `edges[${first}] and edges[${edge.index}] share the id '${edge.id}': give each edge its own id.`,
        { edge: edge.id },
      ),
    });
  }

  if (map.hasNodeList && !map.hasTrigger) {
    placed.push({
      position: -1,
      problem: problem('E_NO_TRIGGER', 'The map has no trigger, so no mention can ever start a case: add a trigger node saying which mentions to pick up.'),
    });
  }

  for (const edge of map.edges) {
    const missing = [edge.source, edge.target].filter((id, i) => !firstNode.has(id) && (i === 0 || id !== edge.source));
    if (missing.length === 0) continue;
    const names = missing.map((id) => `'${id}'`).join(' and ');
    placed.push({
      position: map.nodeCount + edge.index,
      problem: problem(
        'E_DANGLING_EDGE',
        `The ${describeEdge(edge)} names ${names}, ${missing.length === 1 ? 'which is not a node' : 'which are not nodes'}: connect it to existing nodes or delete it.`,
        { edge: edge.id },
      ),
    });
  }
  return placed;
}
