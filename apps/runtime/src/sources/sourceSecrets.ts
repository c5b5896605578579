import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Name of the key file Baton makes beside its database when `BATON_SECRET_KEY` is not set. */
export const KEY_FILE = 'baton-secret.key';

/**
 * The 32-byte key that encrypts source secrets at rest: `BATON_SECRET_KEY` (64 hex characters, or
 * base64 of 32 bytes, or any other text, which is hashed to 32 bytes) when set; otherwise the key
 * file beside the database, made on first start (mode 0600); a fresh key for an in-memory database.
 * @example const key = loadSecretKey(process.env, './data/baton.db');
 */
export function loadSecretKey(env: Record<string, string | undefined>, dbPath: string): { key: Buffer; from: string } {
  const given = env.BATON_SECRET_KEY?.trim();
  if (given) return { key: keyFromText(given), from: 'BATON_SECRET_KEY' };
  if (dbPath === ':memory:') return { key: randomBytes(32), from: 'memory (an in-memory database)' };
  const file = resolve(dirname(resolve(dbPath)), KEY_FILE);
  if (existsSync(file)) return { key: keyFromText(readFileSync(file, 'utf8').trim()), from: file };
  mkdirSync(dirname(file), { recursive: true });
  const key = randomBytes(32);
  writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return { key, from: file };
}

function keyFromText(text: string): Buffer {
  if (/^[0-9a-fA-F]{64}$/.test(text)) return Buffer.from(text, 'hex');
  const b64 = /^[A-Za-z0-9+/_-]{43}=?$/.test(text) ? Buffer.from(text, 'base64') : null;
  if (b64?.length === 32) return b64;
  return createHash('sha256').update(text).digest();
}

/** A secret that cannot be read: the key changed or the text was altered. */
export class SecretUnreadable extends Error {}

/**
 * Encrypts a source's secrets (AES-256-GCM, a fresh 96-bit IV each time) as
 * `v1.<iv>.<tag>.<ciphertext>`; `aad` (the source id) binds the ciphertext to its source.
 */
export function sealSecrets(key: Buffer, secrets: Record<string, string>, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(JSON.stringify(secrets), 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Decrypts what {@link sealSecrets} made; throws {@link SecretUnreadable} if the key is wrong. */
export function openSecrets(key: Buffer, sealed: string, aad: string): Record<string, string> {
  const [v, iv, tag, body] = sealed.split('.');
  if (v !== 'v1' || !iv || !tag || body === undefined) throw new SecretUnreadable('the stored secret has an unknown format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    const text = Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    return JSON.parse(text) as Record<string, string>;
  } catch {
    throw new SecretUnreadable('the stored secret cannot be decrypted with this key (was BATON_SECRET_KEY or the key file changed?)');
  }
}
