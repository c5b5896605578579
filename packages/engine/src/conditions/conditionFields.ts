import type { ConditionField, ConditionOp } from '../schema/condition.ts';
import type { ConditionFacts } from './facts.ts';

/** What kind of value a condition field holds; it decides which operators make sense. */
export type FieldKind = 'string' | 'number' | 'boolean' | 'tags';

/** How one condition field is read from the facts and which operators it accepts. */
export interface FieldSpec {
  kind: FieldKind;
  /** Reads the field; `undefined` when the mention does not carry it. */
  read: (facts: ConditionFacts) => unknown;
  ops: readonly ConditionOp[];
}

const STRING_OPS = ['eq', 'neq', 'in', 'containsAny', 'containsAll', 'matches', 'exists'] as const;
const NUMBER_OPS = ['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'in', 'exists'] as const;
const BOOLEAN_OPS = ['eq', 'neq', 'in', 'exists'] as const;
const TAG_OPS = ['eq', 'neq', 'in', 'containsAny', 'containsAll', 'matches', 'exists'] as const;

/**
 * The condition fields of docs/maps.md#conditions with their kind, where each is read from
 * {@link ConditionFacts}, and the operators each accepts. Shared by `checkCondition`,
 * `evaluateCondition` and `describeCondition` so the three never disagree.
 */
export const CONDITION_FIELD_SPECS: Readonly<Record<ConditionField, FieldSpec>> = {
  network: { kind: 'string', read: (f) => f.network, ops: STRING_OPS },
  text: { kind: 'string', read: (f) => f.text, ops: STRING_OPS },
  'author.handle': { kind: 'string', read: (f) => f.authorHandle, ops: STRING_OPS },
  'author.followers': { kind: 'number', read: (f) => f.authorFollowers, ops: NUMBER_OPS },
  'author.verified': { kind: 'boolean', read: (f) => f.authorVerified, ops: BOOLEAN_OPS },
  lang: { kind: 'string', read: (f) => f.lang, ops: STRING_OPS },
  sentiment: { kind: 'number', read: (f) => f.sentiment, ops: NUMBER_OPS },
  directedAtBrand: { kind: 'boolean', read: (f) => f.directedAtBrand, ops: BOOLEAN_OPS },
  isQuestion: { kind: 'boolean', read: (f) => f.isQuestion, ops: BOOLEAN_OPS },
  tags: { kind: 'tags', read: (f) => f.tags, ops: TAG_OPS },
  crisis: { kind: 'boolean', read: (f) => f.crisis, ops: BOOLEAN_OPS },
  passCount: { kind: 'number', read: (f) => f.passCount, ops: NUMBER_OPS },
};

/** The spec of a field name, or `undefined` for a name that is not a condition field. */
export function fieldSpec(field: unknown): FieldSpec | undefined {
  return typeof field === 'string' && Object.hasOwn(CONDITION_FIELD_SPECS, field)
    ? CONDITION_FIELD_SPECS[field as ConditionField]
    : undefined;
}
