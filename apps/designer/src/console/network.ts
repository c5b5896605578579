import type { Network } from '@baton/engine';

/** A short text badge and the accessible name for each network (no emoji font is assumed). */
export const NETWORK_BADGES: Record<Network, { short: string; name: string }> = {
  twitter: { short: 'X', name: 'X (Twitter)' },
  facebook: { short: 'fb', name: 'Facebook' },
  instagram: { short: 'ig', name: 'Instagram' },
  linkedin: { short: 'in', name: 'LinkedIn' },
  mastodon: { short: 'M', name: 'Mastodon' },
  bluesky: { short: 'bs', name: 'Bluesky' },
  blog: { short: 'blog', name: 'Blog' },
  forum: { short: 'forum', name: 'Forum' },
  review: { short: '★', name: 'Review site' },
  email: { short: '@', name: 'E-mail' },
  other: { short: '•', name: 'Other source' },
};

/** "1,200 followers", "1 follower", or nothing when unknown. */
export function followersText(followers: number | undefined): string {
  if (followers === undefined) return '';
  return `${followers.toLocaleString('en')} follower${followers === 1 ? '' : 's'}`;
}

/** The first non-blank line of a mention, for a queue row. */
export function firstLine(text: string): string {
  return text.split(/\r?\n/).find((l) => l.trim())?.trim() ?? '';
}
