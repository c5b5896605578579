import { describe, expect, it } from 'vitest';
import { durationInWords } from '@baton/engine';
import { parseHumanDuration } from './duration.ts';

const formatDuration = (iso: string) => durationInWords(iso, { exact: true });

describe('durations in words', () => {
  it('shows ISO durations the way people say them', () => {
    expect(formatDuration('PT1H30M')).toBe('1 h 30 min');
    expect(formatDuration('PT15M')).toBe('15 min');
    expect(formatDuration('P1D')).toBe('1 d');
    expect(formatDuration('PT90M')).toBe('1 h 30 min');
  });

  it('reads what people type', () => {
    expect(parseHumanDuration('1 h 30 min')).toBe('PT1H30M');
    expect(parseHumanDuration('90m')).toBe('PT1H30M');
    expect(parseHumanDuration('1.5 hours')).toBe('PT1H30M');
    expect(parseHumanDuration('2 days')).toBe('P2D');
    expect(parseHumanDuration('1d 2h')).toBe('P1DT2H');
    expect(parseHumanDuration('PT2H')).toBe('PT2H');
    expect(parseHumanDuration('45 sec')).toBe('PT45S');
  });

  it('refuses what it cannot read', () => {
    expect(parseHumanDuration('soon')).toBeUndefined();
    expect(parseHumanDuration('5 parsecs')).toBeUndefined();
    expect(parseHumanDuration('')).toBeUndefined();
    expect(parseHumanDuration('P')).toBeUndefined();
  });
});
