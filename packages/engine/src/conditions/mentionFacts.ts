import Sentiment from 'sentiment';
import type { Mention } from '../schema/mention.ts';
import type { MentionFacts } from './facts.ts';
import { compileKeywords, mentionsAny } from './keywords.ts';

const analyser = new Sentiment();

/**
 * Squashes an AFINN sum into [-1, 1] the way VADER does: `score / sqrt(score² + 15)`. A single
 * strongly worded word (±3) gives about ±0.6, three of them about ±0.9; unlike dividing by the
 * word count, a long calm post with one angry sentence still reads as negative.
 */
const ALPHA = 15;

/**
 * Sentiment of a text in [-1, 1] from the AFINN lexicon (`sentiment` package, English),
 * rounded to 3 decimals so output is stable. Text in other languages mostly scores 0.
 */
export function textSentiment(text: string): number {
  const score = analyser.analyze(text).score;
  if (!Number.isFinite(score) || score === 0) return 0;
  return Math.round((score / Math.sqrt(score * score + ALPHA)) * 1000) / 1000;
}

/**
 * Phrases that ask for help without a question mark. Matched as whole words, any case,
 * in sequence ("Can anyone help, my bill doubled" is a question).
 */
export const HELP_REQUEST_PHRASES = [
  'can anyone help', 'can someone help', 'can somebody help', 'can you help', 'could you help',
  'could anyone help', 'could someone help', 'how do i', 'how can i', 'how do you', 'anyone know',
  'does anybody know', 'please help', 'pls help', 'plz help', 'need help', 'needs help',
  'is there a way', 'any idea', 'any ideas', 'what should i do', 'who do i contact',
  // Plain requests people post without a question mark (see the table in mentionFacts.test.ts).
  'help me', 'someone help', 'somebody help', 'anyone help', 'anybody help', 'i need help', 'help needed', 'help please',
  'anyone tell me', 'someone tell me', 'anybody tell me', 'can anyone', 'can anybody', 'can someone', 'does anyone know',
  'anybody know', 'someone know', 'tell me how', 'show me how', 'where do i', 'where can i', 'what do i do',
  'is anyone else', 'anyone else having', 'anyone else getting', 'why does my', 'why is my', 'why cant i', "why can't i",
] as const;
const helpRequests = compileKeywords(HELP_REQUEST_PHRASES);

/** Question marks in Latin, full-width (CJK), Spanish opening, Arabic and Greek scripts. */
const QUESTION_MARK_RE = /[?\uFF1F\u00BF\u061F\u037E]/u;
const URL_RE = /\bhttps?:\/\/\S+/giu;

/**
 * True when a text asks something: it has a question mark (outside links, whose `?` starts a
 * query string) or it contains one of {@link HELP_REQUEST_PHRASES}.
 *
 * @example isQuestion('@AcmeTelecom is the network DOWN again?') // true
 * @example isQuestion('Anyone know why my router keeps blinking red') // true
 */
export function isQuestion(text: string): boolean {
  return QUESTION_MARK_RE.test(text.replace(URL_RE, ' ')) || mentionsAny(text, helpRequests);
}

/**
 * What the text alone says, remembered for the texts seen last: a simulation's generated
 * mentions repeat a handful of texts, and sentiment scoring is most of the cost of the facts.
 * Bounded (cleared when full), so a stream of unique texts costs one map entry each, no more.
 */
const readings = new Map<string, { sentiment: number | undefined; isQuestion: boolean }>();
const MAX_READINGS = 1024;

/**
 * What conditions can see of a mention (docs/mentions.md): its fields flattened, `sentiment` taken from
 * the mention or computed with {@link textSentiment}, and `isQuestion` derived with
 * {@link isQuestion}. Plain JSON: absent optional fields stay absent.
 */
export function mentionFacts(mention: Mention): MentionFacts {
  const text = mention.text;
  let read = readings.get(text);
  if (read === undefined) {
    read = { sentiment: undefined, isQuestion: isQuestion(text) };
    if (readings.size >= MAX_READINGS) readings.clear();
    readings.set(text, read);
  }
  const facts: MentionFacts = {
    network: mention.network,
    text,
    authorHandle: mention.author.handle,
    sentiment: typeof mention.sentiment === 'number' ? mention.sentiment : (read.sentiment ??= textSentiment(text)),
    isQuestion: read.isQuestion,
  };
  if (mention.author.followers !== undefined) facts.authorFollowers = mention.author.followers;
  if (mention.author.verified !== undefined) facts.authorVerified = mention.author.verified;
  if (mention.lang !== undefined) facts.lang = mention.lang;
  if (mention.directedAtBrand !== undefined) facts.directedAtBrand = mention.directedAtBrand;
  if (mention.brand !== undefined) facts.brand = mention.brand;
  return facts;
}
