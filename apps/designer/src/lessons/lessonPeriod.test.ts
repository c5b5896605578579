import { describe, expect, it } from 'vitest';
import { periodRange } from './lessonPeriod.ts';

describe('periodRange', () => {
  const now = Date.parse('2026-03-31T12:00:00Z');
  it('ends now and starts the period before, or at the beginning for all time', () => {
    expect(periodRange('7d', now)).toEqual({ from: '2026-03-24T12:00:00.000Z', to: '2026-03-31T12:00:00.000Z' });
    expect(periodRange('all', now)?.from).toBe('1970-01-01T00:00:00.000Z');
  });
  it('is null while the badges are hidden', () => {
    expect(periodRange('off', now)).toBeNull();
  });
});
