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

/** A stored map document: map-shaped, but a draft may not be valid yet (`validateMap` says why). */
export type MapDocument = z.infer<typeof mapDocumentSchema>;

/** Whether `doc` has a map document's envelope (any valid map does), without copying or reordering it. */
export function isMapDocument(doc: unknown): doc is MapDocument {
  return mapDocumentSchema.safeParse(doc).success;
}
