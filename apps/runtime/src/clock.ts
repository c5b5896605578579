/**
 * The runtime's source of time. Everything that needs "now" asks a `Clock`, so tests and the
 * agreement check can drive time by hand (the engine itself has no clock).
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

/** Wall-clock time. */
export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that only moves when told to.
 * @example
 * const clock = new ManualClock(Date.parse('2026-01-01T09:00:00Z'));
 * clock.advance(60_000);
 */
export class ManualClock implements Clock {
  constructor(private t = 0) {}
  now(): number {
    return this.t;
  }
  /** Moves time forward by `ms`. */
  advance(ms: number): void {
    this.t += ms;
  }
  /** Jumps to epoch ms `t` (never backwards). */
  set(t: number): void {
    if (t > this.t) this.t = t;
  }
}

/** Epoch ms → ISO 8601 UTC, passing `null` through. */
export function iso(t: number | null | undefined): string | null {
  return t == null ? null : new Date(t).toISOString();
}
