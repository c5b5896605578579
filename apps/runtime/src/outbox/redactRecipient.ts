/**
 * A delivery's recipient as an admin may read it: URLs keep their host and first path segment and
 * lose the rest, the query and any credentials (a Slack incoming-webhook path is its secret).
 * @example redactUrl('https://hooks.slack.com/services/T0/B0/xyz') // 'https://hooks.slack.com/services/…'
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    const [first, ...rest] = u.pathname.split('/').filter(Boolean);
    return `${u.protocol}//${u.host}${first ? `/${first}` : ''}${rest.length || u.search ? '/…' : ''}`;
  } catch {
    return '(not a URL)';
  }
}

/** Who or what a delivery goes to, in words, with secrets left out. */
export function describeRecipient(kind: string, r: Record<string, unknown>): string {
  if (typeof r.webhook === 'string') return `webhook ${redactUrl(r.webhook)}`;
  if (typeof r.slack === 'string') return `Slack ${redactUrl(r.slack)}`;
  if (typeof r.team === 'string') return `team ${r.team}`;
  if (typeof r.member === 'string') return `member ${r.member}`;
  if (typeof r.email === 'string') return `e-mail ${r.email}`;
  if (kind === 'reply') return `reply on ${String(r.network ?? 'its network')} to ${String(r.mentionId ?? '?')}`;
  return kind;
}
