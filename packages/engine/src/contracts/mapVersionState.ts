import { z } from 'zod';

/** A map version's life (docs/api.md): draft → submitted → approved (active) → retired; or submitted → rejected. */
export const MAP_VERSION_STATES = ['draft', 'submitted', 'approved', 'rejected', 'retired'] as const;
export const mapVersionStateSchema = z.enum(MAP_VERSION_STATES);
export type MapVersionState = z.infer<typeof mapVersionStateSchema>;
