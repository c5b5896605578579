import { describe, expect, it } from 'vitest';
import { curlExample, shellQuote } from './curlExample.ts';

const now = new Date('2026-03-01T09:30:00.000Z');

describe('curlExample', () => {
  it('posts a valid mention with the token to the origin', () => {
    const text = curlExample({ origin: 'http://127.0.0.1:8787/', token: 'bti_abc', now });
    expect(text).toContain("curl -X POST 'http://127.0.0.1:8787/api/mentions'");
    expect(text).toContain("-H 'Authorization: Bearer bti_abc'");
    const body = /-d '(.*)'$/.exec(text)![1]!;
    expect(JSON.parse(body)).toMatchObject({ id: `test:${now.getTime()}`, network: 'twitter', createdAt: '2026-03-01T09:30:00Z' });
    expect(text).not.toContain('X-Baton-Signature');
  });

  it('signs the body when the token has a signing secret', () => {
    const text = curlExample({ origin: 'https://baton.example', token: 'bti_abc', signingSecret: 'bsk_s3cret', now });
    expect(text).toContain("openssl dgst -sha256 -hmac 'bsk_s3cret'");
    expect(text).toContain('X-Baton-Signature: sha256=$SIG');
    expect(text).toContain('-d "$BODY"');
  });
});

describe('shellQuote', () => {
  it('survives single quotes', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
