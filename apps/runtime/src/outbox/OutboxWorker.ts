import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { audit } from '../audit.ts';
import { prepared } from '../db/prepared.ts';
import { inbox, outbox, replies, teamMembers, users } from '../db/schema.ts';
import type { Runtime } from '../Runtime.ts';
import { replyAttemptFailed, replyPosted } from '../replies/recordReply.ts';
import { postReply, ReplyRefused } from '../sources/postReply.ts';
import { Mailer, MailRefused } from './mailer.ts';
import { notificationFacts, slackText } from './notificationFacts.ts';
import { signatureHeaders, webhookSecret } from './webhookSecret.ts';
import { checkWebhook, postWebhook, WebhookRefused, type Resolve } from './webhookGuard.ts';

type OutboxRow = typeof outbox.$inferSelect;

/** Delivery settings. */
export interface OutboxOptions {
  /**
   * A fetch to post webhooks with instead of the built-in poster (tests only: it is called after
   * the address check but does not connect to the checked address, see `postWebhook`).
   */
  fetch?: typeof fetch;
  /** How webhook host names are resolved (tests pass their own; default `dns.lookup`). */
  resolve?: Resolve;
  /** Attempts before a notification is given up (marked failed). */
  maxAttempts?: number;
  /** First retry delay; each later one doubles, up to an hour. */
  baseDelayMs?: number;
  /** Webhook and SMTP timeout. */
  timeoutMs?: number;
}

class Permanent extends Error {}

/** The host of a webhook URL for the audit log (not the path, which may hold the receiver's secret). */
function hostOf(url: unknown): string | null {
  try {
    return new URL(String(url)).host;
  } catch {
    return null;
  }
}

/**
 * Delivers notifications written to the outbox: team and member recipients get an in-app inbox
 * entry (and a live `notification` event), webhooks a signed JSON POST (Standard Webhooks), Slack
 * recipients a readable message, replies are posted to their network (`postReply`), e-mail recipients a mail over
 * SMTP when `BATON_SMTP_URL` is set (and, if they have an account, the in-app inbox too). A failed
 * delivery is retried with exponential backoff; after `maxAttempts` it is marked failed with its
 * last error. A refusal (webhook address not allowed, mail server's 5xx) fails at once.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private busy: Promise<number> | null = null;
  private wakePending = false;
  private readonly mailer: Mailer | null;
  private readonly opts: Required<Omit<OutboxOptions, 'fetch' | 'resolve'>> & Pick<OutboxOptions, 'fetch' | 'resolve'>;

  constructor(private readonly rt: Runtime, opts: OutboxOptions = {}) {
    this.opts = { fetch: opts.fetch, resolve: opts.resolve, maxAttempts: opts.maxAttempts ?? 8, baseDelayMs: opts.baseDelayMs ?? 1000, timeoutMs: opts.timeoutMs ?? 10_000 };
    this.mailer = rt.config.mail ? new Mailer(rt.config.mail, this.opts.timeoutMs) : null;
  }

  /** Delivers everything due now; resolves to the number delivered. One run at a time. */
  deliverDue(): Promise<number> {
    this.busy ??= this.run().finally(() => (this.busy = null));
    return this.busy;
  }

  private async run(): Promise<number> {
    let delivered = 0;
    const { db } = this.rt;
    const due = prepared(db, 'outbox.due', () =>
      db.select().from(outbox)
        .where(and(isNull(outbox.deliveredAt), isNull(outbox.failedAt), lte(outbox.nextAttemptAt, sql.placeholder('now'))))
        .orderBy(asc(outbox.id)).limit(200).prepare(),
    ).all({ now: this.rt.clock.now() });
    for (const row of due) {
      try {
        await this.deliver(row);
        this.rt.db.update(outbox).set({ deliveredAt: this.rt.clock.now(), attempts: row.attempts + 1, lastError: null }).where(eq(outbox.id, row.id)).run();
        delivered++;
      } catch (e) {
        const attempts = row.attempts + 1;
        const now = this.rt.clock.now();
        const refused = e instanceof ReplyRefused && !e.retryable;
        const giveUp = refused || e instanceof Permanent || e instanceof WebhookRefused || e instanceof MailRefused || attempts >= this.opts.maxAttempts;
        const delay = Math.min(this.opts.baseDelayMs * 2 ** (attempts - 1), 3_600_000);
        const error = String(e instanceof Error ? e.message : e).slice(0, 500);
        this.rt.db.update(outbox).set({ attempts, lastError: error, nextAttemptAt: now + delay, ...(giveUp ? { failedAt: now } : {}) })
          .where(eq(outbox.id, row.id)).run();
        if (row.kind === 'reply') replyAttemptFailed(this.rt, String(row.recipient.reply), error, giveUp);
        if (e instanceof WebhookRefused) {
          const p = row.payload;
          audit(this.rt.db, now, {
            actor: null, action: 'webhook.refused', target: `outbox:${row.id}`,
            data: { ...e.details, host: hostOf(row.recipient.webhook ?? row.recipient.slack), message: e.message, kind: p.kind, mapId: p.mapId, caseId: p.caseId, node: p.node },
          });
        }
        this.rt.log.info({ msg: giveUp ? 'notification failed' : 'notification will be retried', outbox: row.id, attempts, error: String(e) });
      }
    }
    return delivered;
  }

  /** POSTs a JSON body to a webhook or Slack URL, checked at every attempt (DNS answers change); refusals are WebhookRefused, never retried. */
  private async post(url: string, body: string, extra: Record<string, string>, what: string): Promise<void> {
    const target = await checkWebhook(url, this.rt.config.webhookAllowPrivate, this.opts.resolve);
    const headers = { 'content-type': 'application/json', 'user-agent': 'baton-runtime', ...extra };
    const status = this.opts.fetch
      ? (await this.opts.fetch(target.url, { method: 'POST', headers, body, redirect: 'manual', signal: AbortSignal.timeout(this.opts.timeoutMs) })).status
      : await postWebhook(target, body, headers, this.opts.timeoutMs);
    if (status < 200 || status > 299) throw new Error(`${what} answered ${status}`);
  }

  private async deliver(row: OutboxRow): Promise<void> {
    const r = row.recipient as { team?: string; member?: string; webhook?: string; email?: string; slack?: string; reply?: string; mentionId?: string };
    const p = row.payload;
    if (row.kind === 'reply' && r.reply) {
      const text = this.rt.db.select({ text: replies.text }).from(replies).where(eq(replies.id, r.reply)).get()?.text;
      if (text === undefined) throw new Permanent(`reply ${r.reply} no longer exists`);
      replyPosted(this.rt, r.reply, await postReply(this.rt, { mentionId: String(r.mentionId), text }));
      return;
    }
    if (p.kind === 'reply') return; // a reply delivery that names no reply has nothing to post
    if (r.webhook) {
      const facts = notificationFacts(this.rt, p);
      // An interaction (the care record, docs/api.md) keeps its own outcome and time over the case's facts.
      const body = JSON.stringify(p.kind === 'interaction' ? { type: 'baton.interaction', id: row.id, ...facts, ...p } : { type: 'baton.notification', id: row.id, ...p, ...facts });
      const messageId = `baton_${row.id}`;
      await this.post(r.webhook, body, { 'x-baton-delivery': String(row.id), ...signatureHeaders(webhookSecret(this.rt), messageId, body) }, 'webhook');
      return;
    }
    if (p.kind === 'interaction') throw new Permanent('an interaction is delivered to webhooks only');
    if (r.slack) {
      const text = slackText(p, notificationFacts(this.rt, p));
      await this.post(r.slack, JSON.stringify({ text }), {}, 'Slack');
      return;
    }
    let people: string[] = [];
    if (r.team) people = this.rt.db.select({ id: teamMembers.userId }).from(teamMembers).where(eq(teamMembers.teamId, r.team)).all().map((m) => m.id);
    else if (r.member ?? r.email) {
      const key = (r.member ?? r.email)!;
      const u = this.rt.db.select({ id: users.id }).from(users).where(eq(users.id, key)).get()
        ?? this.rt.db.select({ id: users.id }).from(users).where(eq(users.email, key.toLowerCase())).get();
      // Mail first: if it fails, nothing was delivered and the retry starts over (no double inbox entries).
      if (r.email && this.mailer) await this.mailer.send(r.email, p);
      else if (!u) throw new Permanent(r.email ? 'no e-mail transport is configured (set BATON_SMTP_URL) and no user has this address' : `no user ${key}`);
      people = u ? [u.id] : [];
    }
    const at = this.rt.clock.now();
    const message = String(p.message ?? '');
    for (const userId of people) this.rt.db.insert(inbox).values({ userId, at, message, data: p }).run();
    if (people.length) this.rt.bus.publish({ type: 'notification', data: { ...p, message }, users: people });
  }

  /** Delivers soon (after a write that queued notifications). */
  wake(): void {
    if (!this.timer || this.wakePending) return;
    this.wakePending = true;
    setImmediate(() => {
      this.wakePending = false;
      void this.deliverDue().catch(() => {});
    });
  }

  /** Starts delivering every `intervalMs`. */
  start(intervalMs = 500): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.deliverDue().catch((e) => this.rt.log.error({ msg: 'outbox run failed', error: String(e) })), intervalMs);
    this.timer.unref();
  }

  /** Stops; resolves once the delivery in progress (if any) ends. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.busy?.catch(() => {});
    this.mailer?.close();
  }
}
