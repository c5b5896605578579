import { defineConfig } from 'drizzle-kit';

/**
 * The PostgreSQL twin of drizzle.config.ts: `npx drizzle-kit generate --config drizzle.pg.config.ts`
 * writes migrations for src/db/pg/schema.ts into drizzle-pg/.
 */
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/db/pg/schema.ts',
  out: './drizzle-pg',
});
