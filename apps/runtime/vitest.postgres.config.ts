import { defineProject } from 'vitest/config';

// The tests that need a real PostgreSQL (`*.pg.test.ts`): one throwaway cluster for the whole run
// (installed from Debian's packages when missing), a database per file. Files run one at a time:
// two cores, and each file's database is cheap but its connections are not.
export default defineProject({
  test: {
    name: 'postgres',
    include: ['src/**/*.pg.test.ts'],
    globalSetup: ['./src/testing/postgresGlobalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
