/**
 * Run and Cancel for Simulate mode: one worker at a time, progress into the store, failures in a toast.
 */
import { useCallback, useEffect, useRef } from 'react';
import type { BatonMap, Scenario } from '@baton/engine';
import { showError, showToast } from '../shell/toasts.ts';
import { startWorker } from './startWorker.ts';
import type { WorkerRun } from './startWorker.ts';
import type { SimulationStore } from './simulationStore.ts';

/** `run` starts a simulation of the map as it is now; `cancel` stops the one under way. */
export function useSimulationRun(store: SimulationStore) {
  const current = useRef<WorkerRun | null>(null);
  // Leaving Simulate mode (or the map) stops a run under way; its result would have nowhere to go.
  useEffect(() => () => {
    if (!current.current) return;
    current.current.cancel();
    current.current = null;
    store.stop();
  }, [store]);

  const run = useCallback((map: BatonMap, scenario: Scenario, scenarioLabel: string) => {
    current.current?.cancel();
    const revision = store.get().revision;
    store.begin();
    let job: WorkerRun;
    try {
      job = startWorker(map, scenario, (done, total) => current.current === job && store.progress(done, total));
    } catch (e) {
      store.stop();
      showError('Could not start the simulation', e);
      return;
    }
    current.current = job;
    job.done.then(
      (output) => {
        if (current.current !== job) return;
        current.current = null;
        store.finish({ ...output, scenario, scenarioLabel, revision });
      },
      (e: unknown) => {
        if (current.current !== job) return;
        current.current = null;
        store.stop();
        showError('The simulation failed', e);
      },
    );
  }, [store]);

  const cancel = useCallback(() => {
    if (!current.current) return;
    current.current.cancel();
    current.current = null;
    store.stop();
    showToast('info', 'Simulation cancelled.');
  }, [store]);

  return { run, cancel };
}
