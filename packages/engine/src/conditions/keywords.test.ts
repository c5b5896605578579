import { describe, expect, it } from 'vitest';
import { compileKeywords, mentionsAll, mentionsAny, tokenize } from './keywords.ts';


const any = (text: string, ...keywords: string[]) => mentionsAny(text, compileKeywords(keywords));
const all = (text: string, ...keywords: string[]) => mentionsAll(text, compileKeywords(keywords));
const complaint = '@AcmeTelecom is the network DOWN again? no signal since 9am #outage';

describe('whole-word keyword matching', () => {
  it('matches a word in any case but not inside another word', () => {
    expect(any('Site is DOWN!', 'down')).toBe(true);
    expect(any('The download page is slow', 'down')).toBe(false);
    expect(any('Outages everywhere', 'outage')).toBe(false);
    expect(any(complaint, 'down')).toBe(true);
  });

  it('lets a plain keyword match its hashtag, and a #tag or @handle only that token', () => {
    expect(any('Another #Outage in Leeds', 'outage')).toBe(true);
    expect(any('Another #Outage in Leeds', '#outage')).toBe(true);
    expect(any('Another outage in Leeds', '#outage')).toBe(false);
    expect(any(complaint, '@acmetelecom')).toBe(true);
    expect(any('acmetelecom customer here', '@acmetelecom')).toBe(false);
    expect(any('thanks @outage for the heads-up', 'outage')).toBe(false);
  });

  it('does not read an e-mail address as a handle', () => {
    expect(any('write to support@acme.com', '@acme')).toBe(false);
    expect(any('write to support@acme.com', 'acme')).toBe(true);
  });

  it('matches phrases across spaces and punctuation, in order', () => {
    expect(any(complaint, 'no signal')).toBe(true);
    expect(any('NO-SIGNAL since this morning', 'no signal')).toBe(true);
    expect(any('No…   signal', 'no signal')).toBe(true);
    expect(any('signal: no', 'no signal')).toBe(false);
    expect(any('no mobile signal', 'no signal')).toBe(false);
    expect(any('my wi-fi is dead', 'wi-fi')).toBe(true);
  });

  it('treats Unicode letters as word characters', () => {
    expect(any('Le réseau est en panne à Montréal', 'réseau')).toBe(true);
    expect(any('Le réseau est en panne', 'seau')).toBe(false);
    expect(any('Störung in München!', 'störung')).toBe(true);
    expect(any('STÖRUNG', 'störung')).toBe(true);
    expect(any('Funkstörung', 'störung')).toBe(false);
  });

  it('finds words in scripts written without spaces', () => {
    expect(any('今天又停电了，怎么回事？', '停电')).toBe(true);
    expect(any('今天又停电了', '停水')).toBe(false);
    expect(any('#停电 again', '停电')).toBe(true);
  });

  it('counts a possessive as its word and keeps contractions whole', () => {
    expect(any("Acme's network is a joke", 'acme')).toBe(true);
    expect(any('Acme’s network is a joke', "acme's")).toBe(true);
    expect(any("I can't log in", 'can')).toBe(false);
    expect(any("I can’t log in", "can't")).toBe(true);
  });

  it('needs every keyword for containsAll', () => {
    expect(all(complaint, 'network', 'down')).toBe(true);
    expect(all(complaint, 'network', 'refund')).toBe(false);
    expect(all(complaint)).toBe(false);
  });

  it('never matches a keyword without words', () => {
    expect(any('!!!', '!!!')).toBe(false);
    expect(any('', '')).toBe(false);
  });

  it('tokenises signs, case and possessives', () => {
    expect(tokenize("Is @Acme DOWN? #outage Bob's")).toEqual([
      { word: 'is', sign: '' },
      { word: 'acme', sign: '@' },
      { word: 'down', sign: '' },
      { word: 'outage', sign: '#' },
      { word: "bob's", sign: '', base: 'bob' },
    ]);
  });

  it('gives the same answer through its token cache for many texts', () => {
    const keywords = compileKeywords(['outage', 'down', 'no signal', '#outage', 'refund', 'cancel my contract']);
    const texts = Array.from({ length: 2000 }, (_, i) => `${complaint} ticket ${i}`);
    let hits = 0;
    for (let round = 0; round < 5; round++) for (const t of texts) if (mentionsAny(t, keywords)) hits++;
    expect(hits).toBe(10_000);
  });
});
