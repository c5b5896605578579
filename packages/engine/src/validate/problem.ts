import { PROBLEM_CODES, type Problem, type ProblemCode, type ValidationResult } from '../contracts/problem.ts';

export { PROBLEM_CODES };
export type { Problem, ProblemCode, ValidationResult };

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
