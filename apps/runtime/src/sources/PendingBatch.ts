import type { SourceContext, SourceItem } from './sourceTypes.ts';

/**
 * Posts a live connection delivered, committed in batches one after the other: all that arrived
 * while the previous batch was being written goes in the next. `build` turns raw events into
 * mentions (it may look things up, e.g. authors' profiles); `cursor` is read as the batch is taken,
 * so the cursor saved with a batch covers exactly what was taken so far.
 */
export class PendingBatch<T> {
  private raw: T[] = [];
  private dirty = false;
  private running: Promise<void> | null = null;
  private failure: unknown = null;

  constructor(
    private readonly ctx: SourceContext,
    private readonly build: (raw: T[]) => Promise<SourceItem[]>,
    private readonly cursor: () => Record<string, unknown>,
    private readonly onFailure: (error: unknown) => void,
  ) {}

  /** Adds an event to the next batch. */
  add(event: T): void {
    this.raw.push(event);
    this.kick();
  }

  /** The cursor moved without a post to keep (saved with the next batch, or by `settle`). */
  moved(): void {
    this.dirty = true;
  }

  /** Waits until everything added so far is committed (and the cursor saved); rethrows a failed commit. */
  async settle(): Promise<void> {
    if (this.dirty && !this.running && !this.failure) this.kick(true);
    while (this.running) await this.running;
    if (this.failure) throw this.failure;
  }

  private kick(force = false): void {
    if (this.running || this.failure || (!force && !this.raw.length)) return;
    this.running = this.drain().finally(() => {
      this.running = null;
    });
  }

  private async drain(): Promise<void> {
    try {
      while (this.raw.length || this.dirty) {
        // Let the events of this turn of the event loop arrive first: they share the commit.
        await new Promise((r) => setImmediate(r));
        const taken = this.raw.splice(0);
        const cursor = this.cursor();
        this.dirty = false;
        await this.ctx.commit(await this.build(taken), cursor);
      }
    } catch (error) {
      this.failure = error;
      this.onFailure(error);
    }
  }
}
