import type { LiveEvent } from '../events/EventBus.ts';
import type { Runtime } from '../Runtime.ts';

/** A unit of work inside one transaction: the runtime plus a place to queue live events. */
export interface Work {
  rt: Runtime;
  /** The instant the work happens at (epoch ms). */
  now: number;
  /** Queues a live event, published only once the transaction has committed. */
  emit(event: LiveEvent): void;
}

/**
 * Runs `fn` in one SQLite transaction: everything it writes is committed together before the
 * caller answers, or nothing is. Live events queued with `emit` go out after the commit.
 * (better-sqlite3 is synchronous, so within this process transactions never interleave: two
 * concurrent claims are decided one after the other.)
 */
export function write<T>(rt: Runtime, fn: (w: Work) => T, now = rt.clock.now()): T {
  const events: LiveEvent[] = [];
  // better-sqlite3's own transaction (BEGIN … COMMIT, a savepoint when nested): drizzle's wrapper
  // builds its BEGIN and COMMIT statements afresh on every call, and this runs on every request.
  const result = rt.db.$client.transaction(() => fn({ rt, now, emit: (e) => events.push(e) }))();
  for (const e of events) rt.bus.publish(e);
  if (events.length) rt.wake();
  return result;
}
