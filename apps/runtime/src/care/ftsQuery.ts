/**
 * Turns what a person typed into an FTS5 query that cannot be a syntax error: each word becomes a
 * quoted term (all must match, in any order), a word in double quotes keeps its phrase, and the
 * last word also matches as a prefix (`refun` finds "refund"). Punctuation only separates words,
 * so `NEAR(`, `*` or a stray quote never reach FTS5 as syntax. Empty when there is no word at all.
 * @example ftsQuery('broken "order number" refun') // '"broken" "order number" "refun"*'
 */
export function ftsQuery(text: string): string {
  const terms: string[] = [];
  const words = (s: string) => s.split(/[^\p{L}\p{N}_]+/u).filter(Boolean);
  const parts = text.split('"');
  parts.forEach((part, i) => {
    if (i % 2 === 1 && i < parts.length - 1) {
      const phrase = words(part);
      if (phrase.length) terms.push(`"${phrase.join(' ')}"`);
    } else {
      for (const w of words(part)) terms.push(`"${w}"`);
    }
  });
  if (!terms.length) return '';
  const last = terms.length - 1;
  // A prefix of one or two letters would match half the index: those stay whole words (the quotes count 2).
  if (!terms[last]!.includes(' ') && terms[last]!.length >= 5) terms[last] = `${terms[last]}*`;
  return terms.join(' ');
}
