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

  /** `onChange` hears when someone comes online (first stream) or goes (last stream closed). */
  constructor(private readonly onChange: (userId: string, online: boolean) => void = () => undefined) {}

  /** A stream of `userId` opened; call the returned function once when it closes. */
  connect(userId: string): () => void {
    const before = this.streams.get(userId) ?? 0;
    this.streams.set(userId, before + 1);
    if (before === 0) this.onChange(userId, true);
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      const left = (this.streams.get(userId) ?? 1) - 1;
      if (left > 0) this.streams.set(userId, left);
      else {
        this.streams.delete(userId);
        this.onChange(userId, false);
      }
    };
  }

  /** Whether `userId` has Baton open. */
  has(userId: string): boolean {
    return this.streams.has(userId);
  }
}
