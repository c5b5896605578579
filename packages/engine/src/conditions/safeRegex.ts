import { RE2JS } from 're2js';

/** Longest pattern accepted: a condition is a rule a person writes, not a word list. */
export const MAX_PATTERN_LENGTH = 1000;

/** A pattern compiled for `matches`, or the reason it cannot be used. */
export type SafeRegex =
  | { ok: true; test: (text: string) => boolean }
  | { ok: false; message: string };

const CACHE_SIZE = 500;
const cache = new Map<string, SafeRegex>();

function explain(pattern: string, error: unknown): string {
  const fix = 'write the pattern without it (RE2 syntax runs in linear time on any text)';
  if (/\(\?<[=!]/.test(pattern)) return `lookbehind is not supported; ${fix}`;
  if (/\(\?[=!]/.test(pattern)) return `lookahead is not supported; ${fix}`;
  if (/\\[1-9]|\\k</.test(pattern)) return `backreferences such as \\1 are not supported; ${fix}`;
  const detail = error instanceof Error ? error.message.replace(/^error parsing regexp: /, '') : String(error);
  return `is not a valid regular expression (${detail}); check brackets, parentheses and escapes`;
}

function guardedTest(re: RE2JS, text: string): boolean {
  try {
    return re.test(text);
  } catch {
    // RE2 has no runtime failure mode we know of; a condition must still never throw.
    return false;
  }
}

/**
 * Compiles a `matches` pattern with RE2 (re2js), which runs in time linear in the text, so no
 * pattern can hang the engine with catastrophic backtracking. RE2 syntax: no lookaround, no
 * backreferences (those are refused with a plain message).
 *
 * Matching is a search anywhere in the text (anchor with `^`/`$` to match the whole text) and is
 * case-sensitive as written, like a JavaScript RegExp; start the pattern with `(?i)` to ignore
 * case. Patterns are compiled once and cached.
 *
 * @example safeRegex('(?i)order #?\\d{5,}') // { ok: true, test }
 * @example safeRegex('(?=x)y') // { ok: false, message: 'lookahead is not supported; …' }
 */
export function safeRegex(pattern: string): SafeRegex {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let result: SafeRegex;
  if (pattern.length > MAX_PATTERN_LENGTH) {
    result = { ok: false, message: `is longer than ${MAX_PATTERN_LENGTH} characters; shorten it or use containsAny with a word list` };
  } else {
    try {
      const re = RE2JS.compile(pattern);
      result = { ok: true, test: (text) => guardedTest(re, text) };
    } catch (error) {
      result = { ok: false, message: explain(pattern, error) };
    }
  }
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(pattern, result);
  return result;
}
