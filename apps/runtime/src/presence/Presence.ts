import type { Clock } from '../clock.ts';

/** How long a view counts without a heartbeat (the web app beats every 15 s). */
export const PRESENCE_TTL_MS = 40_000;
/** How often lapsed views are swept while anyone is viewing anything (real time). */
const SWEEP_EVERY_MS = 5_000;

/** Someone looking at a case. */
export interface Viewer {
  id: string;
  name: string;
}

/** What presence needs from the runtime: its clock, and a way to announce a changed set of viewers. */
export interface PresenceDeps {
  clock: Clock;
  /** Called once per change of a case's viewers (someone came, left or lapsed), oldest viewer first. */
  announce(caseId: string, viewers: Viewer[]): void;
  ttlMs?: number;
}

/**
 * Who is looking at which case, in memory only: presence is ephemeral and starts empty after a
 * restart. A view is kept alive by heartbeats and lapses `ttlMs` after the last one; the clock is
 * the runtime's, so tests drive lapses with a manual clock and `sweep()`. A real-time interval
 * (unref'd, running only while someone views something) sweeps in production.
 */
export class Presence {
  /** caseId → userId → { name, last heartbeat }; insertion order is the order people arrived in. */
  private readonly byCase = new Map<string, Map<string, { name: string; seenAt: number }>>();
  private timer: NodeJS.Timeout | null = null;
  private readonly ttlMs: number;

  constructor(private readonly deps: PresenceDeps) {
    this.ttlMs = deps.ttlMs ?? PRESENCE_TTL_MS;
  }

  /** The people viewing a case now, oldest first (lapsed views are left out). */
  viewers(caseId: string): Viewer[] {
    const now = this.deps.clock.now();
    const entries = this.byCase.get(caseId);
    if (!entries) return [];
    return [...entries].filter(([, v]) => now - v.seenAt < this.ttlMs).map(([id, v]) => ({ id, name: v.name }));
  }

  /** Whether `userId` has a live view of the case. */
  isViewing(caseId: string, userId: string): boolean {
    return this.viewers(caseId).some((v) => v.id === userId);
  }

  /** A heartbeat: `user` is looking at the case. Announces when the set changed; returns the viewers. */
  see(caseId: string, user: Viewer): Viewer[] {
    const changed = this.prune(caseId);
    let entries = this.byCase.get(caseId);
    if (!entries) this.byCase.set(caseId, (entries = new Map()));
    const known = entries.get(user.id);
    entries.set(user.id, { name: user.name, seenAt: this.deps.clock.now() });
    if (changed || !known || known.name !== user.name) this.announce(caseId);
    this.ensureTimer();
    return this.viewers(caseId);
  }

  /** `userId` closed the case view. Announces when they were viewing it. */
  leave(caseId: string, userId: string): void {
    const changed = this.prune(caseId);
    const entries = this.byCase.get(caseId);
    const removed = entries?.delete(userId) ?? false;
    if (entries && !entries.size) this.byCase.delete(caseId);
    if (changed || removed) this.announce(caseId);
    this.stopTimerIfIdle();
  }

  /** `userId` signed out: they leave every case they were viewing. */
  forget(userId: string): void {
    for (const caseId of [...this.byCase.keys()]) if (this.byCase.get(caseId)?.has(userId)) this.leave(caseId, userId);
  }

  /** Drops every lapsed view and announces each case whose viewers changed; returns how many cases changed. */
  sweep(): number {
    let n = 0;
    for (const caseId of [...this.byCase.keys()]) {
      if (this.prune(caseId)) {
        this.announce(caseId);
        n++;
      }
    }
    this.stopTimerIfIdle();
    return n;
  }

  /** Stops the sweep timer (the app is shutting down). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Removes the lapsed views of one case; true when any went. */
  private prune(caseId: string): boolean {
    const entries = this.byCase.get(caseId);
    if (!entries) return false;
    const now = this.deps.clock.now();
    let changed = false;
    for (const [id, v] of entries) {
      if (now - v.seenAt >= this.ttlMs) {
        entries.delete(id);
        changed = true;
      }
    }
    if (!entries.size) this.byCase.delete(caseId);
    return changed;
  }

  private announce(caseId: string): void {
    this.deps.announce(caseId, this.viewers(caseId));
  }

  private ensureTimer(): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.timer.unref?.();
  }

  private stopTimerIfIdle(): void {
    if (!this.byCase.size) this.stop();
  }
}
