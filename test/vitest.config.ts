import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    name: 'acceptance',
    include: ['**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
