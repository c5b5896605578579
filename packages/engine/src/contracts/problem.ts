import { z } from 'zod';

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

/** One of {@link PROBLEM_CODES}. */
export const problemCodeSchema = z.enum(PROBLEM_CODES);
export type ProblemCode = z.infer<typeof problemCodeSchema>;

/**
 * One mistake in a map or scenario, in plain words that say what to do. `node` / `edge` name
 * the map node or edge it concerns so the designer can show it there.
 */
export const problemSchema = z.object({
  code: problemCodeSchema,
  severity: z.enum(['error', 'warning']),
  node: z.string().optional(),
  edge: z.string().optional(),
  message: z.string(),
});
export type Problem = z.infer<typeof problemSchema>;

/** The answer of `validateMap` / `validateScenario`: `valid` is false when any error exists. */
export const validationResultSchema = z.object({ valid: z.boolean(), problems: z.array(problemSchema) });
export type ValidationResult = z.infer<typeof validationResultSchema>;
