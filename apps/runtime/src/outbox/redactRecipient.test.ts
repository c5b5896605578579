import { describe, expect, it } from 'vitest';
import { describeRecipient, redactUrl } from './redactRecipient.ts';

describe('redactRecipient', () => {
  it('keeps the host and first path segment of a Slack webhook and drops its secret path', () => {
    expect(redactUrl('https://hooks.slack.com/services/T000/B000/XXXXsecret')).toBe('https://hooks.slack.com/services/…');
    expect(describeRecipient('slack', { slack: 'https://hooks.slack.com/services/T000/B000/XXXXsecret' })).not.toContain('XXXX');
  });

  it('drops credentials and the query of a webhook', () => {
    const shown = describeRecipient('webhook', { webhook: 'https://user:pw@crm.example/hook?token=abc' });
    expect(shown).toBe('webhook https://crm.example/hook/…');
    expect(shown).not.toMatch(/pw|abc/);
  });

  it('names replies, teams and addresses plainly', () => {
    expect(describeRecipient('reply', { reply: 'r1', network: 'mastodon', mentionId: 'mastodon:1' })).toBe('reply on mastodon to mastodon:1');
    expect(describeRecipient('email', { email: 'pr@example.test' })).toBe('e-mail pr@example.test');
  });
});
