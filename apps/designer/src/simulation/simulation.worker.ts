/**
 * The simulation worker: runs the engine off the page's thread so a spike of thousands of mentions
 * never freezes the designer. Progress is posted as it goes; the page cancels by terminating it.
 */
import { runSimulation } from './runSimulation.ts';
import type { RunRequest, WorkerReply } from './workerMessages.ts';

const post = (reply: WorkerReply) => (self as unknown as { postMessage(m: WorkerReply): void }).postMessage(reply);

self.onmessage = (event: MessageEvent<RunRequest>) => {
  const { map, scenario } = event.data;
  try {
    let last = 0;
    const output = runSimulation(map, scenario, {
      onProgress(done, total) {
        const now = Date.now();
        if (now - last < 50 && done < total) return;
        last = now;
        post({ type: 'progress', done, total });
      },
    });
    post({ type: 'done', ...output });
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
