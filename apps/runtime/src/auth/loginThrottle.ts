import type { Context } from 'hono';
import { audit } from '../audit.ts';
import { ApiError } from '../errors.ts';
import type { LoginThrottleConfig } from '../config.ts';
import type { AppEnv } from '../http/AppEnv.ts';
import { limitKey } from '../http/clientIp.ts';
import type { Runtime } from '../Runtime.ts';

interface Failures {
  failures: number;
  firstAt: number;
  lockedUntil: number;
}

/**
 * Counts failed sign-ins by e-mail + client address, and by address alone, and locks sign-in for
 * a growing time once a limit is reached (`POST /api/session` answers 429 with `Retry-After`,
 * before the password is even checked). A success clears the account's count. Kept in memory:
 * a restart forgives, which is the lesser harm than a lock-out table an attacker can fill.
 * @example
 * const t = new LoginThrottle(DEFAULT_LOGIN_THROTTLE);
 * t.retryAfter('ana@x.org', '10.0.0.1', now); // 0: go ahead
 */
export class LoginThrottle {
  private readonly records = new Map<string, Failures>();

  constructor(readonly config: LoginThrottleConfig) {}

  /** Ms until this e-mail may try again from this address (0: now). */
  retryAfter(email: string, ip: string, now: number): number {
    return Math.max(this.wait(accountKey(email, ip), now), this.wait(addressKey(ip), now));
  }

  /** Records a wrong password; answers the ms of the lock it caused (0 when none yet). */
  failed(email: string, ip: string, now: number): number {
    const a = this.count(accountKey(email, ip), this.config.perAccount, now);
    const b = this.count(addressKey(ip), this.config.perAddress, now);
    this.trim();
    return Math.max(a, b);
  }

  /** A right password: the account's count starts over (the address count stays). */
  succeeded(email: string, ip: string): void {
    this.records.delete(accountKey(email, ip));
  }

  private wait(key: string, now: number): number {
    const r = this.records.get(key);
    return r && r.lockedUntil > now ? r.lockedUntil - now : 0;
  }

  private count(key: string, limit: number, now: number): number {
    let r = this.records.get(key);
    if (!r || (now - r.firstAt > this.config.windowMs && r.lockedUntil <= now)) r = { failures: 0, firstAt: now, lockedUntil: 0 };
    r.failures++;
    this.records.delete(key);
    this.records.set(key, r);
    if (r.failures < limit) return 0;
    const lock = Math.min(this.config.maxLockMs, this.config.lockMs * 2 ** Math.min(20, r.failures - limit));
    r.lockedUntil = now + lock;
    return lock;
  }

  private trim(): void {
    while (this.records.size > 100_000) {
      const oldest = this.records.keys().next().value;
      if (oldest === undefined) break;
      this.records.delete(oldest);
    }
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
  if (!t) throttles.set(rt, (t = new LoginThrottle(rt.config.loginThrottle)));
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
