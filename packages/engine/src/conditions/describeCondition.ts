import type { Condition, ConditionField, ConditionOp } from '../schema/condition.ts';
import { MAX_CONDITION_DEPTH } from './checkCondition.ts';
import { fieldSpec } from './conditionFields.ts';

/** `1234567` → `1,234,567` without depending on the host's locale data. */
function formatNumber(n: number): string {
  if (!Number.isInteger(n)) return String(n);
  const sign = n < 0 ? '-' : '';
  return sign + String(Math.abs(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function show(value: unknown): string {
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}

/** `a`, `a or b`, `a, b or c`. */
function list(values: unknown, joiner: 'or' | 'and'): string {
  const items = (Array.isArray(values) ? values : [values]).map(show);
  if (items.length <= 1) return items[0] ?? 'nothing';
  return `${items.slice(0, -1).join(', ')} ${joiner} ${items[items.length - 1]}`;
}

const NUMBER_PHRASES: Partial<Record<ConditionOp, string>> = {
  eq: 'exactly', neq: 'other than', gt: 'more than', gte: 'at least', lt: 'fewer than', lte: 'at most', in: 'exactly',
};
const LEVEL_PHRASES: Partial<Record<ConditionOp, string>> = {
  eq: 'is', neq: 'is not', gt: 'is above', gte: 'is at least', lt: 'is below', lte: 'is at most', in: 'is',
};

/** Subjects and yes/no phrasings of each field, in the designer's words. */
const SUBJECTS: Record<ConditionField, string> = {
  network: 'network', text: 'text', 'author.handle': 'author', 'author.followers': 'author',
  'author.verified': 'author', lang: 'language', sentiment: 'sentiment', directedAtBrand: 'mention',
  isQuestion: 'mention', tags: 'case', crisis: 'crisis', passCount: 'case',
};
const YES_NO: Partial<Record<ConditionField, [string, string]>> = {
  'author.verified': ['author is verified', 'author is not verified'],
  directedAtBrand: ['mention is directed at the brand', 'mention is not directed at the brand'],
  isQuestion: ['mention is a question', 'mention is not a question'],
  crisis: ['during a crisis', 'outside a crisis'],
};

function describeBoolean(field: ConditionField, op: ConditionOp, v: unknown): string {
  const [yes, no] = YES_NO[field] ?? [`${field} is true`, `${field} is false`];
  if (op === 'in' && Array.isArray(v)) return v.includes(true) && v.includes(false) ? `${field} is known` : v.includes(true) ? yes : no;
  const positive = (op === 'eq') === (v === true);
  return positive ? yes : no;
}

function describeNumber(field: ConditionField, op: ConditionOp, v: unknown): string {
  const amount = op === 'in' ? list(v, 'or') : show(v);
  if (field === 'author.followers') return `author has ${NUMBER_PHRASES[op] ?? op} ${amount} followers`;
  if (field === 'passCount') {
    return `the case has been passed ${NUMBER_PHRASES[op] ?? op} ${amount} ${v === 1 ? 'time' : 'times'}`;
  }
  return `${SUBJECTS[field]} ${LEVEL_PHRASES[op] ?? op} ${amount}`;
}

function describeText(field: ConditionField, op: ConditionOp, v: unknown): string {
  const subject = field === 'author.handle' ? 'author' : SUBJECTS[field];
  switch (op) {
    case 'eq': return `${subject} is ${show(v)}`;
    case 'neq': return `${subject} is not ${show(v)}`;
    case 'in': return `${subject} is ${list(v, 'or')}`;
    case 'containsAny': return `${field === 'author.handle' ? 'author handle' : subject} mentions ${list(v, 'or')}`;
    case 'containsAll': return `${field === 'author.handle' ? 'author handle' : subject} mentions ${list(v, 'and')}`;
    case 'matches': return `${field === 'author.handle' ? 'author handle' : subject} matches /${show(v)}/`;
    default: return `${field} ${op} ${show(v)}`;
  }
}

function describeTags(op: ConditionOp, v: unknown): string {
  switch (op) {
    case 'eq': return `case is tagged ${show(v)}`;
    case 'neq': return `case is not tagged ${show(v)}`;
    case 'in':
    case 'containsAny': return `case is tagged ${list(v, 'or')}`;
    case 'containsAll': return `case is tagged ${list(v, 'and')}`;
    case 'matches': return `a case tag matches /${show(v)}/`;
    default: return `tags ${op} ${show(v)}`;
  }
}

function describeTest(field: unknown, op: unknown, v: unknown): string {
  const spec = fieldSpec(field);
  if (!spec || typeof op !== 'string' || !spec.ops.includes(op as ConditionOp)) {
    return `${show(field)} ${show(op)}${v === undefined ? '' : ' ' + show(v)}`;
  }
  const f = field as ConditionField;
  const o = op as ConditionOp;
  if (o === 'exists') {
    const present = v !== false;
    if (f === 'tags') return present ? 'case has tags' : 'case has no tags';
    const name = f === 'author.followers' ? "author's follower count" : f === 'author.handle' ? "author's handle" : f === 'author.verified' ? "author's verification" : f === 'lang' ? 'language' : f;
    return `${name} is ${present ? 'known' : 'unknown'}`;
  }
  switch (spec.kind) {
    case 'boolean': return describeBoolean(f, o, v);
    case 'number': return describeNumber(f, o, v);
    case 'string': return describeText(f, o, v);
    case 'tags': return describeTags(o, v);
  }
}

function isGroup(c: unknown): boolean {
  if (typeof c !== 'object' || c === null) return false;
  const items = (c as { all?: unknown; any?: unknown }).all ?? (c as { any?: unknown }).any;
  return Array.isArray(items) && items.length > 1;
}

function describe(c: unknown, depth: number): string {
  if (typeof c !== 'object' || c === null || depth > MAX_CONDITION_DEPTH) return 'an invalid condition';
  const node = c as Record<string, unknown>;
  for (const group of ['all', 'any'] as const) {
    if (group in node) {
      const items = node[group];
      if (!Array.isArray(items)) return 'an invalid condition';
      if (items.length === 0) return group === 'all' ? 'always' : 'never';
      const parts = items.map((item) => {
        const text = describe(item, depth + 1);
        return isGroup(item) ? `(${text})` : text;
      });
      return parts.join(group === 'all' ? ' and ' : ' or ');
    }
  }
  if ('not' in node) return `not (${describe(node.not, depth + 1)})`;
  return describeTest(node.field, node.op, node.value);
}

/**
 * A sentence a map designer can read in place of the condition tree, shown on triggers and
 * decision edges. Describes invalid conditions too, as best it can (never throws).
 *
 * @example
 * describeCondition({ field: 'text', op: 'containsAny', value: ['outage', 'down', 'no signal'] })
 * // 'text mentions outage, down or no signal'
 * describeCondition({ field: 'author.followers', op: 'gte', value: 10000 })
 * // 'author has at least 10,000 followers'
 */
export function describeCondition(condition: Condition): string {
  return describe(condition, 0);
}
