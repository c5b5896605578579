import { defineProject } from 'vitest/config';

export default defineProject({ test: { name: 'designer', include: ['src/**/*.test.ts'] } });
