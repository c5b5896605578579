import { and, eq, isNull } from 'drizzle-orm';
import { digestSends, digestSubscribers, users } from '../db/schema.ts';
import { Mailer } from '../outbox/mailer.ts';
import type { Runtime } from '../Runtime.ts';
import { digestMail } from './digestMail.ts';
import { digestReport, yesterday } from './digestReport.ts';

/** When the morning digest goes out. */
export interface DigestMailerOptions {
  /** Hour of the day (UTC, 0–23) from which yesterday's digest is sent (`BATON_DIGEST_HOUR`, default 7). */
  hour?: number;
  /** SMTP timeout in ms. */
  timeoutMs?: number;
}

/** `BATON_DIGEST_HOUR`: a whole hour 0–23 (UTC). */
export function digestHourFromEnv(env: Record<string, string | undefined>): number {
  const raw = env.BATON_DIGEST_HOUR?.trim();
  if (!raw) return 7;
  const hour = Number(raw);
  if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error(`BATON_DIGEST_HOUR must be a whole hour from 0 to 23 (UTC), not "${raw}"`);
  return hour;
}

/**
 * Sends yesterday's digest each morning to everyone who asked for it, once per person and day:
 * a row in `digest_sends` is claimed before the mail goes out (so a restart, or a second node,
 * does not send it again), and given back if the mail server did not take it (to try again on the
 * next run). Without mail settings (`BATON_SMTP_URL`) nothing is sent.
 */
export class DigestMailer {
  private timer: ReturnType<typeof setInterval> | null = null;
  private running: Promise<number> | null = null;
  private readonly mailer: Mailer | null;
  private readonly hour: number;

  constructor(private readonly rt: Runtime, opts: DigestMailerOptions = {}) {
    this.mailer = rt.config.mail ? new Mailer(rt.config.mail, opts.timeoutMs ?? 15_000) : null;
    this.hour = opts.hour ?? 7;
  }

  /** Sends what is due now; answers how many digests went out. */
  sendDue(): Promise<number> {
    this.running ??= this.run().finally(() => (this.running = null));
    return this.running;
  }

  private async run(): Promise<number> {
    if (!this.mailer) return 0;
    const { db, clock, log } = this.rt;
    const now = clock.now();
    if (new Date(now).getUTCHours() < this.hour) return 0;
    const date = yesterday(now);
    const due = db.select({ id: users.id, email: users.email }).from(digestSubscribers)
      .innerJoin(users, eq(users.id, digestSubscribers.userId)).where(isNull(users.disabledAt)).orderBy(users.id).all();
    let digest: ReturnType<typeof digestReport> | null = null;
    let sent = 0;
    for (const person of due) {
      const claimed = db.insert(digestSends).values({ userId: person.id, date, claimedAt: now }).onConflictDoNothing().run().changes === 1;
      if (!claimed) continue;
      digest ??= digestReport(this.rt, date, now);
      const { subject, text } = digestMail(digest, this.rt.config.mail!.publicUrl);
      try {
        await this.mailer.sendText(person.email, subject, text, 'digest');
        db.update(digestSends).set({ sentAt: clock.now() }).where(and(eq(digestSends.userId, person.id), eq(digestSends.date, date))).run();
        sent++;
      } catch (e) {
        db.delete(digestSends).where(and(eq(digestSends.userId, person.id), eq(digestSends.date, date))).run();
        log.error({ msg: 'digest e-mail failed; will try again', user: person.id, date, error: String(e) });
      }
    }
    return sent;
  }

  /** Checks every `intervalMs` (a minute by default). */
  start(intervalMs = 60_000): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sendDue().catch((e) => this.rt.log.error({ msg: 'digest run failed', error: String(e) })), intervalMs);
    this.timer.unref?.();
    void this.sendDue().catch(() => {});
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => {});
    this.mailer?.close();
  }
}
