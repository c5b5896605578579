import { safeRegex } from '@baton/engine';

/** A `matches` pattern in a map that cannot be run safely, and where it is. */
export interface UnsafePattern {
  node?: string;
  edge?: string;
  pattern: string;
  message: string;
}

/**
 * Every `matches` regular expression in a map document's trigger and edge conditions that the
 * engine's RE2 matcher refuses (lookaround, backreferences, over-long or malformed patterns).
 * Saving a draft runs this even though a draft may otherwise be unfinished: a pattern that could
 * hang a matcher never reaches the database. Reads any JSON without throwing.
 * @example unsafePatterns({ nodes: [{ id: 't', when: { field: 'text', op: 'matches', value: '(a+)+\\1' } }] })
 * // [{ node: 't', pattern: '(a+)+\\1', message: 'backreferences such as \\1 are not supported; …' }]
 */
export function unsafePatterns(document: Record<string, unknown>): UnsafePattern[] {
  const found: UnsafePattern[] = [];
  const visit = (cond: unknown, where: { node?: string; edge?: string }, depth: number): void => {
    if (depth > 64 || cond === null || typeof cond !== 'object') return;
    if (Array.isArray(cond)) {
      for (const c of cond) visit(c, where, depth + 1);
      return;
    }
    const c = cond as Record<string, unknown>;
    if (c.op === 'matches') {
      const pattern = c.value;
      if (typeof pattern !== 'string') found.push({ ...where, pattern: String(pattern), message: 'a matches condition needs a pattern string' });
      else {
        const re = safeRegex(pattern);
        if (!re.ok) found.push({ ...where, pattern: pattern.slice(0, 200), message: `/${pattern.slice(0, 80)}/ ${re.message}` });
      }
    }
    visit(c.all, where, depth + 1);
    visit(c.any, where, depth + 1);
    visit(c.not, where, depth + 1);
  };
  const list = (v: unknown) => (Array.isArray(v) ? v : []);
  for (const n of list(document.nodes)) {
    if (n && typeof n === 'object') visit((n as { when?: unknown }).when, { node: String((n as { id?: unknown }).id) }, 0);
  }
  for (const e of list(document.edges)) {
    if (e && typeof e === 'object') visit((e as { when?: unknown }).when, { edge: String((e as { id?: unknown }).id) }, 0);
  }
  return found;
}
