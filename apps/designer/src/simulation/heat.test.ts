import { describe, expect, it } from 'vitest';
import { heatColour, heatLevel } from './heat.ts';
import { clockAt, secondsInWords } from './timeWords.ts';

describe('heat', () => {
  it('goes calm → amber → red with the breach ratio', () => {
    expect(heatLevel(0, 0)).toBe('idle');
    expect(heatLevel(40, 0)).toBe('calm');
    expect(heatLevel(40, 3)).toBe('amber');
    expect(heatLevel(40, 10)).toBe('red');
    expect(heatColour(0)).toBe('rgb(236 253 245)');
    expect(heatColour(0.01)).toBe('rgb(254 243 199)');
    expect(heatColour(0.9)).toBe('rgb(254 202 202)');
    expect(heatColour(Number.NaN)).toBe(heatColour(0));
  });
});

describe('times in words', () => {
  it('reads like a person would say it', () => {
    expect(secondsInWords(null)).toBe('—');
    expect(secondsInWords(45)).toBe('45 s');
    expect(secondsInWords(720)).toBe('12 min');
    expect(secondsInWords(3900)).toBe('1 h 5 min');
    expect(secondsInWords(7200)).toBe('2 h');
    expect(secondsInWords(2 * 86_400 + 3 * 3600 + 60)).toBe('2 d 3 h');
    expect(clockAt('2026-03-02T09:00:00Z', 754)).toBe('09:12');
  });
});
