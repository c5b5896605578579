import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_LIMIT, parseRateLimit } from '../config.ts';

describe('parseRateLimit (BATON_RATE_LIMIT)', () => {
  it('keeps the defaults when unset, turns both off with off, and reads per-minute rates with optional bursts', () => {
    expect(parseRateLimit(undefined)).toEqual(DEFAULT_RATE_LIMIT);
    expect(parseRateLimit('off')).toEqual({ ip: null, token: null });
    expect(parseRateLimit('ip=600/100')).toEqual({ ip: { perMinute: 600, burst: 100 }, token: DEFAULT_RATE_LIMIT.token });
    expect(parseRateLimit('ip=0, token=120')).toEqual({ ip: null, token: { perMinute: 120, burst: DEFAULT_RATE_LIMIT.token!.burst } });
  });

  it('refuses text it cannot read rather than silently running unprotected', () => {
    expect(() => parseRateLimit('ip=lots')).toThrow(/BATON_RATE_LIMIT/);
    expect(() => parseRateLimit('users=5')).toThrow(/BATON_RATE_LIMIT/);
  });
});
