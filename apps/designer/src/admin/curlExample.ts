/**
 * A ready-to-paste shell example that posts one mention with a new ingest token, so an admin can
 * check the token works before wiring up a real source.
 */

/** Wraps a value in single quotes for a POSIX shell. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A sample mention body, as compact JSON. */
export function sampleMentionBody(id: string, createdAt: string): string {
  return JSON.stringify({
    id,
    network: 'twitter',
    author: { handle: '@carla', name: 'Carla Customer' },
    text: 'Testing Baton: my order arrived broken',
    createdAt,
  });
}

/**
 * The curl command for `POST /api/mentions` with this token on this origin. With a signing
 * secret it first computes the HMAC-SHA256 of `"<timestamp>.<body>"` with openssl.
 * @example curlExample({ origin: 'https://baton.example', token: 'bti_…', now: new Date() })
 */
export function curlExample({ origin, token, signingSecret, now }: { origin: string; token: string; signingSecret?: string; now: Date }): string {
  const url = shellQuote(`${origin.replace(/\/+$/, '')}/api/mentions`);
  const body = sampleMentionBody(`test:${now.getTime()}`, now.toISOString().replace(/\.\d{3}Z$/, 'Z'));
  const auth = shellQuote(`Authorization: Bearer ${token}`);
  if (!signingSecret) {
    return [
      `curl -X POST ${url} \\`,
      `  -H ${auth} \\`,
      `  -H 'Content-Type: application/json' \\`,
      `  -d ${shellQuote(body)}`,
    ].join('\n');
  }
  return [
    `BODY=${shellQuote(body)}`,
    `T=$(date +%s)`,
    `SIG=$(printf '%s.%s' "$T" "$BODY" | openssl dgst -sha256 -hmac ${shellQuote(signingSecret)} | sed 's/^.* //')`,
    `curl -X POST ${url} \\`,
    `  -H ${auth} \\`,
    `  -H 'Content-Type: application/json' \\`,
    `  -H "X-Baton-Timestamp: $T" \\`,
    `  -H "X-Baton-Signature: sha256=$SIG" \\`,
    `  -d "$BODY"`,
  ].join('\n');
}
