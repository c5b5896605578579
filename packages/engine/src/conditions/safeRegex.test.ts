import { describe, expect, it } from 'vitest';
import { safeRegex } from './safeRegex.ts';


const test = (pattern: string, text: string) => {
  const re = safeRegex(pattern);
  if (!re.ok) throw new Error(re.message);
  return re.test(text);
};

describe('safeRegex', () => {
  it('searches anywhere in the text, case-sensitively unless (?i)', () => {
    expect(test('order #?\\d{5,}', 'where is my order #123456?')).toBe(true);
    expect(test('refund', 'REFUND NOW')).toBe(false);
    expect(test('(?i)refund', 'REFUND NOW')).toBe(true);
    expect(test('^@acme', 'hi @acme')).toBe(false);
  });

  // A backtracking engine would not finish these within the test's time limit; RE2 answers at once.
  it('answers classic catastrophic patterns (RE2 runs in linear time)', () => {
    expect(test('^(a+)+$', 'a'.repeat(50_000) + '!')).toBe(false);
    expect(test('(x+x+)+y', 'x'.repeat(20_000))).toBe(false);
  });

  it('refuses lookaround and backreferences in plain words', () => {
    const message = (p: string) => {
      const re = safeRegex(p);
      return re.ok ? '' : re.message;
    };
    expect(message('down(?= again)')).toMatch(/^lookahead is not supported; /);
    expect(message('(?!spam)')).toMatch(/^lookahead is not supported/);
    expect(message('(?<=no )signal')).toMatch(/^lookbehind is not supported/);
    expect(message('(\\w+) \\1')).toMatch(/^backreferences such as \\1 are not supported/);
    expect(message('[unclosed')).toMatch(/not a valid regular expression.*missing closing \]/);
    expect(message('a'.repeat(1001))).toMatch(/longer than 1000 characters/);
  });

  it('compiles each pattern once', () => {
    expect(safeRegex('(?i)outage')).toBe(safeRegex('(?i)outage'));
  });
});
