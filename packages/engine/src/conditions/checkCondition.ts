import { CONDITION_FIELDS, CONDITION_OPS, type ConditionOp } from '../schema/condition.ts';
import { NETWORKS } from '../schema/mention.ts';
import { fieldSpec, type FieldKind } from './conditionFields.ts';
import { tokenize } from './keywords.ts';
import { safeRegex } from './safeRegex.ts';

/** One thing wrong with a condition: where (`when.all[1].value`) and what to do about it. */
export interface ConditionProblem {
  path: string;
  message: string;
}

/** Deepest nesting of all/any/not accepted; deeper trees are refused rather than recursed into. */
export const MAX_CONDITION_DEPTH = 32;

const COMPARISONS: readonly ConditionOp[] = ['gt', 'gte', 'lt', 'lte'];
const SHAPES = '{ all: [...] }, { any: [...] }, { not: {...} } or { field, op, value }';
const KIND_WORDS: Record<FieldKind, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  tags: 'a list of tags',
};

/** Names a JSON value's type in plain words, for messages. */
function typeOf(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + '…' : value)}`;
  if (typeof value === 'number') return Number.isFinite(value) ? `the number ${value}` : 'a number that is not finite';
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : typeof value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one element against the field's kind; returns a message or undefined. */
function checkScalar(kind: FieldKind, field: string, value: unknown): string | undefined {
  switch (kind) {
    case 'string':
    case 'tags':
      if (typeof value !== 'string') return `needs text, got ${typeOf(value)}`;
      if (field === 'network' && !(NETWORKS as readonly string[]).includes(value.toLowerCase())) {
        return `"${value}" is not a network; use one of ${NETWORKS.join(', ')}`;
      }
      return undefined;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value)) return `needs a number, got ${typeOf(value)}`;
      if (field === 'sentiment' && (value < -1 || value > 1)) {
        return `sentiment runs from -1 (negative) to 1 (positive); ${value} is outside it`;
      }
      return undefined;
    case 'boolean':
      return typeof value === 'boolean' ? undefined : `needs true or false, got ${typeOf(value)}`;
  }
}

function checkValue(field: string, kind: FieldKind, op: ConditionOp, value: unknown, at: string): ConditionProblem[] {
  const problem = (message: string, path = at): ConditionProblem[] => [{ path, message }];
  switch (op) {
    case 'exists':
      return value === undefined || typeof value === 'boolean'
        ? []
        : problem(`exists takes true (the field is present) or false (it is absent), got ${typeOf(value)}`);
    case 'eq':
    case 'neq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const message = checkScalar(kind, field, value);
      return message ? problem(`${field} ${op} ${message}`) : [];
    }
    case 'matches': {
      if (typeof value !== 'string' || value === '') {
        return problem(`matches needs a regular expression as text, got ${typeOf(value)}`);
      }
      const compiled = safeRegex(value);
      return compiled.ok ? [] : problem(`the pattern ${compiled.message}`);
    }
    case 'in':
    case 'containsAny':
    case 'containsAll': {
      if (!Array.isArray(value) || value.length === 0) {
        const example = kind === 'number' ? '[1, 2]' : kind === 'boolean' ? '[true]' : '["outage", "no signal"]';
        return problem(`${op} needs a non-empty list such as ${example}, got ${typeOf(value)}`);
      }
      const problems: ConditionProblem[] = [];
      value.forEach((item, i) => {
        const itemKind = op === 'in' ? kind : 'string';
        const message = checkScalar(itemKind, field, item);
        if (message) problems.push({ path: `${at}[${i}]`, message: `${op} ${message}` });
        else if (op !== 'in' && kind === 'string' && tokenize(item as string).length === 0) {
          problems.push({ path: `${at}[${i}]`, message: `"${item}" has no word in it, so it can never match; use letters or digits` });
        } else if (typeof item === 'string' && item.trim() === '') {
          problems.push({ path: `${at}[${i}]`, message: 'is empty; remove it or write a word' });
        }
      });
      return problems;
    }
  }
}

function checkTest(node: Record<string, unknown>, path: string): ConditionProblem[] {
  const problems: ConditionProblem[] = [];
  for (const key of Object.keys(node)) {
    if (key !== 'field' && key !== 'op' && key !== 'value') {
      problems.push({ path: `${path}.${key}`, message: `unknown key "${key}"; a test has only field, op and value` });
    }
  }
  const { field, op, value } = node;
  const spec = fieldSpec(field);
  if (!spec) {
    problems.push({
      path: `${path}.field`,
      message: `${field === undefined ? 'field is missing' : `unknown field ${typeOf(field).replace(/^the text /, '')}`}; use one of ${CONDITION_FIELDS.join(', ')}`,
    });
  }
  if (typeof op !== 'string' || !(CONDITION_OPS as readonly string[]).includes(op)) {
    problems.push({
      path: `${path}.op`,
      message: `${op === undefined ? 'op is missing' : `unknown operator ${typeOf(op).replace(/^the text /, '')}`}; use one of ${CONDITION_OPS.join(', ')}`,
    });
    return problems;
  }
  if (!spec) return problems;
  const knownOp = op as ConditionOp;
  const fieldName = field as string;
  if (!spec.ops.includes(knownOp)) {
    const hint = COMPARISONS.includes(knownOp) ? ' (only numbers can be greater or less)' : '';
    problems.push({
      path: `${path}.op`,
      message: `${op} does not apply to ${fieldName}, which holds ${KIND_WORDS[spec.kind]}${hint}; use one of ${spec.ops.join(', ')}`,
    });
    return problems;
  }
  problems.push(...checkValue(fieldName, spec.kind, knownOp, value, `${path}.value`));
  return problems;
}

function check(node: unknown, path: string, depth: number): ConditionProblem[] {
  if (depth > MAX_CONDITION_DEPTH) {
    return [{ path, message: `is nested more than ${MAX_CONDITION_DEPTH} levels deep; simplify the condition` }];
  }
  if (!isRecord(node)) return [{ path, message: `must be a condition: ${SHAPES}, got ${typeOf(node)}` }];
  const group = 'all' in node ? 'all' : 'any' in node ? 'any' : 'not' in node ? 'not' : undefined;
  if (!group) {
    if ('field' in node || 'op' in node) return checkTest(node, path);
    return [{ path, message: `must be a condition: ${SHAPES}` }];
  }
  const problems: ConditionProblem[] = [];
  for (const key of Object.keys(node)) {
    if (key !== group) {
      problems.push({ path: `${path}.${key}`, message: `unexpected key "${key}" beside "${group}"; put each condition in its own object` });
    }
  }
  const inner = node[group];
  if (group === 'not') return [...problems, ...check(inner, `${path}.not`, depth + 1)];
  if (!Array.isArray(inner)) {
    return [...problems, { path: `${path}.${group}`, message: `${group} needs a list of conditions, got ${typeOf(inner)}` }];
  }
  if (group === 'any' && inner.length === 0) {
    problems.push({ path: `${path}.any`, message: 'any of no conditions is never true; add a condition or remove the group' });
  }
  inner.forEach((child, i) => problems.push(...check(child, `${path}.${group}[${i}]`, depth + 1)));
  return problems;
}

/**
 * Checks that a condition makes sense (docs/maps.md#conditions): known fields and operators, an operator that
 * fits the field, a value of the right type, a regular expression RE2 can run. Accepts any value
 * (it never throws) so a half-written map can still be checked. `path` names the root in the
 * returned paths.
 *
 * @example
 * checkCondition({ field: 'author.followers', op: 'gt', value: '10k' })
 * // [{ path: 'when.value', message: 'author.followers gt needs a number, got the text "10k"' }]
 */
export function checkCondition(condition: unknown, path = 'when'): ConditionProblem[] {
  return check(condition, path, 0);
}
