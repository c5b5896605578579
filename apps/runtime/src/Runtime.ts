import type { Clock } from './clock.ts';
import type { RuntimeConfig } from './config.ts';
import type { Db } from './db/client.ts';
import type { EventBus } from './events/EventBus.ts';
import type { Logger } from './logger.ts';
import type { MapCache } from './maps/MapCache.ts';
import type { Online } from './presence/Online.ts';
import type { Presence } from './presence/Presence.ts';

/**
 * What every part of the runtime shares: the database, the clock, the live-event bus, the log and
 * the compiled-map cache. Built once by `createRuntime` and passed to routes and workers.
 */
export interface Runtime {
  db: Db;
  clock: Clock;
  bus: EventBus;
  log: Logger;
  maps: MapCache;
  /** Who is looking at which case (in memory, ephemeral). */
  presence: Presence;
  /** Who has Baton open (a live-event stream): strategies hand new cases only to them. */
  online: Online;
  config: RuntimeConfig;
  /** The one-time setup secret while no user exists (printed on first start). */
  setupSecret: string | null;
  /** Wakes the scheduler and outbox worker early (after a write that created due work). */
  wake(): void;
}
