import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One item of the fake feed. */
export interface FeedItem {
  guid: string;
  title: string;
  description?: string;
  link?: string;
  author?: string;
  published?: string;
}

/**
 * A feed file server for tests: serves an RSS 2.0 feed at `/feed.xml` (Atom at `/atom.xml`) with an
 * ETag and Last-Modified, answering 304 to a matching conditional GET. Items can be added while it
 * runs; `failWith(status)` makes it answer errors until `recover()`.
 */
export class FeedServer {
  readonly items: FeedItem[] = [];
  /** Requests answered, by status. */
  readonly answered = new Map<number, number>();
  private failStatus: number | null = null;
  private modified = new Date('2026-01-01T09:00:00Z');
  private server: Server | null = null;
  url = '';

  /** Starts on 127.0.0.1 (a free port). */
  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const path = (req.url ?? '/').split('?')[0];
      const answer = (status: number, body = '', headers: Record<string, string> = {}) => {
        this.answered.set(status, (this.answered.get(status) ?? 0) + 1);
        res.writeHead(status, headers);
        res.end(body);
      };
      if (this.failStatus) return answer(this.failStatus, 'unavailable');
      if (path !== '/feed.xml' && path !== '/atom.xml') return answer(404, 'not found');
      const atom = path === '/atom.xml';
      const body = atom ? this.atom() : this.rss();
      const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
      const lastModified = this.modified.toUTCString();
      if (req.headers['if-none-match'] === etag) return answer(304, '', { etag, 'last-modified': lastModified });
      answer(200, body, { 'content-type': atom ? 'application/atom+xml' : 'application/rss+xml', etag, 'last-modified': lastModified });
    });
    await new Promise<void>((ok) => this.server!.listen(0, '127.0.0.1', () => ok()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Adds an item at the top of the feed (newest first, like real feeds). */
  add(item: FeedItem): void {
    this.items.unshift(item);
    this.modified = new Date(this.modified.getTime() + 60_000);
  }

  /** Answers `status` to every request until {@link recover}. */
  failWith(status: number): void {
    this.failStatus = status;
  }

  recover(): void {
    this.failStatus = null;
  }

  /** How many requests were answered with `status`. */
  count(status: number): number {
    return this.answered.get(status) ?? 0;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((ok) => (this.server ? this.server.close(() => ok()) : ok()));
  }

  private rss(): string {
    const items = this.items.map((i) => `<item><guid isPermaLink="false">${esc(i.guid)}</guid><title>${esc(i.title)}</title>${i.link ? `<link>${esc(i.link)}</link>` : ''}${i.description ? `<description>${esc(i.description)}</description>` : ''}${i.author ? `<dc:creator>${esc(i.author)}</dc:creator>` : ''}<pubDate>${new Date(i.published ?? '2026-01-01T09:00:00Z').toUTCString()}</pubDate></item>`);
    return `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Acme reviews</title><link>${this.url}</link><description>Fake feed</description>${items.join('')}</channel></rss>`;
  }

  private atom(): string {
    const entries = this.items.map((i) => `<entry><id>${esc(i.guid)}</id><title>${esc(i.title)}</title>${i.link ? `<link href="${esc(i.link)}"/>` : ''}<updated>${i.published ?? '2026-01-01T09:00:00Z'}</updated>${i.author ? `<author><name>${esc(i.author)}</name></author>` : ''}${i.description ? `<summary>${esc(i.description)}</summary>` : ''}</entry>`);
    return `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Acme forum</title><id>urn:fake</id><updated>${this.modified.toISOString()}</updated>${entries.join('')}</feed>`;
  }
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
