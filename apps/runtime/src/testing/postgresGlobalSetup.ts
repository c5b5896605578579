/**
 * vitest globalSetup of the `postgres` project: one throwaway cluster for the whole run, its URL
 * given to the test files as `inject('postgresUrl')`; each file makes its own database with
 * `createTestDatabase`. The cluster is stopped and its folder deleted at the end (a crashed run's
 * folder is cleaned up by the next one).
 */
import type { TestProject } from 'vitest/node';
import { startTestCluster } from './postgresCluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const cluster = await startTestCluster();
  project.provide('postgresUrl', cluster.url);
  const stop = () => cluster.stop();
  process.once('exit', stop);
  return () => {
    process.off('exit', stop);
    stop();
  };
}
