import { useCallback, useEffect, useState } from 'react';
import { showError } from '../shell/toasts.ts';

/**
 * Loads something from the runtime when the component mounts and again on `reload()`; a failure
 * becomes a toast naming `what` (with the request id) and leaves the last good data in place.
 */
export function useLoaded<T>(load: () => Promise<T>, what: string): { data: T | null; reload: () => void } {
  const [data, setData] = useState<T | null>(null);
  const [round, setRound] = useState(0);
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setData(value),
      (e) => live && showError(what, e),
    );
    return () => {
      live = false;
    };
    // `load` and `what` are fixed per call site; only `round` asks again.
  }, [round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { data, reload };
}
