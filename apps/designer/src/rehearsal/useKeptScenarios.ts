import { useCallback, useEffect, useState } from 'react';
import { rehearsalApi, type KeptScenario } from '../api/rehearsal.ts';

/** The scenarios kept with a saved map (null while loading or when the map is not saved yet), and a reload. */
export function useKeptScenarios(mapId: string, saved: boolean) {
  const [kept, setKept] = useState<KeptScenario[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const reload = useCallback(() => {
    if (!saved) return;
    rehearsalApi.kept(mapId).then(
      ({ scenarios }) => {
        setKept(scenarios);
        setFailed(null);
      },
      (e: unknown) => setFailed(e instanceof Error ? e.message : String(e)),
    );
  }, [mapId, saved]);
  useEffect(() => {
    setKept(null);
    reload();
  }, [reload]);
  return { kept, failed, reload };
}
