import { parseDuration } from '../schema/common.ts';
import type { CrisisSettings } from '../schema/map.ts';

/** A crisis tracker's state as plain JSON, for persistence. */
export interface CrisisState {
  /** Arrival instants (epoch ms) still inside the window, oldest first. */
  arrivals: number[];
  on: boolean;
  /** When the current crisis began. */
  since: number | null;
  /** When the count last fell below the threshold while on. */
  belowSince: number | null;
}

/**
 * Detects a crisis on one map (docs/semantics.md#crisis): matched mentions in the trailing `window` (a mention at
 * `t` counts while `now < t + window`); reaching `threshold` sets the flag; it clears once the
 * count has stayed below the threshold for `cooldown` (default: `window`), at that instant.
 * Pure: the caller passes every instant in, in non-decreasing order.
 */
export class CrisisTracker {
  readonly windowMs: number;
  readonly threshold: number;
  readonly cooldownMs: number;
  private arrivals: number[] = [];
  private head = 0;
  private active = false;
  private started: number | null = null;
  private belowSince: number | null = null;

  constructor(settings: CrisisSettings) {
    this.windowMs = parseDuration(settings.window) ?? 0;
    this.cooldownMs = settings.cooldown !== undefined ? (parseDuration(settings.cooldown) ?? 0) : this.windowMs;
    this.threshold = settings.threshold;
  }

  /** Whether the map is in crisis. */
  get on(): boolean {
    return this.active;
  }

  /** When the current crisis began (epoch ms), or null. */
  get since(): number | null {
    return this.started;
  }

  /** Matched mentions inside the window as of the last instant seen. */
  get count(): number {
    return this.arrivals.length - this.head;
  }

  private expire(now: number): void {
    const { arrivals } = this;
    while (this.head < arrivals.length && (arrivals[this.head] as number) + this.windowMs <= now) {
      const leaving = arrivals[this.head] as number;
      const wasAtThreshold = this.count >= this.threshold;
      this.head++;
      if (this.active && wasAtThreshold && this.count < this.threshold) this.belowSince = leaving + this.windowMs;
    }
    if (this.head > 1024 && this.head * 2 > arrivals.length) {
      this.arrivals = arrivals.slice(this.head);
      this.head = 0;
    }
  }

  /** Moves time to `now`; returns 'cleared' when the crisis ends at or before it. */
  advance(now: number): 'cleared' | null {
    this.expire(now);
    if (this.active && this.belowSince !== null && now >= this.belowSince + this.cooldownMs) {
      this.active = false;
      this.started = null;
      this.belowSince = null;
      return 'cleared';
    }
    return null;
  }

  /** Counts one matched mention at `at`; returns 'onset' when it sets the flag. */
  record(at: number): 'onset' | null {
    this.advance(at);
    this.arrivals.push(at);
    if (this.count >= this.threshold) {
      this.belowSince = null;
      if (!this.active) {
        this.active = true;
        this.started = at;
        return 'onset';
      }
    }
    return null;
  }

  /** The next instant at which the flag may clear with no further arrivals, or null. */
  nextCheckAt(): number | null {
    if (!this.active) return null;
    if (this.belowSince !== null) return this.belowSince + this.cooldownMs;
    // Still at or above the threshold: it falls below when the oldest `count - threshold + 1` expire.
    const index = this.head + this.count - this.threshold;
    const t = this.arrivals[index];
    return t === undefined ? null : t + this.windowMs + this.cooldownMs;
  }

  /** The state as plain JSON. */
  toJSON(): CrisisState {
    return { arrivals: this.arrivals.slice(this.head), on: this.active, since: this.started, belowSince: this.belowSince };
  }

  /** Restores a tracker from `toJSON()` output. */
  static fromJSON(settings: CrisisSettings, state: CrisisState): CrisisTracker {
    const tracker = new CrisisTracker(settings);
    tracker.arrivals = [...state.arrivals];
    tracker.active = state.on;
    tracker.started = state.since;
    tracker.belowSince = state.belowSince;
    return tracker;
  }
}
