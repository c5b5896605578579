import { z } from 'zod';
import { durationSchema, idSchema, isoTimeSchema } from './common.ts';
import { mentionSchema, mentionTemplateSchema } from './mention.ts';
import { businessHoursSchema } from '../hours/businessHoursSchema.ts';

/** The scenario document format tag. */
export const SCENARIO_FORMAT = 'baton.scenario/v1';

const responseTime = z.union([
  durationSchema,
  z.object({ min: durationSchema, max: durationSchema }),
]);

/** Simulated staff of one team. */
export const staffSchema = z.object({
  members: z.number().int().min(0).max(10_000),
  backup: z.number().int().min(0).max(10_000).optional(),
  responseTime,
  outcomes: z.record(z.string(), z.number().min(0)).optional(),
  /** When the team works (its time zone, week and holidays): members take and do work only then. */
  hours: businessHoursSchema.optional(),
});

/** A rehearsal: mentions in virtual time and simulated staff (docs/scenarios.md). */
export const scenarioSchema = z.object({
  format: z.literal(SCENARIO_FORMAT),
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  start: isoTimeSchema,
  seed: z.number().int().optional(),
  until: durationSchema.optional(),
  mentions: z.array(z.object({ at: durationSchema, mention: mentionSchema })).max(1_000_000).optional(),
  generate: z
    .array(
      z.object({
        count: z.number().int().min(0).max(10_000_000),
        from: durationSchema,
        to: durationSchema,
        template: mentionTemplateSchema,
        texts: z.array(z.string().max(20_000)).min(1).optional(),
      }),
    )
    .max(1000)
    .optional(),
  staff: z.record(idSchema, staffSchema),
  responses: z
    .array(z.object({ mention: idSchema, node: idSchema, outcome: z.string().min(1), after: durationSchema.optional() }))
    .optional(),
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type StaffSettings = z.infer<typeof staffSchema>;
