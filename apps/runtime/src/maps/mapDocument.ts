import { z } from '@hono/zod-openapi';
import { MAP_FORMAT, idSchema } from '@baton/engine';

/**
 * A map document as a request body. Drafts may be unfinished, so only the envelope is checked
 * here; the engine's `validateMap` judges the whole document (at submit, or on demand). The
 * engine's own `mapSchema` is recursive (conditions), which OpenAPI generation cannot walk, so the
 * documented shape is this envelope.
 */
export const mapDocumentSchema = z
  .looseObject({
    format: z.literal(MAP_FORMAT),
    id: idSchema,
    name: z.string().min(1).max(200),
    hub: z.string().optional(),
    teams: z.array(z.looseObject({ id: z.string(), name: z.string() })).optional(),
    nodes: z.array(z.looseObject({ id: z.string(), type: z.string() })).max(5000).optional(),
    edges: z.array(z.looseObject({ id: z.string(), source: z.string(), target: z.string() })).max(20000).optional(),
  })
  .openapi('MapDocument', { description: 'A baton.map/v1 document (docs/maps.md)' });

/** Problems found by the engine's validateMap. */
export const problemSchema = z
  .object({
    code: z.string(),
    severity: z.enum(['error', 'warning']),
    node: z.string().optional(),
    edge: z.string().optional(),
    message: z.string(),
  })
  .openapi('Problem');
