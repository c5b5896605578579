import type { Condition, ConditionField, ConditionOp } from '../schema/condition.ts';
import { checkCondition } from './checkCondition.ts';
import { CONDITION_FIELD_SPECS, type FieldSpec } from './conditionFields.ts';
import type { ConditionFacts } from './facts.ts';
import { compileKeywords, mentionsAll, mentionsAny } from './keywords.ts';
import { safeRegex } from './safeRegex.ts';

type Test = (facts: ConditionFacts) => boolean;
type Value = (facts: ConditionFacts) => unknown;

const never: Test = () => false;
const compiled = new WeakMap<object, Test>();

/** Case-insensitive, and `@ana` is the same handle as `ana`. */
function normalise(field: ConditionField, text: string): string {
  const lower = text.normalize('NFC').toLowerCase();
  return field === 'author.handle' && lower.startsWith('@') ? lower.slice(1) : lower;
}

/** Compares two normalised strings; for `lang`, `en` also matches `en-GB` (its primary subtag). */
function sameText(field: ConditionField, actual: string, wanted: string): boolean {
  if (actual === wanted) return true;
  return field === 'lang' && !wanted.includes('-') && actual.split('-')[0] === wanted;
}

function stringTest(field: ConditionField, op: ConditionOp, value: unknown, read: Value): Test {
  const text = (f: ConditionFacts) => {
    const v = read(f);
    return typeof v === 'string' ? v : undefined;
  };
  const wanted = (Array.isArray(value) ? value : [value]).map((v) => normalise(field, String(v)));
  const equals = (f: ConditionFacts) => {
    const v = text(f);
    if (v === undefined) return undefined;
    const actual = normalise(field, v);
    return wanted.some((w) => sameText(field, actual, w));
  };
  switch (op) {
    case 'eq':
    case 'in':
      return (f) => equals(f) === true;
    case 'neq':
      return (f) => equals(f) === false;
    case 'containsAny': {
      const keywords = compileKeywords(value as string[]);
      return (f) => {
        const v = text(f);
        return v !== undefined && mentionsAny(v, keywords);
      };
    }
    case 'containsAll': {
      const keywords = compileKeywords(value as string[]);
      return (f) => {
        const v = text(f);
        return v !== undefined && mentionsAll(v, keywords);
      };
    }
    case 'matches': {
      const regex = safeRegex(value as string);
      if (!regex.ok) return never;
      return (f) => {
        const v = text(f);
        return v !== undefined && regex.test(v);
      };
    }
    default:
      return never;
  }
}

function numberTest(op: ConditionOp, value: unknown, read: Value): Test {
  const num = (f: ConditionFacts) => {
    const v = read(f);
    return typeof v === 'number' && !Number.isNaN(v) ? v : undefined;
  };
  const n = value as number;
  const compare = (holds: (v: number) => boolean): Test => (f) => {
    const v = num(f);
    return v !== undefined && holds(v);
  };
  switch (op) {
    case 'eq': return compare((v) => v === n);
    case 'neq': return compare((v) => v !== n);
    case 'gt': return compare((v) => v > n);
    case 'gte': return compare((v) => v >= n);
    case 'lt': return compare((v) => v < n);
    case 'lte': return compare((v) => v <= n);
    case 'in': return compare((v) => (value as number[]).includes(v));
    default: return never;
  }
}

function booleanTest(op: ConditionOp, value: unknown, read: Value): Test {
  switch (op) {
    case 'eq': return (f) => read(f) === value;
    case 'neq': return (f) => typeof read(f) === 'boolean' && read(f) !== value;
    case 'in': return (f) => (value as unknown[]).includes(read(f));
    default: return never;
  }
}

function tagTest(op: ConditionOp, value: unknown, read: Value): Test {
  const tags = (f: ConditionFacts): string[] => {
    const v = read(f);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string').map((t) => t.toLowerCase()) : [];
  };
  if (op === 'matches') {
    const regex = safeRegex(value as string);
    return regex.ok ? (f) => tags(f).some((t) => regex.test(t)) : never;
  }
  const wanted = (Array.isArray(value) ? value : [value]).map((v) => String(v).toLowerCase());
  switch (op) {
    case 'eq':
    case 'in':
    case 'containsAny':
      return (f) => tags(f).some((t) => wanted.includes(t));
    case 'neq':
      return (f) => !tags(f).some((t) => wanted.includes(t));
    case 'containsAll':
      return (f) => {
        const have = tags(f);
        return wanted.every((w) => have.includes(w));
      };
    default:
      return never;
  }
}

function present(spec: FieldSpec, v: unknown): boolean {
  switch (spec.kind) {
    case 'string': return typeof v === 'string' && v.trim() !== '';
    case 'number': return typeof v === 'number' && !Number.isNaN(v);
    case 'boolean': return typeof v === 'boolean';
    case 'tags': return Array.isArray(v) && v.length > 0;
  }
}

function fieldTest(field: ConditionField, op: ConditionOp, value: unknown): Test {
  const spec = CONDITION_FIELD_SPECS[field];
  const read: Value = (f) => spec.read(f);
  if (op === 'exists') {
    const wanted = value !== false;
    return (f) => present(spec, read(f)) === wanted;
  }
  switch (spec.kind) {
    case 'string': return stringTest(field, op, value, read);
    case 'number': return numberTest(op, value, read);
    case 'boolean': return booleanTest(op, value, read);
    case 'tags': return tagTest(op, value, read);
  }
}

/** Builds the test of a condition already known to be valid. */
function build(condition: Condition): Test {
  if ('all' in condition) {
    const parts = condition.all.map(build);
    return (f) => parts.every((p) => p(f));
  }
  if ('any' in condition) {
    const parts = condition.any.map(build);
    return (f) => parts.some((p) => p(f));
  }
  if ('not' in condition) {
    const inner = build(condition.not);
    return (f) => !inner(f);
  }
  return fieldTest(condition.field as ConditionField, condition.op as ConditionOp, condition.value);
}

/**
 * Tests a mention's and case's facts against a condition (docs/maps.md#conditions).
 *
 * - Strings compare case-insensitively (`eq`, `neq`, `in`); a handle ignores a leading `@`;
 *   `lang eq "en"` also holds for `en-GB`.
 * - `containsAny` / `containsAll` on text match whole words and phrases (see `keywords.ts`); on
 *   `tags` they test membership, case-insensitively. On `tags`, `eq`/`in` mean "has the tag" and
 *   `neq` "does not have it"; `matches` holds when any tag matches.
 * - `matches` searches with RE2 (see `safeRegex.ts`): case-sensitive unless the pattern starts
 *   with `(?i)`.
 * - A field the mention lacks (no follower count, no language) makes every comparison false,
 *   `neq` included; only `exists` sees it. `exists` means present and, for text, not blank; for
 *   tags, at least one tag.
 * - `{ all: [] }` is true, `{ any: [] }` false.
 *
 * Never throws: a condition `checkCondition` rejects evaluates to false as a whole. Each
 * condition object is compiled once into a closure and cached, so keep and reuse the objects.
 *
 * @example
 * evaluateCondition({ field: 'text', op: 'containsAny', value: ['outage', 'down'] }, facts)
 */
export function evaluateCondition(condition: Condition, facts: ConditionFacts): boolean {
  if (typeof condition !== 'object' || condition === null) return false;
  let test = compiled.get(condition);
  if (!test) {
    test = checkCondition(condition).length === 0 ? build(condition) : never;
    compiled.set(condition, test);
  }
  try {
    return test(facts);
  } catch {
    // Facts not shaped as ConditionFacts (e.g. null): the condition cannot hold.
    return false;
  }
}
