import { DEFAULT_LOGIN_THROTTLE, type LoginThrottleConfig } from './auth/loginThrottle.ts';
import type { Clock } from './clock.ts';
import type { Db } from './db/client.ts';
import type { EventBus } from './events/EventBus.ts';
import { DEFAULT_RATE_LIMIT, type RateLimitConfig } from './http/rateLimit.ts';
import type { Logger } from './logger.ts';
import type { MapCache } from './maps/MapCache.ts';
import type { MailConfig } from './outbox/mailer.ts';
import type { Online } from './presence/Online.ts';
import type { Presence } from './presence/Presence.ts';

/** Settings the runtime reads from its environment (or tests pass in). */
export interface RuntimeConfig {
  /** Default claim lease in ms (10 minutes). */
  leaseMs: number;
  /** Largest accepted request body in bytes. */
  bodyLimit: number;
  /** How long a session lasts without use, in ms. */
  sessionIdleMs: number;
  /** How long a session lasts at most, however often it is used, in ms (`BATON_SESSION_MAX_DAYS`). */
  sessionMaxMs: number;
  /** Mark cookies `Secure` (behind TLS). Also set when the request arrived over https. */
  secureCookies: boolean;
  /** The built web app to serve, or null to serve the API only. */
  webRoot: string | null;
  /** Requests per client address and per token/user before 429 (`BATON_RATE_LIMIT`). */
  rateLimit: RateLimitConfig;
  /** When repeated wrong passwords lock sign-in. */
  loginThrottle: LoginThrottleConfig;
  /** Take the client address from `X-Forwarded-For` (only behind a trusted reverse proxy: `BATON_TRUST_PROXY=1`). */
  trustProxy: boolean;
  /**
   * Let webhooks call private, link-local and other non-public addresses (`BATON_WEBHOOK_ALLOW_PRIVATE=1`;
   * off by default, so a map cannot point the server at its network or a cloud's metadata service).
   * Loopback receivers on this machine are always allowed.
   */
  webhookAllowPrivate: boolean;
  /** Where e-mail notifications go out (`BATON_SMTP_URL`); null: e-mail recipients with an account get the in-app inbox only. */
  mail: MailConfig | null;
  /**
   * How often an open live-event stream checks its session and its person's roles and teams
   * against the database, in ms (changes made on this node end streams at once; this catches
   * those made on another node, and sessions that expired).
   */
  liveRecheckMs: number;
  /** The web app's address (`BATON_PUBLIC_URL`), for links to cases in notifications; null: no links. */
  publicUrl: string | null;
}

/** Default settings. */
export const DEFAULT_CONFIG: RuntimeConfig = {
  leaseMs: 10 * 60_000,
  bodyLimit: 10 * 1024 * 1024,
  sessionIdleMs: 7 * 24 * 3_600_000,
  sessionMaxMs: 30 * 24 * 3_600_000,
  secureCookies: false,
  webRoot: null,
  rateLimit: DEFAULT_RATE_LIMIT,
  loginThrottle: DEFAULT_LOGIN_THROTTLE,
  trustProxy: false,
  webhookAllowPrivate: false,
  mail: null,
  liveRecheckMs: 5_000,
  publicUrl: null,
};

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
