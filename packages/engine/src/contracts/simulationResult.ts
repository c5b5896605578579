import { z } from 'zod';

/** Where a simulated mention ended up: `unrouted` when no trigger heard it. */
export const SIMULATED_CASE_STATUSES = ['ended', 'closing', 'open', 'unrouted'] as const;

/** One mention's fate in a simulation (docs/scenarios.md#the-result). */
export const simulatedCaseSchema = z.object({
  mention: z.string(),
  case: z.string().optional(),
  trigger: z.string().optional(),
  path: z.array(z.string()),
  status: z.enum(SIMULATED_CASE_STATUSES),
  end: z.string().optional(),
  breaches: z.array(z.string()),
  teams: z.array(z.string()),
  pickupSec: z.number().optional(),
  resolvedSec: z.number().optional(),
});
export type SimulatedCase = z.infer<typeof simulatedCaseSchema>;

/** Nearest-rank percentiles over the cases that have the value; null where none do. */
export const percentilesSchema = z.object({ p50: z.number().nullable(), p90: z.number().nullable(), max: z.number().nullable() });
export type Percentiles = z.infer<typeof percentilesSchema>;

/** A run's metrics (docs/scenarios.md#the-result): a simulation's, a rehearsal's or a drill's. */
export const simulationMetricsSchema = z.object({
  mentions: z.number(),
  cases: z.number(),
  unrouted: z.number(),
  ended: z.number(),
  open: z.number(),
  breaches: z.number(),
  pickupSec: percentilesSchema,
  resolvedSec: percentilesSchema,
  byNode: z.record(z.string(), z.object({ entered: z.number(), breaches: z.number() })),
  byTeam: z.record(z.string(), z.object({ handled: z.number(), maxQueue: z.number(), utilization: z.number() })),
  crisis: z.array(z.object({ fromSec: z.number(), toSec: z.number().nullable() })),
});
export type SimulationMetrics = z.infer<typeof simulationMetricsSchema>;

/**
 * What `simulateMap` returns, `baton simulate --json` prints, `POST /api/maps/:id/simulate`
 * answers and the designer's simulation worker posts back (docs/scenarios.md#the-result).
 */
export const simulationResultSchema = z.object({
  map: z.string(),
  scenario: z.string(),
  cases: z.array(simulatedCaseSchema),
  attached: z.array(z.object({ mention: z.string(), case: z.string() })),
  metrics: simulationMetricsSchema,
});
export type SimulationResult = z.infer<typeof simulationResultSchema>;
