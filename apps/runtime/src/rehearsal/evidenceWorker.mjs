// A worker thread that rehearses a submission off the server's request thread (see runEvidence.ts).
// It loads the TypeScript sources through tsx, as the `baton` command does.
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { runEvidenceJob } = await import('./evidenceJob.ts');
runEvidenceJob(workerData, (outcome) => parentPort.postMessage(outcome));
