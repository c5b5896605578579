/**
 * Who is at work now: people with at least one live-event stream (the web app keeps one open
 * while its console or triage is shown). Round-robin and least-loaded hand new cases only to members who are online,
 * as routing tools offer work only to available agents: a case pushed to someone who is away would
 * sit held by nobody working it until the lease lapsed. In memory; empty after a restart until the
 * web apps reconnect (they do on their own).
 */
export class Online {
  /** user id → open streams (a person may have Baton open in several tabs). */
  private readonly streams = new Map<string, number>();

  /** A stream of `userId` opened; call the returned function once when it closes. */
  connect(userId: string): () => void {
    this.streams.set(userId, (this.streams.get(userId) ?? 0) + 1);
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      const left = (this.streams.get(userId) ?? 1) - 1;
      if (left > 0) this.streams.set(userId, left);
      else this.streams.delete(userId);
    };
  }

  /** Whether `userId` has Baton open. */
  has(userId: string): boolean {
    return this.streams.has(userId);
  }
}
