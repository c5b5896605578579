/**
 * Keeps the simulation store in step with the editor: whether Simulate mode is on (badges show
 * only then) and the map's revision (a result from another revision is stale).
 */
import { useLayoutEffect } from 'react';
import type { SimulationStore } from './simulationStore.ts';

/** Tells `store` the current mode and map revision. */
export function useSimulationSync(store: SimulationStore, active: boolean, revision: number): void {
  useLayoutEffect(() => {
    store.setActive(active);
    store.setRevision(revision);
  }, [store, active, revision]);
}
