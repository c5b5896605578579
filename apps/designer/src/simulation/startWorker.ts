/**
 * Starts one simulation in a Web Worker; `cancel` terminates the worker at once.
 */
import type { BatonMap, Scenario } from '@baton/engine';
import type { RunRequest, SimulationOutput, WorkerReply } from './workerMessages.ts';

/** A run under way. */
export interface WorkerRun {
  /** Resolves with the output, rejects with the engine's error; never settles once cancelled. */
  done: Promise<SimulationOutput>;
  cancel(): void;
}

/** Runs `map` against `scenario` in a fresh worker, reporting progress as mentions are processed. */
export function startWorker(map: BatonMap, scenario: Scenario, onProgress: (done: number, total: number) => void): WorkerRun {
  const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
  const done = new Promise<SimulationOutput>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') onProgress(reply.done, reply.total);
      else {
        worker.terminate();
        if (reply.type === 'done') resolve({ result: reply.result, arrivalSec: reply.arrivalSec, endSec: reply.endSec, nodes: reply.nodes, series: reply.series });
        else reject(new Error(reply.message));
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The simulation worker stopped unexpectedly.'));
    };
  });
  const request: RunRequest = { type: 'run', map, scenario };
  worker.postMessage(request);
  return { done, cancel: () => worker.terminate() };
}
