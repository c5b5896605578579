import type { z } from 'zod';

type Issue = z.core.$ZodIssue;
type Key = PropertyKey;

/** `['nodes', 2, 'expected', 'within']` → `nodes[2].expected.within`. */
export function formatPath(path: readonly Key[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || 'the document';
}

/** Reads the value at a path of an unknown document, without throwing. */
export function valueAt(doc: unknown, path: readonly Key[]): unknown {
  let here = doc;
  for (const key of path) {
    if (typeof here !== 'object' || here === null) return undefined;
    here = (here as Record<Key, unknown>)[key];
  }
  return here;
}

/** Names a JSON value's type in plain words. */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string': return 'text';
    case 'number': return Number.isInteger(value) ? 'a whole number' : 'a number';
    case 'boolean': return 'true/false';
    case 'object': return 'an object';
    default: return typeof value;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false',
  object: 'an object', array: 'a list', record: 'an object', nan: 'a number',
};

function plural(n: number | bigint, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function sizeMessage(issue: Issue & { code: 'too_small' | 'too_big' }): string {
  const small = issue.code === 'too_small';
  const bound = small ? issue.minimum : issue.maximum;
  const atLeast = small ? 'at least' : 'at most';
  switch (issue.origin) {
    case 'array':
    case 'set':
      return small && Number(bound) === 1 ? 'needs at least one item' : `must have ${atLeast} ${plural(bound, 'item')}`;
    case 'string':
      return small && Number(bound) === 1 ? 'must not be empty' : `must be ${atLeast} ${plural(bound, 'character')} long`;
    default:
      if (issue.inclusive === false) return `must be ${small ? 'more' : 'less'} than ${bound}`;
      return `must be ${atLeast} ${bound}`;
  }
}

/** A shape name for a union that failed every option, from where it sits. */
function unionShape(path: readonly Key[]): string {
  const keys = path.filter((k) => typeof k === 'string');
  const last = keys[keys.length - 1];
  if (last === 'do') return 'an effect: { "tag" }, { "notify", "message" }, { "reply" } or { "log" }';
  if (last === 'notify') return 'a recipient: { "team" }, { "member" }, { "webhook": url } or { "email" }';
  if (last === 'responseTime') return 'a duration such as "PT10M", or { "min", "max" } durations';
  if (last === 'when') return 'a condition: { all }, { any }, { not } or { field, op, value }';
  return 'one of the allowed forms';
}

/**
 * Turns one zod issue into a plain sentence naming the path and what to do, e.g.
 * `nodes[2].expected.within: must be an ISO 8601 duration such as PT15M, PT2H or P1D`.
 * `doc` is the document parsed, to say what was found.
 */
export function issueMessage(issue: Issue, doc: unknown): string {
  const where = formatPath(issue.path);
  const found = valueAt(doc, issue.path);
  let what: string;
  switch (issue.code) {
    case 'invalid_type':
      what = found === undefined
        ? `is missing; add ${EXPECTED[issue.expected] ?? issue.expected}`
        : `must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(found)}`;
      break;
    case 'too_small':
    case 'too_big':
      what = sizeMessage(issue);
      break;
    case 'invalid_value':
      what = `must be ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}`;
      break;
    case 'unrecognized_keys':
      what = `has unknown ${issue.keys.length === 1 ? 'key' : 'keys'} ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove ${issue.keys.length === 1 ? 'it' : 'them'} or check the spelling`;
      break;
    case 'invalid_union':
      if (issue.discriminator) {
        const options = (issue as { options?: unknown[] }).options ?? [];
        what = `${found === undefined ? 'is missing' : `${JSON.stringify(found)} is not known`}; use one of ${options.join(', ')}`;
      } else {
        what = `must be ${unionShape(issue.path)}`;
      }
      break;
    case 'invalid_format':
      what = issue.format === 'url'
        ? 'must be a web address starting with http:// or https://'
        : issue.format === 'email'
          ? 'must be an e-mail address such as ana@example.org'
          : /^Invalid/.test(issue.message) ? `is not a valid ${issue.format}` : issue.message;
      break;
    default:
      what = issue.message;
  }
  return `${where}: ${what}`;
}
