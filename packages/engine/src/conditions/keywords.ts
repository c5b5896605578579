/**
 * Whole-word keyword matching for `containsAny` / `containsAll` (docs/maps.md#conditions).
 *
 * Text is split into tokens: runs of Unicode letters, marks, digits and `_` (an apostrophe inside
 * a word keeps it whole: "don't"), each optionally led by `#` or `@` when that sign starts a word
 * (so "support@acme.com" yields no `@acme`). Scripts written without spaces (Han, Hiragana,
 * Katakana, Thai) give one token per character, so a keyword in them matches inside a sentence.
 * Matching is case-insensitive on NFC-normalised text; accents count ("café" is not "cafe").
 *
 * - a plain keyword matches the word and its hashtag: `outage` matches "Outage" and "#outage",
 *   but not "outages", "download" or the handle "@outage";
 * - `#outage` matches only the hashtag, `@brand` only the handle;
 * - a possessive counts as its word: `acme` matches "Acme's";
 * - a phrase (`no signal`) matches its words in sequence, whatever spaces or punctuation sit
 *   between them ("No signal", "no-signal", "no… signal").
 */

/** One word of a text: its lower-case form, the `#`/`@` that led it, and its possessive-free form. */
export interface Token {
  readonly word: string;
  readonly sign: '' | '#' | '@';
  /** The word without a trailing possessive `'s` / `'`, when it had one. */
  readonly base?: string;
}

/** A tokenised text with an index from `sign + word` to the positions where it occurs. */
interface TokenizedText {
  readonly tokens: readonly Token[];
  readonly at: ReadonlyMap<string, readonly number[]>;
}

const NO_SPACE_SCRIPT = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}`;
const TOKEN_RE = new RegExp(
  String.raw`[#@]?(?:[${NO_SPACE_SCRIPT}]\p{M}*|(?:(?![${NO_SPACE_SCRIPT}])[\p{L}\p{M}\p{N}_])+(?:['’](?:(?![${NO_SPACE_SCRIPT}])[\p{L}\p{M}\p{N}_])+)*)`,
  'gu',
);
const WORD_CHAR_RE = /[\p{L}\p{M}\p{N}_]/u;

/**
 * Splits a text into lower-case tokens (see the module comment for the rules).
 *
 * @example tokenize('Is @Acme DOWN? #outage') // is, @acme, down, #outage
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const source = text.normalize('NFC');
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(source); m !== null; m = TOKEN_RE.exec(source)) {
    let raw = m[0];
    let sign: Token['sign'] = '';
    const first = raw[0];
    if (first === '#' || first === '@') {
      const before = m.index > 0 ? source[m.index - 1] : undefined;
      if (before === undefined || !WORD_CHAR_RE.test(before)) sign = first;
      raw = raw.slice(1);
    }
    const word = raw.toLowerCase().replaceAll('’', "'");
    const base = word.endsWith("'s") ? word.slice(0, -2) : word.endsWith("'") ? word.slice(0, -1) : undefined;
    tokens.push(base ? { word, sign, base } : { word, sign });
  }
  return tokens;
}

const TEXT_CACHE_SIZE = 512;
const textCache = new Map<string, TokenizedText>();

/** Tokenises a text once: the simulator tests the same text against many conditions in a row. */
function tokenized(text: string): TokenizedText {
  const cached = textCache.get(text);
  if (cached) return cached;
  const tokens = tokenize(text);
  const at = new Map<string, number[]>();
  const note = (key: string, i: number) => {
    const list = at.get(key);
    if (list) list.push(i);
    else at.set(key, [i]);
  };
  tokens.forEach((t, i) => {
    note(t.sign + t.word, i);
    if (t.base) note(t.sign + t.base, i);
  });
  const entry = { tokens, at };
  if (textCache.size >= TEXT_CACHE_SIZE) {
    const oldest = textCache.keys().next().value;
    if (oldest !== undefined) textCache.delete(oldest);
  }
  textCache.set(text, entry);
  return entry;
}

/** A keyword list compiled once: each keyword as its token sequence. */
export interface KeywordSet {
  readonly keywords: readonly (readonly Token[])[];
  /** Per keyword, the index keys its first word is looked up under (worked out once). */
  readonly heads: readonly (readonly string[])[];
}

/** A plain first word also matches its hashtag; a signed one only itself. */
function headKeys(keyword: readonly Token[]): string[] {
  const head = keyword[0];
  if (!head) return [];
  return head.sign === '' ? [head.word, '#' + head.word] : [head.sign + head.word];
}

/**
 * Compiles keywords for {@link mentionsAny} / {@link mentionsAll}. A keyword with no word in it
 * (`"!!"`, `""`) never matches; `checkCondition` reports it.
 */
export function compileKeywords(keywords: readonly string[]): KeywordSet {
  const tokenized = keywords.map((k) => tokenize(k));
  return { keywords: tokenized, heads: tokenized.map(headKeys) };
}

function tokenMatches(keyword: Token, token: Token | undefined): boolean {
  if (!token) return false;
  if (keyword.sign === '' ? token.sign === '@' : token.sign !== keyword.sign) return false;
  return token.word === keyword.word || token.base === keyword.word;
}

function startsAt(keyword: readonly Token[], tokens: readonly Token[], i: number): boolean {
  for (let k = 1; k < keyword.length; k++) {
    if (!tokenMatches(keyword[k] as Token, tokens[i + k])) return false;
  }
  return true;
}

function containsKeyword(text: TokenizedText, keyword: readonly Token[], keys: readonly string[]): boolean {
  for (const key of keys) {
    const positions = text.at.get(key);
    if (positions) for (const i of positions) if (startsAt(keyword, text.tokens, i)) return true;
  }
  return false;
}

/**
 * True when the text contains at least one of the keywords as a whole word or phrase.
 *
 * @example mentionsAny('Site is DOWN! #outage', compileKeywords(['down'])) // true
 */
export function mentionsAny(text: string, set: KeywordSet): boolean {
  const t = tokenized(text);
  for (let k = 0; k < set.keywords.length; k++) if (containsKeyword(t, set.keywords[k]!, set.heads[k]!)) return true;
  return false;
}

/** True when the text contains every keyword as a whole word or phrase (and there is at least one). */
export function mentionsAll(text: string, set: KeywordSet): boolean {
  const t = tokenized(text);
  return set.keywords.length > 0 && set.keywords.every((k, i) => containsKeyword(t, k, set.heads[i]!));
}
