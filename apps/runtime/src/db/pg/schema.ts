/**
 * The PostgreSQL schema: a table-for-table mirror of ../schema.ts (same SQL and TypeScript names),
 * used when `BATON_DATABASE_URL` is a `postgres://` URL. Migrations: drizzle-pg/, generated with
 * `npx drizzle-kit generate --config drizzle.pg.config.ts` in apps/runtime.
 */
export * from './coreSchema.ts';
export * from './hardeningSchema.ts';
export * from './sourcesSchema.ts';
export * from './repliesSchema.ts';
export * from './sharedStateSchema.ts';
export * from './careSchema.ts';
export * from './drillsSchema.ts';
export * from './rehearsalSchema.ts';
export * from './hoursSchema.ts';
