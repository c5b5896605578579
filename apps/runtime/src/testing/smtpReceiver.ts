import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface Received { from: string; to: string[]; raw: string }

/**
 * A real SMTP server on 127.0.0.1 that keeps what it is sent. Recipients starting with `gone@`
 * are refused for good (550), those starting with `busy@` for now (451).
 */
export async function smtpReceiver(login?: { user: string; pass: string }) {
  const got: Received[] = [];
  const server = new SMTPServer({
    authOptional: !login,
    allowInsecureAuth: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onAuth(auth, _session, done) {
      if (login && auth.username === login.user && auth.password === login.pass) return done(null, { user: auth.username });
      done(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    onRcptTo(address, _session, done) {
      if (address.address.startsWith('gone@')) return done(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      if (address.address.startsWith('busy@')) return done(Object.assign(new Error('Mailbox busy, try later'), { responseCode: 451 }));
      done();
    },
    onData(stream, session, done) {
      let raw = '';
      stream.on('data', (d: Buffer) => (raw += d.toString()));
      stream.on('end', () => {
        got.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', () => ok()));
  const port = (server.server.address() as AddressInfo).port;
  return { port, got, close: () => new Promise<void>((ok) => server.close(() => ok())) };
}


/** The text of a received message, its quoted-printable soft breaks and escapes undone. */
export const readable = (raw: string) => raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
