import { configDefaults, defineProject } from 'vitest/config';

// A hang guard, not a speed check: each test builds a real app on a migrated database, and on two
// busy cores that alone can pass vitest's 5 s default.
export default defineProject({ test: { name: 'runtime', include: ['src/**/*.test.ts'], exclude: [...configDefaults.exclude, 'src/**/*.pg.test.ts'], testTimeout: 30_000 } });
