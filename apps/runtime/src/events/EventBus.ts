import type { LiveEvent as SentEvent } from '@baton/engine';

/**
 * A live event to publish: the SSE event name and its JSON data as the engine's `liveEventSchema`
 * declares them (`ready` is the stream's own), and who may hear it: `teams` limits it to those
 * teams (agents see their teams'), `users` to those people.
 */
export type LiveEvent = Exclude<SentEvent, { type: 'ready' }> & { teams?: string[]; users?: string[] };

/**
 * In-process publish/subscribe for live events. Publishers call `publish` only after the
 * transaction that caused the change has committed.
 */
export class EventBus {
  private readonly listeners = new Set<(e: LiveEvent) => void>();
  private readonly personListeners = new Set<(userId: string) => void>();

  /** Delivers `event` to every subscriber; a failing subscriber does not stop the others. */
  publish(event: LiveEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // a broken stream must not break the request that changed something
      }
    }
  }

  /** Subscribes; returns the unsubscribe function. */
  subscribe(listener: (e: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Says that a person's session, account, roles or teams changed (signed out, disabled, moved):
   * their open streams check themselves at once. Internal: never sent to a client.
   */
  personChanged(userId: string): void {
    for (const l of this.personListeners) {
      try {
        l(userId);
      } catch {
        // as for publish
      }
    }
  }

  /** Hears {@link personChanged}; returns the unsubscribe function. */
  onPersonChanged(listener: (userId: string) => void): () => void {
    this.personListeners.add(listener);
    return () => this.personListeners.delete(listener);
  }

  /** Number of live subscribers. */
  get size(): number {
    return this.listeners.size;
  }
}
