import { useEffect, useRef } from 'react';
import { subscribeLive, type LiveEventType } from './liveEvents.ts';

/**
 * Calls `refresh` once shortly after a burst of relevant live events (debounced), so a spike of
 * mentions reloads a view a few times, not hundreds. `relevant` filters by event; without it every
 * case, claim, queue and mention event counts. A (re)connect always counts: events may have been missed.
 */
export function useLiveRefresh(
  refresh: () => void,
  relevant: (type: LiveEventType, data: Record<string, unknown>) => boolean = () => true,
  delayMs = 250,
): void {
  const latest = useRef({ refresh, relevant });
  latest.current = { refresh, relevant };
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const off = subscribeLive((type, data) => {
      if (type !== 'ready' && !latest.current.relevant(type, data)) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        latest.current.refresh();
      }, delayMs);
    });
    return () => {
      off();
      if (timer) clearTimeout(timer);
    };
  }, [delayMs]);
}
