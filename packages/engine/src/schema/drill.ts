import { z } from 'zod';
import { percentilesSchema, simulationMetricsSchema } from '../contracts/simulationResult.ts';
import { idSchema } from './common.ts';

/** Fastest a drill may run: an hour of scenario in a minute. */
export const MAX_DRILL_SPEED = 60;

/** The states of a drill: feeding and being worked, stopped by a person or a restart, or over. */
export const DRILL_STATES = ['running', 'stopped', 'done'] as const;

/** `POST /api/drills`: rehearse a scenario on a submitted or approved version with real people (docs/api.md#drills). */
export const drillStartSchema = z.object({
  mapId: idSchema,
  version: z.number().int().min(1),
  /** A baton.scenario/v1 document (checked against the scenario schema by the runtime). */
  scenario: z.record(z.string(), z.unknown()),
  speed: z.number().int().min(1).max(MAX_DRILL_SPEED),
  /** Teams whose members take part (default: every team of the map the directory has). */
  teams: z.array(idSchema).min(1).max(100).optional(),
});
export type DrillStart = z.infer<typeof drillStartSchema>;

const participantSchema = z.object({ userId: z.string(), name: z.string(), team: z.string(), backup: z.boolean() });

/** A drill as `GET /api/drills/:id` answers it. */
export const drillViewSchema = z.object({
  id: z.string(),
  mapId: z.string(),
  mapName: z.string(),
  version: z.number(),
  scenario: z.string(),
  speed: z.number(),
  teams: z.array(z.string()),
  participants: z.array(participantSchema),
  state: z.enum(DRILL_STATES),
  reason: z.string().nullable(),
  startedBy: z.string(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** How far it has got: mentions fed of the total, and its cases. */
  progress: z.object({ fed: z.number(), total: z.number(), cases: z.number(), open: z.number(), ended: z.number(), held: z.number() }),
});
export type DrillView = z.infer<typeof drillViewSchema>;


/** The §5 metrics of a run (the simulator's `metrics`), as a drill measured them or the simulator predicted them. */
export const runMetricsSchema = simulationMetricsSchema;
export type RunMetrics = z.infer<typeof runMetricsSchema>;

/** One figure of the drill beside the simulator's prediction of it. */
export const drillComparisonSchema = z.object({
  metric: z.string(),
  label: z.string(),
  drill: z.number().nullable(),
  predicted: z.number().nullable(),
  difference: z.number().nullable(),
});
export type DrillComparison = z.infer<typeof drillComparisonSchema>;

/** What one person did in a drill. */
export const drillPersonSchema = z.object({
  userId: z.string(), name: z.string(), team: z.string().nullable(),
  claims: z.number(), outcomes: z.number(), lessons: z.number(), notes: z.number(),
  busySec: z.number(), handleSec: percentilesSchema,
});
export type DrillPerson = z.infer<typeof drillPersonSchema>;

/** A notification or reply a drill case would have sent, held instead. */
export const drillHeldSchema = z.object({ at: z.string(), caseId: z.string().nullable(), kind: z.string(), recipient: z.string(), message: z.string() });

/** One drill mention's fate, in the simulator's case format (times in drill seconds). */
export const drillCaseSchema = z.object({
  mention: z.string(), case: z.string().optional(), trigger: z.string().optional(), path: z.array(z.string()),
  status: z.enum(['ended', 'closing', 'open', 'unrouted', 'attached']), end: z.string().optional(), breaches: z.array(z.string()),
  teams: z.array(z.string()), pickupSec: z.number().optional(), resolvedSec: z.number().optional(),
});

/** `GET /api/drills/:id/report` (docs/api.md#drills). */
export const drillReportSchema = z.object({
  drill: drillViewSchema,
  /** What the drill measured and what the simulator predicted for the same scenario and people, in drill seconds. */
  measured: runMetricsSchema,
  predicted: runMetricsSchema,
  comparison: z.array(drillComparisonSchema),
  /** The comparison lines that differ most, biggest first, in words. */
  differences: z.array(z.object({ metric: z.string(), text: z.string() })),
  people: z.array(drillPersonSchema),
  held: z.array(drillHeldSchema),
  cases: z.array(drillCaseSchema),
});
export type DrillReport = z.infer<typeof drillReportSchema>;
