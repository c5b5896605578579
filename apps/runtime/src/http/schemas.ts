import { z } from '@hono/zod-openapi';
import { ROLES } from './AppEnv.ts';

/** A user as the API shows them. */
export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(z.enum(ROLES)),
    teams: z.array(z.string()),
    backupTeams: z.array(z.string()),
  })
  .openapi('User');

/** Any JSON object (documents and results whose full shape lives in the engine or docs/api.md). */
export const anyObject = z.record(z.string(), z.unknown());
