import type { Runtime } from '../Runtime.ts';

/** What the network answered for a reply Baton posted. */
export interface PostedReply {
  /** The network's id of the new post (a Mastodon status id, a Bluesky `at://` URI). */
  networkId: string;
  /** Where people can read it, when the network says. */
  url: string | null;
}

/** A reply the network refused, or that no source can post; `message` is shown to the holder. */
export class ReplyRefused extends Error {
  constructor(message: string, readonly retryable = false) {
    super(message);
    this.name = 'ReplyRefused';
  }
}

/**
 * Whether Baton can post a reply to this mention itself: it came from a source of a network Baton
 * posts to (Mastodon, Bluesky) that holds an account's secret. Otherwise the holder answers
 * elsewhere and records it (`sentElsewhere`).
 */
export function canPostReply(_rt: Runtime, _mentionId: string): boolean {
  return false;
}

/**
 * Posts `text` as a reply in the thread of mention `mentionId`, over the account of the source that
 * read it. Throws {@link ReplyRefused} with the reason when it cannot.
 */
export async function postReply(_rt: Runtime, args: { mentionId: string; text: string }): Promise<PostedReply> {
  throw new ReplyRefused(`No source can post a reply to ${args.mentionId}`);
}
