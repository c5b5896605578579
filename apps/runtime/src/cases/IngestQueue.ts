import type { Mention } from '@baton/engine';
import type { Runtime } from '../Runtime.ts';
import { ingestGroup, ingestMentions, type IngestResult } from './ingest.ts';

interface Waiting {
  batch: Mention[];
  done(results: IngestResult[]): void;
  failed(error: unknown): void;
}

/** Most mentions one shared transaction takes; the rest wait for the next. */
const GROUP_MENTIONS = 2000;

/**
 * Group commit for ingest: the requests that arrive during one turn of the event loop are written
 * in one transaction at its end, each answered only once that transaction has committed. Committing
 * costs far more than a routed mention's rows, so under load many requests share one commit; a
 * lone request waits only for the end of the turn. Each batch is ingested exactly as if it had its
 * own transaction, in arrival order. Should the shared transaction fail, nothing of it was
 * written, and each batch is tried again on its own, so one bad batch cannot fail its neighbours.
 */
export class IngestQueue {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(private readonly rt: Runtime) {}

  /** Resolves with the batch's results once they are committed. */
  submit(batch: Mention[]): Promise<IngestResult[]> {
    return new Promise((done, failed) => {
      this.waiting.push({ batch, done, failed });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    let count = 0;
    let taken = 0;
    while (taken < this.waiting.length && (taken === 0 || count + this.waiting[taken]!.batch.length <= GROUP_MENTIONS)) {
      count += this.waiting[taken]!.batch.length;
      taken++;
    }
    const group = this.waiting.splice(0, taken);
    this.scheduled = this.waiting.length > 0;
    if (this.scheduled) setImmediate(() => this.flush());

    let results: IngestResult[][];
    try {
      results = ingestGroup(this.rt, group.map((g) => g.batch));
    } catch (error) {
      if (group.length === 1) return group[0]!.failed(error);
      for (const g of group) {
        try {
          g.done(ingestMentions(this.rt, g.batch));
        } catch (e) {
          g.failed(e);
        }
      }
      return;
    }
    group.forEach((g, i) => g.done(results[i]!));
  }
}
