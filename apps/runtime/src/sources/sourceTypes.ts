import type { Mention, SourceKind } from '@baton/engine';
import type { Logger } from '../logger.ts';

/** Where to reply to a post later: the network's id and, on Bluesky, its hash and its thread's root. */
export interface PostRef {
  networkId: string;
  cid?: string;
  rootUri?: string;
  rootCid?: string;
}

/** One post a source read: the mention, and what a reply to it needs. */
export interface SourceItem {
  mention: Mention;
  ref?: PostRef;
}

/** What a running source reader sees of its source and of Baton. */
export interface SourceContext {
  id: string;
  kind: SourceKind;
  name: string;
  settings: Record<string, unknown>;
  /** The decrypted secrets (never logged). */
  secrets: Record<string, string> | null;
  /** Where the source resumes (saved with the last committed batch). */
  cursor: Record<string, unknown> | null;
  /** Aborted when the source is paused, deleted or Baton stops. */
  signal: AbortSignal;
  log: Logger;
  /**
   * Ingests `items` through the same path as `POST /api/mentions` and saves `cursor`, in one
   * transaction: resolves once both are committed. After a crash the source resumes from the last
   * committed cursor; whatever a network replays beyond it is absorbed by dedupe on the mention id.
   */
  commit(items: SourceItem[], cursor: Record<string, unknown>): Promise<void>;
  /** The source reached its network and read: clears a failing state and resets the backoff. */
  healthy(): void;
  /** Refuses URLs the outbound guard refuses (private ranges unless allowed); loopback is allowed. */
  guard(url: string): Promise<void>;
  /** Resolves after `ms`, or early when woken (`SourceManager.wake`) or aborted. */
  sleep(ms: number): Promise<void>;
}

/**
 * Reads one source until its signal aborts. Returning or throwing means the connection is gone:
 * the manager reconnects after a backoff, from the saved cursor.
 */
export type SourceReader = (ctx: SourceContext) => Promise<void>;
