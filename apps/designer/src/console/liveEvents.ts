/**
 * One shared connection to the runtime's live events (`GET /api/events`, Server-Sent Events) for
 * the whole page, opened while anything listens and closed when nothing does. A dropped stream is
 * reopened after a pause; listeners then get a `ready` event, their cue to reload what they show,
 * since events sent while disconnected are not replayed.
 */
import { LIVE_EVENT_TYPES, type LiveEventType } from '@baton/engine';
import { useSyncExternalStore } from 'react';

export type { LiveEventType };
/** Gets every live event with its parsed JSON data. */
export type LiveListener = (type: LiveEventType, data: Record<string, unknown>) => void;
/** Whether the stream is up (`live`), being opened, or down and waiting to retry. */
export type LiveStatus = 'connecting' | 'live' | 'offline';

const RETRY_MS = 5_000;
const listeners = new Set<LiveListener>();
const overhearers = new Set<LiveListener>();
const statusListeners = new Set<() => void>();
let source: EventSource | null = null;
let retry: ReturnType<typeof setTimeout> | null = null;
let status: LiveStatus = 'connecting';

function setStatus(next: LiveStatus): void {
  if (status === next) return;
  status = next;
  statusListeners.forEach((l) => l());
}

function connect(): void {
  retry = null;
  const es = new EventSource('/api/events');
  source = es;
  setStatus('connecting');
  for (const type of LIVE_EVENT_TYPES) {
    es.addEventListener(type, (e) => {
      if (type === 'ready') setStatus('live');
      let data: Record<string, unknown> = {};
      try {
        data = JSON.parse((e as MessageEvent<string>).data) as Record<string, unknown>;
      } catch {
        // a malformed event still means "something changed"
      }
      listeners.forEach((l) => l(type, data));
      overhearers.forEach((l) => l(type, data));
    });
  }
  es.onerror = () => {
    if (es.readyState !== EventSource.CLOSED) return setStatus('connecting'); // the browser retries by itself
    setStatus('offline');
    es.close();
    if (source === es) source = null;
    if (listeners.size && !retry) retry = setTimeout(connect, RETRY_MS);
  };
}

/** Listens to every live event until the returned function is called. */
export function subscribeLive(listener: LiveListener): () => void {
  listeners.add(listener);
  if (!source && !retry) connect();
  return () => {
    listeners.delete(listener);
    if (listeners.size) return;
    source?.close();
    source = null;
    if (retry) clearTimeout(retry);
    retry = null;
  };
}

/**
 * Hears live events while a page that works live (console, triage, a case) keeps the stream open,
 * without opening it: the stream marks the person as at the console, which hands them work.
 */
export function overhearLive(listener: LiveListener): () => void {
  overhearers.add(listener);
  return () => overhearers.delete(listener);
}

/** Whether the live connection is up, for a small indicator. */
export function useLiveStatus(): LiveStatus {
  return useSyncExternalStore(
    (l) => {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
    () => status,
  );
}
