import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/*', 'apps/runtime/vitest.postgres.config.ts', 'test'],
  },
});
