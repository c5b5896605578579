import { and, asc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { prepared } from './db/prepared.ts';
import { CrisisBook } from './crisis/CrisisBook.ts';
import { cases, deadlines, mapCrisis } from './db/schema.ts';
import { releaseCase } from './cases/claimCase.ts';
import { moveCase } from './cases/moveCase.ts';
import { offerNext } from './cases/offerNext.ts';
import { addHistory } from './cases/persistStep.ts';
import { write, type Work } from './cases/write.ts';
import type { Runtime } from './Runtime.ts';

type DeadlineRow = typeof deadlines.$inferSelect;

/** Most firings in one slice of {@link Scheduler.drain} before requests get a turn. */
export const SLICE_MAX = 200;
/** Longest a slice of {@link Scheduler.drain} runs before requests get a turn, in ms. */
export const SLICE_MS = 10;

/**
 * Fires durable deadlines from the database: pass deadlines (`timeout`, at the instant they were
 * due, so a deadline that fell due while the server was down fires at start with its own time),
 * lapsed claim leases, and crisis clear-checks. Each firing is its own transaction. Nothing relies
 * on in-memory timers surviving: the timer here only decides when to look.
 */
export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running = false;
  private wakePending = false;

  constructor(private readonly rt: Runtime) {}

  /**
   * Fires everything due at the clock's now, earliest first, in one synchronous run; returns how
   * many things fired. Tests call it with a manual clock; the running server uses {@link drain},
   * which fires the same things in the same order but gives the event loop back between slices.
   */
  tick(): number {
    if (this.running) return 0;
    this.running = true;
    try {
      const now = this.rt.clock.now();
      let fired = 0;
      while (fired < 100_000 && this.fireNext(now)) fired++;
      return fired;
    } finally {
      this.running = false;
    }
  }

  /**
   * Fires everything due, earliest first, in slices of at most {@link SLICE_MAX} firings or
   * {@link SLICE_MS} ms, yielding to waiting requests (`setImmediate`) between slices: thousands of
   * deadlines falling due at one instant no longer hold the server still. Each firing is still its
   * own transaction that stamps `fired_at`, and the next one is chosen afresh from the database, so
   * the order and the exactly-once guarantee are those of {@link tick}. Stops between slices once
   * the scheduler is stopped. Resolves to how many things fired.
   */
  async drain(): Promise<number> {
    if (this.running) return 0;
    this.running = true;
    let fired = 0;
    try {
      for (;;) {
        const now = this.rt.clock.now();
        const until = performance.now() + SLICE_MS;
        let slice = 0;
        let more = true;
        while (slice < SLICE_MAX && performance.now() < until && (more = this.fireNext(now))) slice++;
        fired += slice;
        if (!more) return fired;
        await new Promise<void>((resolve) => setImmediate(resolve));
        if (!this.timer) return fired;
      }
    } finally {
      this.running = false;
    }
  }

  /** Fires the earliest thing due at `now` (a deadline or a crisis clear-check); false when nothing is due. */
  private fireNext(now: number): boolean {
    const { db } = this.rt;
    const d = prepared(db, 'deadlines.nextDue', () =>
      db.select().from(deadlines)
        .where(and(isNull(deadlines.firedAt), isNull(deadlines.cancelledAt), lte(deadlines.dueAt, sql.placeholder('now'))))
        .orderBy(asc(deadlines.dueAt), asc(deadlines.id)).limit(1).prepare(),
    ).get({ now });
    const cr = prepared(db, 'mapCrisis.nextDue', () =>
      db.select().from(mapCrisis)
        .where(and(isNotNull(mapCrisis.nextCheckAt), lte(mapCrisis.nextCheckAt, sql.placeholder('now'))))
        .orderBy(asc(mapCrisis.nextCheckAt)).limit(1).prepare(),
    ).get({ now });
    if (!d && !cr) return false;
    if (cr && (!d || cr.nextCheckAt! <= d.dueAt)) this.checkCrisis(cr.mapId, cr.nextCheckAt!);
    else if (d) this.fire(d, now);
    return true;
  }

  private checkCrisis(mapId: string, at: number): void {
    write(this.rt, (w) => {
      const active = this.rt.maps.active().find((a) => a.mapId === mapId);
      if (!active?.compiled.map.crisis) {
        this.rt.db.update(mapCrisis).set({ nextCheckAt: null }).where(eq(mapCrisis.mapId, mapId)).run();
        return;
      }
      const book = new CrisisBook(w);
      book.advance(mapId, active.compiled, at);
      book.save();
      const after = this.rt.db.select({ next: mapCrisis.nextCheckAt }).from(mapCrisis).where(eq(mapCrisis.mapId, mapId)).get();
      // Never look again at the same instant: that would spin.
      if (after?.next !== null && after?.next !== undefined && after.next <= at) {
        this.rt.db.update(mapCrisis).set({ nextCheckAt: null }).where(eq(mapCrisis.mapId, mapId)).run();
      }
    }, at);
  }

  private fire(d: DeadlineRow, now: number): void {
    write(this.rt, (w) => {
      this.rt.db.update(deadlines).set({ firedAt: now }).where(eq(deadlines.id, d.id)).run();
      const row = this.rt.db.select().from(cases).where(eq(cases.id, d.caseId)).get();
      if (!row || row.status === 'ended') return;
      const book = new CrisisBook(w);
      if (d.kind === 'timeout') fireTimeout(w, book, d, row, now);
      else if (d.kind === 'lease' && row.holder && row.claimExpiresAt === d.dueAt) {
        releaseCase(w, book, row, null, 'lease.lapsed', { at: d.dueAt, handOut: true });
      }
      book.save();
    }, d.dueAt);
  }

  /** Looks for due work soon (after a write that may have created some); many wakes, one look. */
  wake(): void {
    if (!this.timer || this.wakePending) return;
    this.wakePending = true;
    setImmediate(() => {
      this.wakePending = false;
      this.safeTick();
    });
  }

  private safeTick(): void {
    this.drain().catch((e: unknown) => {
      this.rt.log.error({ msg: 'scheduler tick failed', error: String(e), stack: e instanceof Error ? e.stack : undefined });
    });
  }

  /** Starts looking every `intervalMs` (and at once, for deadlines that fell due while down). */
  start(intervalMs = 250): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.safeTick(), intervalMs);
    this.timer.unref();
    this.safeTick();
  }

  /** Stops looking. */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

function fireTimeout(w: Work, book: CrisisBook, d: DeadlineRow, row: typeof cases.$inferSelect, now: number): void {
  if (row.dueAt !== d.dueAt || row.node !== d.node) return; // the case moved on: stale
  addHistory(w, row.id, 'timeout', null, { node: d.node, dueAt: new Date(d.dueAt).toISOString(), ...(now > d.dueAt + 1000 ? { firedLateMs: now - d.dueAt } : {}) });
  const result = moveCase(w, book, row, { type: 'timeout' }, { handOut: true });
  if ('refused' in result) addHistory(w, row.id, 'timeout.refused', null, { node: d.node, reason: result.refused });
  // The deadline took the case from its holder: they are free for the next one.
  else if (row.holder && result.row.holder !== row.holder) offerNext(w, book, row.holder, now);
}
