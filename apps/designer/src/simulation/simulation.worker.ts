/**
 * The simulation worker: runs the engine off the page's thread so a spike of thousands of mentions
 * never freezes the designer. Progress is posted as it goes; the page cancels by terminating it.
 */
import '../noEval.ts';
import { runSimulation } from './runSimulation.ts';
import type { RunRequest, WorkerReply } from './workerMessages.ts';

const post = (reply: WorkerReply, transfer: Transferable[] = []) =>
  (self as unknown as { postMessage(m: WorkerReply, transfer: Transferable[]): void }).postMessage(reply, transfer);

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
    // The node timelines' arrays move to the page rather than being copied.
    const buffers = Object.values(output.nodes).flatMap((n) => [n.enter, n.unqueue, n.pickup, n.release, n.breach].map((a) => a.buffer));
    post({ type: 'done', ...output }, buffers);
  } catch (e) {
    post({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  }
};
