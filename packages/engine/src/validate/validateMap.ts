import { checkCondition } from '../conditions/checkCondition.ts';
import { MAP_FORMAT, mapSchema } from '../schema/map.ts';
import { checkFlow } from './checkFlow.ts';
import { checkIds } from './checkIds.ts';
import { checkOutgoing } from './checkOutgoing.ts';
import { checkTeams } from './checkTeams.ts';
import { describeEdge, describeNode } from './describeNode.ts';
import { isJson, lenientMap, listOf, type LenientMap } from './lenientMap.ts';
import { problem, toResult, type PlacedProblem, type ValidationResult } from './problem.ts';
import { issueMessage } from './schemaIssues.ts';

/** The format gate: anything but an object saying it is a Baton map gets this one problem. */
function notAMap(input: unknown): ValidationResult | undefined {
  if (!isJson(input)) {
    const what = Array.isArray(input) ? 'a list' : input === null ? 'null' : typeof input;
    return toResult([{ position: -1, problem: problem('E_SCHEMA', `The document is ${what}, not a Baton map: a map is a JSON object with "format": "${MAP_FORMAT}".`) }]);
  }
  if (input.format === MAP_FORMAT) return undefined;
  const message = input.format === undefined
    ? `format: is missing; a Baton map starts with "format": "${MAP_FORMAT}".`
    : `format: ${JSON.stringify(input.format)} is not a format this version of Baton reads; use "${MAP_FORMAT}".`;
  return toResult([{ position: -1, problem: problem('E_SCHEMA', message) }]);
}

/** Where a schema issue sits: its node or edge (by id when readable) and document position. */
function locate(map: LenientMap, path: readonly PropertyKey[]): { position: number; node?: string; edge?: string } {
  const [list, index] = path;
  if (typeof index !== 'number') return { position: -1 };
  const item = listOf(map.raw[list as string])[index];
  const id = isJson(item) && typeof item.id === 'string' ? item.id : undefined;
  if (list === 'nodes') return { position: index, node: id };
  if (list === 'edges') return { position: map.nodeCount + index, edge: id };
  return { position: -1 };
}

/** True for a path inside a present `when`: those are judged by checkCondition (E_BAD_CONDITION). */
function insideCondition(map: LenientMap, path: readonly PropertyKey[]): boolean {
  const [list, index, key] = path;
  if ((list !== 'nodes' && list !== 'edges') || typeof index !== 'number' || key !== 'when') return false;
  const item = listOf(map.raw[list])[index];
  return isJson(item) && item.when !== undefined;
}

/**
 * The document with every present `when` replaced by a trivial condition: conditions are checked
 * by checkCondition, and this keeps the schema parser out of arbitrarily deep condition trees.
 */
function withoutConditions(input: Record<string, unknown>): Record<string, unknown> {
  const stub = (item: unknown) => (isJson(item) && item.when !== undefined ? { ...item, when: { all: [] } } : item);
  const copy = { ...input };
  if (Array.isArray(input.nodes)) copy.nodes = input.nodes.map(stub);
  if (Array.isArray(input.edges)) copy.edges = input.edges.map(stub);
  return copy;
}

function schemaProblems(input: Record<string, unknown>, map: LenientMap): PlacedProblem[] {
  let issues;
  try {
    const parsed = mapSchema.safeParse(withoutConditions(input));
    if (parsed.success) return [];
    issues = parsed.error.issues;
  } catch {
    // Only a pathological document (say, nested thousands deep) makes the parser itself fail.
    return [{ position: -1, problem: problem('E_SCHEMA', 'The document is nested too deeply to read: simplify it.') }];
  }
  return issues
    .filter((issue) => !insideCondition(map, issue.path))
    .map((issue) => {
      const { position, node, edge } = locate(map, issue.path);
      return { position, problem: problem('E_SCHEMA', issueMessage(issue, input), { node, edge }) };
    });
}

function conditionProblems(map: LenientMap): PlacedProblem[] {
  const placed: PlacedProblem[] = [];
  for (const node of map.nodes) {
    if (node.type !== 'trigger' || node.raw.when === undefined) continue;
    for (const p of checkCondition(node.raw.when, 'when')) {
      placed.push({
        position: node.index,
        problem: problem('E_BAD_CONDITION', `${describeNode(node)}: ${p.path}: ${p.message}.`, { node: node.id }),
      });
    }
  }
  for (const edge of map.edges) {
    if (edge.raw.when === undefined) continue;
    const name = describeEdge(edge);
    for (const p of checkCondition(edge.raw.when, 'when')) {
      placed.push({
        position: map.nodeCount + edge.index,
        problem: problem('E_BAD_CONDITION', `${name[0]?.toUpperCase()}${name.slice(1)}: ${p.path}: ${p.message}.`, { edge: edge.id }),
      });
    }
  }
  return placed;
}

/**
 * Checks a handoff map (docs/maps.md#validation) and lists every problem at once, errors and warnings, ordered
 * by code (as in `PROBLEM_CODES`) then by place in the document. A map with malformed parts still
 * has its graph checked: the schema check reports what does not fit, and the graph checks read
 * whatever nodes (string id) and edges (string id, source and target) they can.
 *
 * Accepts any value and never throws.
 *
 * @example
 * const { valid, problems } = validateMap(JSON.parse(text));
 * // problems: [{ code: 'E_OUTCOME_UNHANDLED', severity: 'error', node: 'care',
 * //   message: "Pass 'care' declares outcome 'escalate' but no edge leaves on it: …" }]
 */
export function validateMap(input: unknown): ValidationResult {
  const gate = notAMap(input);
  if (gate) return gate;
  const raw = input as Record<string, unknown>;
  const map = lenientMap(raw);
  return toResult([
    ...schemaProblems(raw, map),
    ...checkIds(map),
    ...checkTeams(map),
    ...checkOutgoing(map),
    ...checkFlow(map),
    ...conditionProblems(map),
  ]);
}
