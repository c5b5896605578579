// The runtime's settings: their types, their defaults, and how they are read from the environment.
// The ground floor: nothing here imports from the rest of the runtime, so every part may import it.

/** A refill rate and a burst: `perMinute` requests a minute on average, up to `burst` at once. */
export interface BucketRate {
  perMinute: number;
  burst: number;
}

/** Per-address and per-credential request limits; `null` turns one off. */
export interface RateLimitConfig {
  /** Every `/api` request, by client address (before authentication, so floods cost no lookups). */
  ip: BucketRate | null;
  /** Every authenticated request, by ingest token or by signed-in user. */
  token: BucketRate | null;
}

/** Generous enough for a busy care team, benchmarks and the test suites; tighten with `BATON_RATE_LIMIT`. */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = {
  ip: { perMinute: 12_000, burst: 3_000 },
  token: { perMinute: 30_000, burst: 6_000 },
};

/** When repeated wrong passwords lock sign-in, and for how long. */
export interface LoginThrottleConfig {
  /** Wrong passwords for one e-mail from one address before sign-in locks. */
  perAccount: number;
  /** Wrong passwords from one address, over any e-mails (password spraying), before it locks. */
  perAddress: number;
  /** The first lock; each further failure while counting doubles it, up to `maxLockMs`. */
  lockMs: number;
  maxLockMs: number;
  /** Failures older than this are forgotten. */
  windowMs: number;
}

/** Five tries per account and address, fifty per address; locks start at a minute and cap at fifteen. */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottleConfig = {
  perAccount: 5,
  perAddress: 50,
  lockMs: 60_000,
  maxLockMs: 15 * 60_000,
  windowMs: 15 * 60_000,
};

/** Where e-mail notifications go out (`BATON_SMTP_URL`, `BATON_MAIL_FROM`, `BATON_PUBLIC_URL`). */
export interface MailConfig {
  /** `smtp://user:pass@host:587` (STARTTLS when the server offers it) or `smtps://…:465`. */
  smtpUrl: string;
  /** The From header, e.g. `Baton <baton@brand.example>`. */
  from: string;
  /** The web app's address, for a link to the case in each message (optional). */
  publicUrl: string | null;
}

/** The longest claim lease a person may ask for (`lease` on a claim or Take next): eight hours. */
export const MAX_LEASE_MS = 8 * 3_600_000;

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

type Env = Record<string, string | undefined>;

/**
 * The settings the environment gives (`BATON_*`), over the defaults of {@link DEFAULT_CONFIG}.
 * Unreadable values throw with the variable's name, so a typo stops start-up instead of silently
 * running with a default. `webRoot` is where the built web app is (null: API only).
 * @example configFromEnv({ BATON_RATE_LIMIT: 'off', BATON_TRUST_PROXY: '1' }, null)
 */
export function configFromEnv(env: Env, webRoot: string | null): Partial<RuntimeConfig> {
  return {
    webRoot,
    secureCookies: env.BATON_SECURE_COOKIES === '1',
    rateLimit: parseRateLimit(env.BATON_RATE_LIMIT),
    trustProxy: env.BATON_TRUST_PROXY === '1',
    webhookAllowPrivate: env.BATON_WEBHOOK_ALLOW_PRIVATE === '1',
    mail: mailFromEnv(env),
    publicUrl: publicUrlFromEnv(env),
    ...(env.BATON_SESSION_MAX_DAYS ? { sessionMaxMs: sessionMaxMs(env.BATON_SESSION_MAX_DAYS) } : {}),
  };
}

function publicUrlFromEnv(env: Env): string | null {
  return env.BATON_PUBLIC_URL?.trim().replace(/\/+$/, '') || null;
}

/**
 * Reads `BATON_RATE_LIMIT`: `off`, or `ip=<per minute>[/<burst>],token=<per minute>[/<burst>]`
 * (either part may be left out to keep its default; `0` turns a part off). Unparseable text
 * throws, so a typo stops start-up instead of silently leaving Baton unprotected.
 * @example parseRateLimit('ip=600/100,token=3000') // { ip: { perMinute: 600, burst: 100 }, token: { perMinute: 3000, burst: 6000 } }
 */
export function parseRateLimit(text: string | undefined): RateLimitConfig {
  if (text === undefined || text.trim() === '') return DEFAULT_RATE_LIMIT;
  if (text.trim() === 'off') return { ip: null, token: null };
  const out: RateLimitConfig = { ...DEFAULT_RATE_LIMIT };
  for (const part of text.split(',')) {
    const m = /^\s*(ip|token)\s*=\s*(\d+)(?:\/(\d+))?\s*$/.exec(part);
    if (!m) throw new Error(`BATON_RATE_LIMIT: cannot read "${part}" (expected ip=<per minute>[/<burst>] or token=<per minute>[/<burst>], or off)`);
    const perMinute = Number(m[2]);
    const key = m[1] as 'ip' | 'token';
    out[key] = perMinute === 0 ? null : { perMinute, burst: m[3] ? Math.max(1, Number(m[3])) : Math.max(1, DEFAULT_RATE_LIMIT[key]!.burst) };
  }
  return out;
}

/**
 * Reads the mail settings from the environment; null when `BATON_SMTP_URL` is not set (e-mail
 * recipients who have an account then get the in-app inbox only).
 */
export function mailFromEnv(env: Env): MailConfig | null {
  const smtpUrl = env.BATON_SMTP_URL?.trim();
  if (!smtpUrl) return null;
  let url: URL;
  try {
    url = new URL(smtpUrl);
  } catch {
    throw new Error('BATON_SMTP_URL must be a URL such as smtp://user:password@mail.example:587');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`BATON_SMTP_URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  return { smtpUrl, from: env.BATON_MAIL_FROM?.trim() || `Baton <baton@${url.hostname}>`, publicUrl: publicUrlFromEnv(env) };
}

/** `BATON_SESSION_MAX_DAYS` (a positive number of days, fractions allowed) in ms. */
export function sessionMaxMs(days: string): number {
  const n = Number(days);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`BATON_SESSION_MAX_DAYS must be a positive number of days, not "${days}"`);
  return Math.round(n * 24 * 3_600_000);
}
