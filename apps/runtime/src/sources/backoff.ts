/** How a source waits between reconnects. */
export interface BackoffOptions {
  /** First wait in ms. */
  baseMs: number;
  /** Longest wait in ms. */
  maxMs: number;
  /** Consecutive failures after which a source shows as failing. */
  failAfter: number;
}

/** One second doubling up to five minutes; failing after three failures in a row. */
export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 300_000, failAfter: 3 };

/**
 * The wait before reconnect attempt `attempt` (1, 2, …): exponential with "full jitter", so many
 * sources that lost the same network do not all come back at the same instant.
 * @example backoffMs(3, DEFAULT_BACKOFF, Math.random) // between 2 and 4 s
 */
export function backoffMs(attempt: number, opts: BackoffOptions, random: () => number): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** Math.min(30, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
