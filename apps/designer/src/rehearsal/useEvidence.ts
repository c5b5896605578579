import { useEffect, useState } from 'react';
import { rehearsalApi, type VersionEvidence } from '../api/rehearsal.ts';

/**
 * The evidence of a map's version while `enabled` (undefined while loading; null when there is no
 * submitted version to have any), read again every 2 s while it is still being rehearsed.
 */
export function useEvidence(enabled: boolean, mapId: string | null, version: number | null, state: string | null): VersionEvidence | null | undefined {
  const [evidence, setEvidence] = useState<VersionEvidence | null | undefined>(undefined);
  useEffect(() => {
    if (!enabled) return;
    if (!mapId || version === null || !state || state.startsWith('draft')) {
      setEvidence(null);
      return;
    }
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    setEvidence(undefined);
    const load = () =>
      rehearsalApi.evidence(mapId, version).then(
        (e) => {
          if (!live) return;
          setEvidence(e);
          if (e.state === 'running') timer = setTimeout(load, 2000);
        },
        () => live && setEvidence(null),
      );
    void load();
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [enabled, mapId, version, state]);
  return evidence;
}
