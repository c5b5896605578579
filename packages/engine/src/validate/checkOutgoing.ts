import { problem, type PlacedProblem, type ProblemCode } from './problem.ts';
import { add, isJson, type LenientEdge, type LenientMap, type LenientNode } from './lenientMap.ts';
import { describeNode, joinWords } from './describeNode.ts';
import { nodesById } from './checkIds.ts';

const TIMEOUT = 'timeout';

function ids(edges: readonly LenientEdge[]): string {
  return edges.map((e) => `'${e.id}'`).join(', ');
}

/** The outcomes a pass declares, or `undefined` when its `expected.outcomes` is unreadable. */
function declaredOutcomes(node: LenientNode): string[] | undefined {
  const expected = node.raw.expected;
  const outcomes = isJson(expected) ? expected.outcomes : undefined;
  return Array.isArray(outcomes) ? outcomes.filter((o): o is string => typeof o === 'string') : undefined;
}

/**
 * The rules on what leaves each node (docs/maps.md#edges): E_OUTGOING (a trigger or action without exactly
 * one edge, an end with any, `when` off a decision, `on` off a pass, two edges on one outcome),
 * E_NO_ELSE, E_OUTCOME_UNHANDLED and W_NO_TIMEOUT.
 */
export function checkOutgoing(map: LenientMap): PlacedProblem[] {
  const placed: PlacedProblem[] = [];
  const byId = nodesById(map);
  const outgoing = new Map<LenientNode, LenientEdge[]>();
  for (const edge of map.edges) {
    const source = byId.get(edge.source);
    if (source) add(outgoing, source, edge);
  }
  const onNode = (node: LenientNode, code: ProblemCode, message: string) =>
    placed.push({ position: node.index, problem: problem(code, message, { node: node.id }) });
  const onEdge = (node: LenientNode, edge: LenientEdge, code: ProblemCode, message: string) =>
    placed.push({ position: map.nodeCount + edge.index, problem: problem(code, message, { node: node.id, edge: edge.id }) });

  for (const node of byId.values()) {
    const edges = outgoing.get(node) ?? [];
    const name = describeNode(node);
    const inner = describeNode(node, false);
    switch (node.type) {
      case 'trigger':
      case 'action': {
        const step = node.type === 'trigger' ? 'a trigger' : 'an action';
        if (edges.length === 0) onNode(node, 'E_OUTGOING', `${name} has no outgoing edge, so the ball stops there: connect it to the next step.`);
        if (edges.length > 1) {
          onNode(node, 'E_OUTGOING', `${name} has ${edges.length} outgoing edges (${ids(edges)}) but ${step} hands the ball to exactly one next step: keep one, and add a decision after it to choose between paths.`);
        }
        break;
      }
      case 'end':
        for (const edge of edges) {
          onEdge(node, edge, 'E_OUTGOING', `${name} has an outgoing edge '${edge.id}', but an end closes the case: delete the edge, or use a pass or action if the case goes on.`);
        }
        break;
      case 'decision': {
        const elses = edges.filter((e) => e.raw.when === undefined);
        if (elses.length === 0) {
          onNode(node, 'E_NO_ELSE', `${name} has no else edge, so a mention matching none of its conditions would be dropped: draw one edge without a condition.`);
        } else if (elses.length > 1) {
          onNode(node, 'E_NO_ELSE', `${name} has ${elses.length} edges without a condition (${ids(elses)}) but only one can be the else branch: give the others a condition.`);
        }
        break;
      }
      case 'pass':
        checkPass(node, edges, onNode, onEdge);
        break;
    }
    for (const edge of edges) {
      if (edge.raw.when !== undefined && node.type !== 'decision' && node.type !== undefined) {
        onEdge(node, edge, 'E_OUTGOING', `The edge '${edge.id}' leaving ${inner} has a condition (when), which only edges leaving a decision use: remove it, or put a decision before the branch.`);
      }
      if (edge.raw.on !== undefined && node.type !== 'pass' && node.type !== undefined) {
        onEdge(node, edge, 'E_OUTGOING', `The edge '${edge.id}' leaving ${inner} has an outcome (on), which only edges leaving a pass use: remove it.`);
      }
    }
  }
  return placed;
}

function checkPass(
  node: LenientNode,
  edges: readonly LenientEdge[],
  onNode: (node: LenientNode, code: ProblemCode, message: string) => void,
  onEdge: (node: LenientNode, edge: LenientEdge, code: ProblemCode, message: string) => void,
): void {
  const name = describeNode(node);
  const inner = describeNode(node, false);
  const outcomes = declaredOutcomes(node);
  const choices = joinWords([...(outcomes ?? []), TIMEOUT].map((o) => `'${o}'`));
  const byOutcome = new Map<string, LenientEdge[]>();
  for (const edge of edges) {
    const on = edge.raw.on;
    if (typeof on !== 'string') {
      onEdge(node, edge, 'E_OUTCOME_UNHANDLED', `The edge '${edge.id}' leaving ${inner} says no outcome: set its outcome (on) to ${choices}.`);
      continue;
    }
    add(byOutcome, on, edge);
    if (outcomes && on !== TIMEOUT && !outcomes.includes(on)) {
      onEdge(node, edge, 'E_OUTCOME_UNHANDLED', `The edge '${edge.id}' leaves ${inner} on '${on}', which the pass does not declare: use ${choices}, or add '${on}' to its expected outcomes.`);
    }
  }
  for (const outcome of outcomes ?? []) {
    if (!byOutcome.has(outcome)) {
      onNode(node, 'E_OUTCOME_UNHANDLED', `${name} declares outcome '${outcome}' but no edge leaves on it: draw an edge from its '${outcome}' handle.`);
    }
  }
  for (const [outcome, same] of byOutcome) {
    if (same.length > 1) {
      onNode(node, 'E_OUTGOING', `${name} has ${same.length} edges on '${outcome}' (${ids(same)}), so the ball could go two ways: keep one.`);
    }
  }
  if (!byOutcome.has(TIMEOUT)) {
    const expected = node.raw.expected;
    const within = isJson(expected) && typeof expected.within === 'string' ? ` within ${expected.within}` : '';
    onNode(node, 'W_NO_TIMEOUT', `${name} has no timeout edge: if nobody reports an outcome${within}, the ball sits there for ever. Draw an edge on 'timeout' to escalate.`);
  }
}
