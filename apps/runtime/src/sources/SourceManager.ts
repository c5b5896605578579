import { randomBytes } from 'node:crypto';
import { checkSourceInput, type Mention, type SourceKind, type SourceView } from '@baton/engine';
import { and, count, eq, max, sql } from 'drizzle-orm';
import type { Db } from '../db/client.ts';
import { audit } from '../audit.ts';
import { randomId } from '../auth/secrets.ts';
import { ingestGroup } from '../cases/ingest.ts';
import { iso } from '../clock.ts';
import { mentions, sourcePosts, sources, type SourceRow } from '../db/schema.ts';
import { ApiError, notFound } from '../errors.ts';
import type { RequestContext } from '../http/requestContext.ts';
import { auditRefusal, checkWebhook, WebhookRefused, type OutboundPurpose } from '../outbox/webhookGuard.ts';
import type { Runtime } from '../Runtime.ts';
import { backoffMs, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.ts';
import { blueskySource } from './blueskySource.ts';
import { readNetworkError } from './httpError.ts';
import { mastodonSource } from './mastodonSource.ts';
import { rssSource } from './rssSource.ts';
import { openSecrets, sealSecrets } from './sourceSecrets.ts';
import type { SourceContext, SourceItem, SourceReader } from './sourceTypes.ts';

const READERS: Record<SourceKind, SourceReader> = { rss: rssSource, mastodon: mastodonSource, bluesky: blueskySource };

/** How the source manager runs (tests shorten the backoff). */
export interface SourceManagerOptions {
  /** Key for secrets at rest; a fresh one (good for this process only) when absent. */
  secretKey?: Buffer;
  backoff?: Partial<BackoffOptions>;
}

interface Running {
  ctrl: AbortController;
  done: Promise<void>;
  wakers: Set<() => void>;
  healthy: boolean;
  failures: number;
  /** Commits of this source, one after the other. */
  chain: Promise<unknown>;
}

const managers = new WeakMap<Runtime, SourceManager>();

/** The source manager of a runtime (made by `createApp`). */
export function sourcesOf(rt: Runtime): SourceManager {
  const m = managers.get(rt);
  if (!m) throw new Error('this runtime has no source manager');
  return m;
}

/** What a source read: counted from the mentions themselves, so a crash between commits cannot skew it. */
function readCounts(db: Db, id: string): { mentions: number; lastAt: number | null } {
  const r = db.select({ n: count(), last: max(mentions.receivedAt) }).from(mentions).where(eq(mentions.sourceId, id)).get();
  return { mentions: r?.n ?? 0, lastAt: r?.last ?? null };
}

/** A source's view for `GET /api/sources` (never its secrets). */
export function sourceView(db: Db, row: SourceRow): SourceView {
  const read = readCounts(db, row.id);
  return {
    id: row.id, kind: row.kind as SourceKind, name: row.name, brand: row.brand,
    state: row.paused ? 'paused' : row.failing ? 'failing' : 'running',
    lastMentionAt: iso(read.lastAt), lastError: row.lastError,
    counts: { mentions: read.mentions, duplicates: row.duplicateCount, errors: row.errorCount },
    settings: row.settings, hasSecrets: row.secrets !== null,
  };
}

/**
 * Runs every source that is not paused, each in its own loop: read, commit, and after a disconnect
 * or an error reconnect with exponential backoff and jitter from the saved cursor. A source that
 * keeps failing shows `failing` with its reason; no source's failure reaches the rest of Baton.
 */
export class SourceManager {
  private readonly running = new Map<string, Running>();
  /** Refusals already written to the audit log (see {@link guard}). */
  private readonly refusalsAudited = new Set<string>();
  private started = false;
  private readonly key: Buffer;
  private readonly backoff: BackoffOptions;

  constructor(private readonly rt: Runtime, opts: SourceManagerOptions = {}) {
    this.key = opts.secretKey ?? randomBytes(32);
    this.backoff = { ...DEFAULT_BACKOFF, ...opts.backoff };
    managers.set(rt, this);
  }

  /** Starts every source that is not paused (server start-up; tests call it themselves). */
  start(): void {
    if (this.started) return;
    this.started = true;
    for (const row of this.rt.db.select().from(sources).where(eq(sources.paused, false)).all()) this.launch(row.id);
  }

  /** Stops every source and waits for their loops to end. */
  async stop(): Promise<void> {
    this.started = false;
    await Promise.all([...this.running.keys()].map((id) => this.halt(id)));
  }

  /** Every source, oldest first. */
  list(): SourceView[] {
    return this.rt.db.select().from(sources).orderBy(sources.createdAt, sources.id).all().map((row) => sourceView(this.rt.db, row));
  }

  /** One source's row, or null. */
  get(id: string): SourceRow | null {
    return this.rt.db.select().from(sources).where(eq(sources.id, id)).get() ?? null;
  }

  /** Adds a source (settings and secrets checked per kind; 400 naming every problem) and starts it. */
  create(
    input: { kind: SourceKind; name: string; brand?: string | undefined; settings: Record<string, unknown>; secrets?: Record<string, string> | undefined },
    actor: string | null,
    from?: RequestContext,
  ): string {
    const checked = checkSourceInput(input.kind, input.settings, input.secrets);
    if (!checked.ok) {
      throw new ApiError(400, 'INVALID', `The ${input.kind} source's settings do not fit: ${checked.problems.join('; ')}`, {
        issues: checked.problems.map((p) => ({ path: p.split(':')[0], message: p.slice(p.indexOf(':') + 2) })),
      });
    }
    const id = randomId('src');
    const now = this.rt.clock.now();
    this.rt.db.transaction((tx) => {
      tx.insert(sources).values({
        id, kind: input.kind, name: input.name, brand: input.brand ?? null, settings: checked.settings,
        secrets: checked.secrets ? sealSecrets(this.key, checked.secrets, id) : null, createdBy: actor, createdAt: now,
      }).run();
      audit(tx, now, { actor, action: 'source.create', target: id, from, data: { kind: input.kind, name: input.name, brand: input.brand ?? null } });
    });
    this.launch(id);
    return id;
  }

  /** Pauses a source (its cursor stays: resume picks up where it stopped). */
  async pause(id: string, actor: string | null, from?: RequestContext): Promise<void> {
    this.setPaused(id, true, actor, from);
    await this.halt(id);
  }

  /** Resumes a paused source from its cursor. */
  resume(id: string, actor: string | null, from?: RequestContext): void {
    this.setPaused(id, false, actor, from);
    this.launch(id);
  }

  /** Stops and deletes a source; the mentions it read stay. */
  async remove(id: string, actor: string | null, from?: RequestContext): Promise<void> {
    if (!this.get(id)) throw notFound('Source');
    await this.halt(id);
    const now = this.rt.clock.now();
    this.rt.db.transaction((tx) => {
      tx.delete(sources).where(eq(sources.id, id)).run();
      tx.delete(sourcePosts).where(eq(sourcePosts.sourceId, id)).run();
      audit(tx, now, { actor, action: 'source.delete', target: id, from });
    });
  }

  /** Makes a sleeping source read now (a feed polls at once instead of waiting for `every`). */
  wake(id: string): void {
    for (const w of this.running.get(id)?.wakers ?? []) w();
  }

  /** A source's decrypted secrets (for posting replies over its account). */
  secretsOf(row: SourceRow): Record<string, string> | null {
    return row.secrets ? openSecrets(this.key, row.secrets, row.id) : null;
  }

  /**
   * Checks an outbound URL with the webhook guard (loopback allowed; private ranges only if
   * allowed). A refusal is audited (`source.refused` / `reply.refused`) once per source, purpose
   * and host while the process runs, so a source retrying with backoff does not fill the log.
   */
  async guard(url: string, about?: { sourceId: string; purpose: OutboundPurpose }): Promise<void> {
    try {
      await checkWebhook(url, this.rt.config.webhookAllowPrivate);
    } catch (e) {
      if (e instanceof WebhookRefused && about) {
        const key = `${about.sourceId} ${about.purpose} ${hostKey(url)}`;
        if (!this.refusalsAudited.has(key)) {
          this.refusalsAudited.add(key);
          auditRefusal(this.rt, e, { purpose: about.purpose, url, target: `source:${about.sourceId}` });
        }
      }
      throw e;
    }
  }

  private setPaused(id: string, paused: boolean, actor: string | null, from?: RequestContext): void {
    const now = this.rt.clock.now();
    this.rt.db.transaction((tx) => {
      const res = tx.update(sources).set(paused ? { paused } : { paused, failing: false, lastError: null }).where(eq(sources.id, id)).run();
      if (res.changes === 0) throw notFound('Source');
      audit(tx, now, { actor, action: paused ? 'source.pause' : 'source.resume', target: id, from });
    });
  }

  private launch(id: string): void {
    if (!this.started || this.running.has(id)) return;
    const r: Running = { ctrl: new AbortController(), done: Promise.resolve(), wakers: new Set(), healthy: false, failures: 0, chain: Promise.resolve() };
    this.running.set(id, r);
    r.done = this.loop(id, r).catch((error: unknown) => {
      this.rt.log.error({ msg: 'source loop stopped', source: id, error: String(error) });
    });
  }

  private async halt(id: string): Promise<void> {
    const r = this.running.get(id);
    if (!r) return;
    r.ctrl.abort();
    for (const w of r.wakers) w();
    await r.done;
    this.running.delete(id);
  }

  private async loop(id: string, r: Running): Promise<void> {
    while (!r.ctrl.signal.aborted) {
      const row = this.get(id);
      if (!row || row.paused) break;
      let secrets: Record<string, string> | null = null;
      try {
        secrets = this.secretsOf(row);
        await READERS[row.kind as SourceKind](this.context(row, secrets, r));
        if (r.ctrl.signal.aborted) break;
        throw new Error('the connection closed');
      } catch (thrown) {
        if (r.ctrl.signal.aborted) break;
        const error = await readNetworkError(thrown);
        r.failures = r.healthy ? 1 : r.failures + 1;
        r.healthy = false;
        this.recordFailure(id, redact(error instanceof Error ? error.message : String(error), secrets), r.failures);
      }
      await this.sleep(r, backoffMs(r.failures, this.backoff, Math.random));
    }
    this.running.delete(id);
  }

  private context(row: SourceRow, secrets: Record<string, string> | null, r: Running): SourceContext {
    return {
      id: row.id, kind: row.kind as SourceKind, name: row.name, settings: row.settings, secrets, cursor: row.cursor,
      signal: r.ctrl.signal, log: this.rt.log,
      commit: (items, cursor) => {
        const next = r.chain.then(() => this.commit(row, items, cursor));
        r.chain = next.catch(() => {});
        return next;
      },
      healthy: () => {
        if (r.healthy) return;
        r.healthy = true;
        r.failures = 0;
        this.rt.db.update(sources).set({ failing: false, lastError: null }).where(and(eq(sources.id, row.id), sql`(${sources.failing} = 1 or ${sources.lastError} is not null)`)).run();
      },
      guard: (url) => this.guard(url, { sourceId: row.id, purpose: 'source' }),
      sleep: (ms) => this.sleep(r, ms),
    };
  }

  private sleep(r: Running, ms: number): Promise<void> {
    if (r.ctrl.signal.aborted) return Promise.resolve();
    return new Promise((done) => {
      const finish = () => {
        clearTimeout(timer);
        r.wakers.delete(finish);
        done();
      };
      const timer = setTimeout(finish, ms);
      r.wakers.add(finish);
    });
  }

  private recordFailure(id: string, message: string, failures: number): void {
    const failing = failures >= this.backoff.failAfter;
    this.rt.db.update(sources).set({ lastError: message.slice(0, 500), errorCount: sql`${sources.errorCount} + 1`, ...(failing ? { failing: true } : {}) }).where(eq(sources.id, id)).run();
    this.rt.log.error({ msg: failing ? 'source failing' : 'source reconnecting', source: id, failures, error: message });
  }

  /**
   * Ingests a batch with `ingestGroup` (the path `POST /api/mentions` takes: routing, dedupe by id,
   * reply threads), marks the mentions as this source's and saves the cursor, all in one
   * transaction: the resume point moves exactly when the mentions it covers are stored. (Live events
   * of the ingest go out synchronously at the end of its inner step, just before this commit.)
   */
  private async commit(row: SourceRow, items: SourceItem[], cursor: Record<string, unknown>): Promise<void> {
    const batch: Mention[] = items.map((i) => (row.brand && !i.mention.brand ? { ...i.mention, brand: row.brand } : i.mention));
    const { db } = this.rt;
    const sqlite = db.$client;
    // Plain prepared statements (cached by the connection): this runs once per post read.
    const mark = sqlite.prepare('update mentions set source_id = ?, brand = coalesce(brand, ?) where id = ? and source_id is null');
    const keep = sqlite.prepare('insert or ignore into source_posts (mention_id, source_id, network_id, cid, root_uri, root_cid) values (?, ?, ?, ?, ?, ?)');
    sqlite.transaction(() => {
      const results = batch.length ? ingestGroup(this.rt, [batch])[0]! : [];
      const duplicates = results.filter((x) => x.status === 'duplicate').length;
      batch.forEach((m, i) => {
        mark.run(row.id, m.brand ?? null, m.id);
        const ref = items[i]!.ref;
        if (ref) keep.run(m.id, row.id, ref.networkId, ref.cid ?? null, ref.rootUri ?? null, ref.rootCid ?? null);
      });
      db.update(sources).set({ cursor, ...(duplicates ? { duplicateCount: sql`${sources.duplicateCount} + ${duplicates}` } : {}) }).where(eq(sources.id, row.id)).run();
    })();
  }
}

/** Removes secret values from a message before it is stored or logged. */
function redact(message: string, secrets: Record<string, string> | null): string {
  let out = message;
  for (const s of Object.values(secrets ?? {})) if (s.length >= 4) out = out.split(s).join('[secret]');
  return out;
}

/** The host of a URL for the refusal key (the URL itself when it does not parse). */
function hostKey(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
