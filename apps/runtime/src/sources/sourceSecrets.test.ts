import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY_FILE, loadSecretKey, openSecrets, sealSecrets, SecretUnreadable } from './sourceSecrets.ts';

describe('source secrets at rest', () => {
  it('makes a key file beside the database on first start (mode 0600) and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-key-'));
    const first = loadSecretKey({}, join(dir, 'baton.db'));
    expect(first.from).toBe(join(dir, KEY_FILE));
    expect(statSync(first.from).mode & 0o777).toBe(0o600);
    expect(loadSecretKey({}, join(dir, 'baton.db')).key.equals(first.key)).toBe(true);
    expect(readFileSync(first.from, 'utf8').trim()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes BATON_SECRET_KEY when set, and a sealed secret opens only with its key and its source', () => {
    const { key, from } = loadSecretKey({ BATON_SECRET_KEY: 'a'.repeat(64) }, ':memory:');
    expect(from).toBe('BATON_SECRET_KEY');
    const sealed = sealSecrets(key, { accessToken: 'tok-123' }, 'src_1');
    expect(sealed).not.toContain('tok-123');
    expect(openSecrets(key, sealed, 'src_1')).toEqual({ accessToken: 'tok-123' });
    expect(() => openSecrets(key, sealed, 'src_2')).toThrow(SecretUnreadable);
    expect(() => openSecrets(loadSecretKey({ BATON_SECRET_KEY: 'another key' }, ':memory:').key, sealed, 'src_1')).toThrow(/cannot be decrypted/);
    expect(sealSecrets(key, { accessToken: 'tok-123' }, 'src_1')).not.toBe(sealed); // a fresh IV each time
  });
});
