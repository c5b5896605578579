/**
 * Problem codes of docs/maps.md#validation, in the order problems are listed: schema first, then the graph
 * from its ids outwards, then conditions, then warnings.
 */
export const PROBLEM_CODES = [
  'E_SCHEMA',
  'E_DUPLICATE_ID',
  'E_NO_TRIGGER',
  'E_DANGLING_EDGE',
  'E_UNKNOWN_TEAM',
  'E_OUTGOING',
  'E_NO_ELSE',
  'E_OUTCOME_UNHANDLED',
  'E_DEAD_END',
  'E_BAD_CONDITION',
  'W_UNREACHABLE',
  'W_NO_TIMEOUT',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/**
 * One mistake in a map or scenario, in plain words that say what to do. `node` / `edge` name
 * the map node or edge it concerns so the designer can show it there.
 */
export interface Problem {
  code: ProblemCode;
  severity: 'error' | 'warning';
  node?: string;
  edge?: string;
  message: string;
}

/** The answer of `validateMap` / `validateScenario`: `valid` is false when any error exists. */
export interface ValidationResult {
  valid: boolean;
  problems: Problem[];
}

/** Where a problem sits in the document, to list problems in document order within a code. */
export interface PlacedProblem {
  problem: Problem;
  /** -1 for the document itself, then nodes in order, then edges in order. */
  position: number;
}

/** Builds a problem; the severity follows from the code (`W_` codes are warnings). */
export function problem(code: ProblemCode, message: string, where: { node?: string | undefined; edge?: string | undefined } = {}): Problem {
  const p: Problem = { code, severity: code.startsWith('W_') ? 'warning' : 'error', message };
  if (where.node !== undefined) p.node = where.node;
  if (where.edge !== undefined) p.edge = where.edge;
  return p;
}

/** Orders problems by code (as in {@link PROBLEM_CODES}), then document position, and answers. */
export function toResult(placed: readonly PlacedProblem[]): ValidationResult {
  const rank = (code: ProblemCode) => PROBLEM_CODES.indexOf(code);
  const problems = placed
    .map((p, i) => ({ ...p, i }))
    .sort((a, b) => rank(a.problem.code) - rank(b.problem.code) || a.position - b.position || a.i - b.i)
    .map((p) => p.problem);
  return { valid: !problems.some((p) => p.severity === 'error'), problems };
}
