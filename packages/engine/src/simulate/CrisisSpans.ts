/**
 * When a simulated map was in crisis (ms from the scenario start): for the metrics' crisis
 * windows, and for how long backup members were available.
 */
export class CrisisSpans {
  private readonly spans: { from: number; to: number | null }[] = [];

  /** A crisis begins at `at`. */
  open(at: number): void {
    this.spans.push({ from: at, to: null });
  }

  /** The current crisis ends at `at`. */
  close(at: number): void {
    const span = this.spans[this.spans.length - 1];
    if (span && span.to === null) span.to = at;
  }

  /** Time in crisis up to `endMs` (a crisis still on counts until then). */
  totalMs(endMs: number): number {
    return this.spans.reduce((ms, span) => ms + (span.to ?? Math.max(span.from, endMs)) - span.from, 0);
  }

  /** How much of [from, to) fell outside every crisis. */
  outside(from: number, to: number): number {
    let inside = 0;
    for (const span of this.spans) inside += Math.max(0, Math.min(to, span.to ?? to) - Math.max(from, span.from));
    return to - from - inside;
  }

  /** The windows as docs/scenarios.md#the-result shows them: seconds from the start, `toSec: null` while still on. */
  windows(): { fromSec: number; toSec: number | null }[] {
    return this.spans.map((span) => ({ fromSec: span.from / 1000, toSec: span.to === null ? null : span.to / 1000 }));
  }
}
