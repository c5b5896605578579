import { and, eq, inArray, lt, lte } from 'drizzle-orm';
import type { Context } from 'hono';
import { audit } from '../audit.ts';
import type { Db } from '../db/client.ts';
import { loginFailures } from '../db/schema.ts';
import { ApiError } from '../errors.ts';
import type { LoginThrottleConfig } from '../config.ts';
import type { AppEnv } from '../http/AppEnv.ts';
import { limitKey } from '../http/clientIp.ts';
import type { Runtime } from '../Runtime.ts';

/** How many recorded failures between two prunings of forgotten rows. */
const PRUNE_EVERY = 200;

/**
 * Counts failed sign-ins by e-mail + client address, and by address alone, and locks sign-in for
 * a growing time once a limit is reached (`POST /api/session` answers 429 with `Retry-After`,
 * before the password is even checked). A success clears the account's count. Kept in the
 * database (`login_failures`), so a lock holds on every node and across a restart; each count is
 * read and written in one immediate transaction, so concurrent failures are all counted. Rows past
 * their window and lock are pruned now and then (a table an attacker fills empties itself).
 * @example
 * const t = new LoginThrottle(db, DEFAULT_LOGIN_THROTTLE);
 * t.retryAfter('ana@x.org', '10.0.0.1', now); // 0: go ahead
 */
export class LoginThrottle {
  private recorded = 0;

  constructor(
    private readonly db: Db,
    readonly config: LoginThrottleConfig,
  ) {}

  /** Ms until this e-mail may try again from this address (0: now). */
  retryAfter(email: string, ip: string, now: number): number {
    const rows = this.db.select({ lockedUntil: loginFailures.lockedUntil }).from(loginFailures).where(inArray(loginFailures.key, [accountKey(email, ip), addressKey(ip)])).all();
    return Math.max(0, ...rows.map((r) => r.lockedUntil - now));
  }

  /** Records a wrong password; answers the ms of the lock it caused (0 when none yet). */
  failed(email: string, ip: string, now: number): number {
    const lock = this.db.transaction(() => Math.max(this.count(accountKey(email, ip), this.config.perAccount, now), this.count(addressKey(ip), this.config.perAddress, now)), { behavior: 'immediate' });
    if (++this.recorded % PRUNE_EVERY === 0) this.prune(now);
    return lock;
  }

  /** A right password: the account's count starts over (the address count stays). */
  succeeded(email: string, ip: string): void {
    this.db.delete(loginFailures).where(eq(loginFailures.key, accountKey(email, ip))).run();
  }

  /** Deletes counts whose window has passed and whose lock is over. */
  prune(now: number): number {
    return this.db.delete(loginFailures).where(and(lte(loginFailures.lockedUntil, now), lt(loginFailures.firstAt, now - this.config.windowMs))).run().changes;
  }

  private count(key: string, limit: number, now: number): number {
    let r = this.db.select().from(loginFailures).where(eq(loginFailures.key, key)).get();
    if (!r || (now - r.firstAt > this.config.windowMs && r.lockedUntil <= now)) r = { key, failures: 0, firstAt: now, lockedUntil: 0 };
    r.failures++;
    if (r.failures >= limit) r.lockedUntil = now + Math.min(this.config.maxLockMs, this.config.lockMs * 2 ** Math.min(20, r.failures - limit));
    this.db.insert(loginFailures).values(r).onConflictDoUpdate({ target: loginFailures.key, set: { failures: r.failures, firstAt: r.firstAt, lockedUntil: r.lockedUntil } }).run();
    return r.failures >= limit ? r.lockedUntil - now : 0;
  }
}

function accountKey(email: string, ip: string): string {
  return `a\u0000${email.trim().toLowerCase()}\u0000${limitKey(ip)}`;
}
function addressKey(ip: string): string {
  return `i\u0000${limitKey(ip)}`;
}

const throttles = new WeakMap<Runtime, LoginThrottle>();

/** The runtime's one sign-in throttle (configured by `RuntimeConfig.loginThrottle`). */
export function loginThrottle(rt: Runtime): LoginThrottle {
  let t = throttles.get(rt);
  if (!t) throttles.set(rt, (t = new LoginThrottle(rt.db, rt.config.loginThrottle)));
  return t;
}

function locked(c: Context<AppEnv>, waitMs: number): ApiError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  c.header('Retry-After', String(seconds));
  return new ApiError(429, 'TOO_MANY_ATTEMPTS', `Too many wrong passwords; try again in ${seconds} s`, { retryAfter: seconds });
}

/** 429 with `Retry-After` while sign-in is locked for this e-mail from this address. Call before checking the password. */
export function refuseWhileLocked(c: Context<AppEnv>, email: string): void {
  const rt = c.get('rt');
  const wait = loginThrottle(rt).retryAfter(email, c.get('from').ip, rt.clock.now());
  if (wait) throw locked(c, wait);
}

/** Counts and audits a failed sign-in; answers the 401 to throw, or the 429 when this failure locked sign-in. */
export function loginFailed(c: Context<AppEnv>, email: string, userId: string | null): ApiError {
  const rt = c.get('rt');
  const now = rt.clock.now();
  const lock = loginThrottle(rt).failed(email, c.get('from').ip, now);
  audit(rt.db, now, { actor: userId, action: 'session.login.failed', target: email.trim().toLowerCase().slice(0, 254), from: c.get('from'), ...(lock ? { data: { lockedForSec: Math.ceil(lock / 1000) } } : {}) });
  return lock ? locked(c, lock) : new ApiError(401, 'INVALID_CREDENTIALS', 'Wrong e-mail or password');
}

/** Clears the account's failure count and audits the sign-in. */
export function loginSucceeded(c: Context<AppEnv>, email: string, userId: string): void {
  const rt = c.get('rt');
  const from = c.get('from');
  loginThrottle(rt).succeeded(email, from.ip);
  audit(rt.db, rt.clock.now(), { actor: userId, action: 'session.login', target: userId, from, ...(from.userAgent ? { data: { userAgent: from.userAgent } } : {}) });
}
