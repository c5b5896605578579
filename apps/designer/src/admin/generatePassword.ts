/**
 * Random passwords for new people: 16 characters from an alphabet without look-alikes
 * (no 0/O, 1/l/I), drawn with rejection sampling so every character is equally likely.
 */

/** Letters and digits a person can read back without confusing them. */
export const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/** Fills a byte array with random values; the browser's `crypto.getRandomValues` by default. */
export type RandomBytes = (count: number) => Uint8Array;

const cryptoBytes: RandomBytes = (count) => crypto.getRandomValues(new Uint8Array(count));

/**
 * A random password.
 * @example generatePassword() // 'mK7qR2vXh9TnWc4e'
 */
export function generatePassword(length = 16, randomBytes: RandomBytes = cryptoBytes): string {
  const n = PASSWORD_ALPHABET.length;
  const limit = 256 - (256 % n); // bytes at or above this would favour the first characters
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte >= limit) continue;
      out += PASSWORD_ALPHABET[byte % n];
      if (out.length === length) break;
    }
  }
  return out;
}
