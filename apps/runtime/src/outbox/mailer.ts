import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { NotificationPayload } from '@baton/engine';
import type { MailConfig } from '../config.ts';

/** A mail that failed for good (the server refused the address or the message: 5xx). */
export class MailRefused extends Error {}

const SUBJECTS: Record<NotificationPayload['kind'], string> = {
  end: 'Case closed',
  effect: 'Case update',
  crisis: 'Crisis',
  breach: 'Deadline missed',
};

/** The message Baton sends for a notification: a short subject and a plain-text body. */
export function notificationMail(payload: NotificationPayload, publicUrl: string | null): { subject: string; text: string } {
  const firstLine = payload.message.split('\n')[0]!.slice(0, 120);
  const subject = `[Baton] ${SUBJECTS[payload.kind] ?? 'Notification'}: ${firstLine}`;
  const facts = [
    payload.mapId ? `Map: ${payload.mapId}` : null,
    payload.caseId ? `Case: ${payload.caseId}` : null,
    payload.node ? `Step: ${payload.node}` : null,
    typeof payload.at === 'string' ? `At: ${payload.at}` : null,
    payload.caseId && publicUrl ? `Open it: ${publicUrl}/#/console/case/${encodeURIComponent(payload.caseId)}` : null,
  ].filter((x): x is string => x !== null);
  return { subject, text: `${payload.message}\n\n${facts.join('\n')}\n\n— Baton (you are listed as a recipient in this handoff map)\n` };
}

/** The SMTP connection settings of a `smtp://` or `smtps://` URL (credentials URL-decoded). */
function smtpOptions(smtpUrl: string, timeoutMs: number): SMTPTransport.Options {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  return {
    host: url.hostname.replace(/^\[(.*)\]$/, '$1'),
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    ...(url.username ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  };
}

/** Sends notification e-mails over SMTP, one transport per runtime. */
export class Mailer {
  private transport: Transporter | null = null;

  constructor(private readonly config: MailConfig, private readonly timeoutMs: number) {}

  /** Sends one notification to `to`; a 5xx answer is `MailRefused` (do not retry), anything else retriable. */
  async send(to: string, payload: NotificationPayload): Promise<void> {
    const { subject, text } = notificationMail(payload, this.config.publicUrl);
    await this.sendText(to, subject, text, payload.kind);
  }

  /** Sends one plain-text message (the digest uses it too); errors as for `send`. */
  async sendText(to: string, subject: string, text: string, kind: string): Promise<void> {
    this.transport ??= nodemailer.createTransport(smtpOptions(this.config.smtpUrl, this.timeoutMs));
    try {
      await this.transport.sendMail({ from: this.config.from, to, subject, text, headers: { 'X-Baton-Kind': kind } });
    } catch (e) {
      const code = (e as { responseCode?: number }).responseCode;
      if (code !== undefined && code >= 500) throw new MailRefused(`the mail server refused it: ${(e as Error).message}`);
      throw e;
    }
  }

  /** Closes pooled connections. */
  close(): void {
    this.transport?.close();
    this.transport = null;
  }
}
