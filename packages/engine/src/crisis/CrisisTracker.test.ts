import { describe, expect, it } from 'vitest';
import { CrisisTracker } from './CrisisTracker.ts';

const MIN = 60_000;
const T0 = Date.parse('2026-01-01T09:00:00Z');
const t = (minutes: number) => T0 + minutes * MIN;

/** Window 10 min, threshold 3, cooldown 5 min. */
const settings = { window: 'PT10M', threshold: 3, cooldown: 'PT5M' };

describe('CrisisTracker', () => {
  it('sets the flag on exactly the mention that reaches the threshold', () => {
    const tracker = new CrisisTracker(settings);
    expect(tracker.record(t(0))).toBeNull();
    expect(tracker.record(t(1))).toBeNull();
    expect(tracker.on).toBe(false);
    expect(tracker.record(t(2))).toBe('onset');
    expect(tracker.on).toBe(true);
    expect(tracker.since).toBe(t(2));
    // Already on: a fourth mention is no new onset.
    expect(tracker.record(t(3))).toBeNull();
  });

  it('counts a mention at t while now < t + window, and no longer at t + window', () => {
    const tracker = new CrisisTracker(settings);
    tracker.record(t(0));
    tracker.advance(t(10) - 1);
    expect(tracker.count).toBe(1);
    tracker.advance(t(10));
    expect(tracker.count).toBe(0);
  });

  it('does not reach the threshold with a mention that left the window at that very instant', () => {
    const late = new CrisisTracker(settings);
    late.record(t(0));
    late.record(t(5));
    // At 10 min the 0-min mention has left (0 + 10 ≤ 10): count is 2, not 3.
    expect(late.record(t(10))).toBeNull();
    const inTime = new CrisisTracker(settings);
    inTime.record(t(0));
    inTime.record(t(5));
    // One millisecond earlier it still counts: 3.
    expect(inTime.record(t(10) - 1)).toBe('onset');
  });

  it('clears exactly at (the moment the count fell below the threshold) + cooldown', () => {
    const tracker = new CrisisTracker(settings);
    [0, 1, 2].forEach((m) => tracker.record(t(m)));
    // At 10 min the 0-min mention leaves: count 2 < 3 from 10 min; + 5 min cooldown = 15 min.
    expect(tracker.nextCheckAt()).toBe(t(15));
    expect(tracker.advance(t(15) - 1)).toBeNull();
    expect(tracker.on).toBe(true);
    expect(tracker.advance(t(15))).toBe('cleared');
    expect(tracker.on).toBe(false);
    expect(tracker.since).toBeNull();
    expect(tracker.nextCheckAt()).toBeNull();
  });

  it('clears at that instant even when the caller looks only much later', () => {
    const tracker = new CrisisTracker(settings);
    [0, 1, 2].forEach((m) => tracker.record(t(m)));
    expect(tracker.advance(t(60))).toBe('cleared');
  });

  it('uses the window as cooldown by default', () => {
    const tracker = new CrisisTracker({ window: 'PT10M', threshold: 2 });
    tracker.record(t(0));
    tracker.record(t(4));
    // Below from 10 min (0 + 10); default cooldown 10 min → clears at 20 min.
    expect(tracker.nextCheckAt()).toBe(t(20));
    expect(tracker.advance(t(20) - 1)).toBeNull();
    expect(tracker.advance(t(20))).toBe('cleared');
  });

  it('predicts the clear while still above the threshold from the arrival whose expiry drops the count', () => {
    const tracker = new CrisisTracker(settings);
    [0, 1, 2, 3].forEach((m) => tracker.record(t(m)));
    // Count 4: it falls to 2 when the 1-min mention leaves at 11 min; + 5 = 16 min.
    expect(tracker.nextCheckAt()).toBe(t(16));
    expect(tracker.advance(t(11))).toBeNull();
    expect(tracker.count).toBe(2);
    expect(tracker.nextCheckAt()).toBe(t(16));
    expect(tracker.advance(t(16))).toBe('cleared');
  });

  it('cancels the clear when a new spike comes before the cooldown ends', () => {
    const tracker = new CrisisTracker(settings);
    [0, 1, 2].forEach((m) => tracker.record(t(m)));
    // Below from 10 min, due to clear at 15. At 12, 13, 14 three new mentions: the 1- and 2-min ones
    // have left (at 11 and 12), so the count reaches 3 again at 14 min and the crisis goes on.
    expect(tracker.record(t(12))).toBeNull();
    expect(tracker.record(t(13))).toBeNull();
    expect(tracker.record(t(14))).toBeNull();
    expect(tracker.count).toBe(3);
    expect(tracker.advance(t(15))).toBeNull();
    expect(tracker.on).toBe(true);
    expect(tracker.since).toBe(t(2));
    // Now it falls below when the 12-min mention leaves at 22 min; clears at 27 min.
    expect(tracker.nextCheckAt()).toBe(t(27));
    expect(tracker.advance(t(27))).toBe('cleared');
  });

  it('does not cancel the clear for mentions that stay below the threshold', () => {
    const tracker = new CrisisTracker(settings);
    [0, 1, 2].forEach((m) => tracker.record(t(m)));
    // At 13 min one new mention: count 1 (the 2-min one left at 12). Still clears at 15.
    tracker.record(t(13));
    expect(tracker.nextCheckAt()).toBe(t(15));
    expect(tracker.advance(t(15))).toBe('cleared');
  });

  it('starts a new crisis after one cleared', () => {
    const tracker = new CrisisTracker(settings);
    [0, 1, 2].forEach((m) => tracker.record(t(m)));
    expect(tracker.advance(t(15))).toBe('cleared');
    expect(tracker.record(t(20))).toBeNull();
    expect(tracker.record(t(21))).toBeNull();
    expect(tracker.record(t(22))).toBe('onset');
    expect(tracker.since).toBe(t(22));
  });

  it('survives a JSON round trip', () => {
    const tracker = new CrisisTracker(settings);
    [0, 1, 2, 3].forEach((m) => tracker.record(t(m)));
    tracker.advance(t(11));
    const state = JSON.parse(JSON.stringify(tracker.toJSON()));
    // Only the 2- and 3-min mentions are still inside the window at 11 min.
    expect(state).toEqual({ arrivals: [t(2), t(3)], on: true, since: t(2), belowSince: t(11) });
    const restored = CrisisTracker.fromJSON(settings, state);
    expect([restored.on, restored.since, restored.count, restored.nextCheckAt()]).toEqual([true, t(2), 2, t(16)]);
    expect(restored.advance(t(16))).toBe('cleared');
  });
});
