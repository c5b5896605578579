import { z } from 'zod';

/** Fields a condition can test (docs/maps.md#conditions). */
export const CONDITION_FIELDS = [
  'network', 'text', 'author.handle', 'author.followers', 'author.verified', 'lang',
  'sentiment', 'directedAtBrand', 'isQuestion', 'tags', 'crisis', 'passCount',
] as const;
export type ConditionField = (typeof CONDITION_FIELDS)[number];

/** Comparison operators (docs/maps.md#conditions). */
export const CONDITION_OPS = [
  'eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'containsAny', 'containsAll', 'matches', 'exists',
] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

/** A single test of one field. */
export interface FieldTest {
  field: string;
  op: string;
  value?: unknown;
}

/**
 * A condition tree. The schema only checks the shape; whether a field, operator and value make
 * sense together is checked by `checkCondition` so that a map with a malformed condition still
 * gets its graph checked (E_BAD_CONDITION rather than E_SCHEMA).
 */
export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | FieldTest;

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema).max(200) }).strict(),
    z.object({ any: z.array(conditionSchema).max(200) }).strict(),
    z.object({ not: conditionSchema }).strict(),
    z.object({ field: z.string().max(64), op: z.string().max(32), value: z.unknown().optional() }).strict(),
  ]),
);
