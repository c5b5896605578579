import { problem, type PlacedProblem } from './problem.ts';
import { add, type LenientMap, type LenientNode } from './lenientMap.ts';
import { describeNode } from './describeNode.ts';
import { nodesById } from './checkIds.ts';

/** Every node reachable from `starts` following `next` (iterative: maps can be long chains). */
function reach(starts: Iterable<LenientNode>, next: Map<LenientNode, LenientNode[]>): Set<LenientNode> {
  const seen = new Set<LenientNode>(starts);
  const stack = [...seen];
  for (let node = stack.pop(); node; node = stack.pop()) {
    for (const to of next.get(node) ?? []) {
      if (!seen.has(to)) {
        seen.add(to);
        stack.push(to);
      }
    }
  }
  return seen;
}

/**
 * E_DEAD_END (a node from which no end can be reached: a dropped ball) and W_UNREACHABLE (a node
 * no trigger reaches). Edges with a missing end are ignored; nodes of unknown type (already a
 * schema problem) are assumed to lead on, so one mistake does not cascade into many.
 */
export function checkFlow(map: LenientMap): PlacedProblem[] {
  const byId = nodesById(map);
  const forward = new Map<LenientNode, LenientNode[]>();
  const backward = new Map<LenientNode, LenientNode[]>();
  for (const edge of map.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    add(forward, source, target);
    add(backward, target, source);
  }
  const nodes = [...byId.values()];
  const placed: PlacedProblem[] = [];

  const ending = reach(nodes.filter((n) => n.type === 'end' || n.type === undefined), backward);
  for (const node of nodes) {
    if (ending.has(node)) continue;
    placed.push({
      position: node.index,
      problem: problem(
        'E_DEAD_END',
        `No path leads from ${describeNode(node, false)} to an end, so a case there can never close: connect it onward to an end node.`,
        { node: node.id },
      ),
    });
  }

  const triggers = nodes.filter((n) => n.type === 'trigger');
  if (triggers.length === 0) return placed;
  const reached = reach(triggers, forward);
  for (const node of nodes) {
    if (reached.has(node) || node.type === undefined) continue;
    placed.push({
      position: node.index,
      problem: problem(
        'W_UNREACHABLE',
        `No trigger leads to ${describeNode(node, false)}, so it will never be used: connect it to the flow or delete it.`,
        { node: node.id },
      ),
    });
  }
  return placed;
}
