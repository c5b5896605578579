import { describe, expect, it } from 'vitest';
import { generatePassword, PASSWORD_ALPHABET } from './generatePassword.ts';

describe('generatePassword', () => {
  it('makes 16 characters from the readable alphabet, different every time', () => {
    const a = generatePassword();
    const b = generatePassword();
    expect(a).toHaveLength(16);
    expect([...a].every((c) => PASSWORD_ALPHABET.includes(c))).toBe(true);
    expect(a).not.toBe(b);
    expect(a).not.toMatch(/[0O1lI]/);
  });

  it('skips bytes that would bias the first characters', () => {
    const n = PASSWORD_ALPHABET.length;
    const limit = 256 - (256 % n);
    const bytes = [255, limit, 0, 1, 2, 3];
    const password = generatePassword(4, (count) => Uint8Array.from({ length: count }, (_, i) => bytes[i % bytes.length]!));
    expect(password).toBe(PASSWORD_ALPHABET.slice(0, 4));
  });
});
