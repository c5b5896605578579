import { describe, expect, it } from 'vitest';
import { durationInWords } from './durationInWords.ts';

const s = 1000;
const min = 60 * s;
const h = 60 * min;
const d = 24 * h;

describe('durationInWords: one wording for every span Baton shows', () => {
  it.each([
    [0, '0 s'],
    [999, '0 s'],
    [45 * s, '45 s'],
    [59.9 * s, '59 s'],
    [60 * s, '1 min'],
    [90 * s, '1 min'],
    [12 * min, '12 min'],
    [12 * min + 30 * s, '12 min'],
    [59 * min + 59 * s, '59 min'],
    [h, '1 h'],
    [65 * min, '1 h 5 min'],
    [h + 90 * s, '1 h 1 min'],
    [2 * h, '2 h'],
    [2 * h + 30 * s, '2 h'],
    [23 * h + 59 * min, '23 h 59 min'],
    [d, '1 d'],
    [50 * h, '2 d 2 h'],
    [2 * d + 3 * h + min, '2 d 3 h'],
    [2 * d + 5 * min, '2 d'],
    [7 * d, '7 d'],
    [-5 * s, '0 s'],
  ])('%d ms → %s', (ms, words) => {
    expect(durationInWords(ms)).toBe(words);
  });

  it.each([[null], [undefined], [Number.NaN], [Number.POSITIVE_INFINITY]])('%s → "—" (no value)', (value) => {
    expect(durationInWords(value)).toBe('—');
  });

  it.each([
    ['PT15M', '15 min'],
    ['PT1H30M', '1 h 30 min'],
    ['PT90M', '1 h 30 min'],
    ['P1D', '1 d'],
    ['PT10M', '10 min'],
    ['soon', 'soon'],
  ])('ISO %s → %s', (iso, words) => {
    expect(durationInWords(iso)).toBe(words);
  });

  it.each([
    [45, '45 s'],
    [3900, '1 h 5 min'],
    [null, '—'],
  ])('seconds (unit: s): %s → %s', (sec, words) => {
    expect(durationInWords(sec, { unit: 's' })).toBe(words);
  });

  it.each([
    ['PT1H30M15S', '1 h 30 min 15 s'],
    ['P1DT2H30M', '1 d 2 h 30 min'],
    ['P1DT5M', '1 d 5 min'],
    ['PT45S', '45 s'],
  ])('exact, for text a person edits: %s → %s', (iso, words) => {
    expect(durationInWords(iso, { exact: true })).toBe(words);
  });
});
