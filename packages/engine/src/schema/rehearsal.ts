/**
 * Formats of rehearsal before approval (docs/scenarios.md "Kept scenarios and must-pass bars",
 * docs/api.md "Rehearsal"): bars a kept scenario must pass, the evidence stored with a submitted
 * version, the figures its charts draw, and the replay of real mentions.
 */
import { z } from 'zod';
import { simulationMetricsSchema } from '../contracts/simulationResult.ts';
import { idSchema } from './common.ts';

/** What a must-pass bar measures in a simulation result. */
export const BAR_METRICS = ['breaches', 'open', 'unrouted', 'pickupP90Sec', 'resolvedP90Sec'] as const;
export type BarMetric = (typeof BAR_METRICS)[number];

/**
 * A must-pass bar: the metric of a run, over the whole map or one `node` or `team`, may be at most
 * `max`. `unrouted` counts mentions no trigger took, so it names neither node nor team.
 * @example { metric: 'breaches', team: 'care', max: 0 }
 */
export const barSchema = z
  .object({
    metric: z.enum(BAR_METRICS),
    node: idSchema.optional(),
    team: idSchema.optional(),
    max: z.number().min(0).max(1e12),
  })
  .strict()
  .refine((b) => !(b.node && b.team), { message: 'A bar names a node or a team, not both', path: ['team'] })
  .refine((b) => b.metric !== 'unrouted' || (!b.node && !b.team), { message: 'Unrouted mentions belong to no node or team', path: ['metric'] });
export type Bar = z.infer<typeof barSchema>;

/** `POST /api/maps/:id/scenarios` and `PUT …/scenarios/:scenarioId`: a scenario kept with the map, and its bars. */
export const keptScenarioInputSchema = z.object({
  /** A scenario document (docs/scenarios.md); checked with the scenario schema. */
  scenario: z.record(z.string(), z.unknown()),
  mustPass: z.array(barSchema).max(50).optional(),
});

/** A bar checked against one run. `value` null: no case in the bar's scope had that figure. */
export const barResultSchema = z.object({
  bar: barSchema,
  value: z.number().nullable(),
  passed: z.boolean(),
  /** "Missed deadlines at Customer Care: 3 (at most 0)". */
  sentence: z.string(),
});
export type BarResult = z.infer<typeof barResultSchema>;

const histogramSchema = z.array(z.object({ fromSec: z.number(), toSec: z.number(), count: z.number().int() }));

/**
 * A run's figures over time, for charts: per `bucketSec` slice of the run, the most cases waiting in
 * each team's queue and the deadlines missed; and how pick-up and resolution times spread.
 */
export const runSeriesSchema = z.object({
  bucketSec: z.number(),
  endSec: z.number(),
  /** Per team, the most cases waiting unclaimed in each slice. */
  queue: z.record(z.string(), z.array(z.number().int())),
  /** Deadlines missed in each slice. */
  breaches: z.array(z.number().int()),
  pickup: histogramSchema,
  resolved: histogramSchema,
});
export type RunSeries = z.infer<typeof runSeriesSchema>;
export type Histogram = z.infer<typeof histogramSchema>;


/** The headline figures of one run (the `metrics` of docs/scenarios.md#the-result, without `byNode`). */
export const runFiguresSchema = simulationMetricsSchema.omit({ byNode: true, crisis: true });
export type RunFigures = z.infer<typeof runFiguresSchema>;

/** One kept scenario run on one version. */
export const versionRunSchema = z.object({
  version: z.number().nullable(),
  figures: runFiguresSchema,
  series: runSeriesSchema,
  bars: z.array(barResultSchema),
});
export type VersionRun = z.infer<typeof versionRunSchema>;

/** The evidence of one kept scenario on a submitted version, beside the active one. */
export const scenarioEvidenceSchema = z.object({
  scenarioId: z.string(),
  name: z.string(),
  mustPass: z.array(barSchema),
  state: z.enum(['running', 'done', 'failed']),
  /** Why it could not run (the scenario no longer fits the map, …), when `failed`. */
  message: z.string().optional(),
  passed: z.boolean().nullable(),
  submitted: versionRunSchema.nullable(),
  active: versionRunSchema.nullable(),
});
export type ScenarioEvidence = z.infer<typeof scenarioEvidenceSchema>;

/** `GET /api/maps/:id/versions/:version/evidence`. */
export const evidenceSchema = z.object({
  map: z.string(),
  version: z.number(),
  activeVersion: z.number().nullable(),
  /** `running` until every scenario has run; `none` when the map keeps no scenario. */
  state: z.enum(['none', 'running', 'done']),
  /** True when every bar of every scenario passed (null while running or with no scenario). */
  passed: z.boolean().nullable(),
  failedBars: z.array(z.object({ scenario: z.string(), sentence: z.string() })),
  scenarios: z.array(scenarioEvidenceSchema),
  override: z.object({ by: z.string(), reason: z.string(), at: z.string() }).nullable(),
});
export type Evidence = z.infer<typeof evidenceSchema>;

/** Where a mention goes on one version: the trigger that takes it, the end it reaches, the teams on the way. */
export const routeSummarySchema = z.object({
  trigger: z.string().nullable(),
  end: z.string().nullable(),
  teams: z.array(z.string()),
});
export type RouteSummary = z.infer<typeof routeSummarySchema>;

/** `POST /api/maps/:id/replay`. */
export const replayRequestSchema = z.object({
  version: z.union([z.number().int().min(1), z.string().max(16)]),
  days: z.number().min(0.01).max(90),
});

/** One mention that routes differently on the version replayed than on the active one. */
export const replayChangeSchema = z.object({
  mention: z.string(),
  text: z.string(),
  network: z.string(),
  author: z.string(),
  at: z.string(),
  before: routeSummarySchema,
  after: routeSummarySchema,
});
export type ReplayChange = z.infer<typeof replayChangeSchema>;

/** What a replay answers. */
export const replayResultSchema = z.object({
  map: z.string(),
  version: z.number(),
  activeVersion: z.number().nullable(),
  from: z.string(),
  to: z.string(),
  mentions: z.number().int(),
  /** How many mentions route differently (`changed` lists at most the first `limit`). */
  changedCount: z.number().int(),
  changed: z.array(replayChangeSchema),
  /** Per team, cases its queue would see on each version: `gain` is `after - before`. */
  byTeam: z.record(z.string(), z.object({ before: z.number().int(), after: z.number().int(), gain: z.number().int() })),
});
export type ReplayResult = z.infer<typeof replayResultSchema>;
