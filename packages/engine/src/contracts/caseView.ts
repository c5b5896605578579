import { z } from 'zod';
import { NODE_TYPES } from '../schema/map.ts';

/** Where a case stands (docs/semantics.md). */
export const CASE_STATUSES = ['preparing', 'waiting', 'held', 'closing', 'ended'] as const;
export const caseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/**
 * A case as people see it: derived from the machine snapshot and the map by `caseView`, and
 * stored beside the snapshot in the runtime's `cases.view` column.
 */
export const caseViewSchema = z.object({
  node: z.string(),
  nodeType: z.enum(NODE_TYPES),
  status: caseStatusSchema,
  team: z.string().nullable(),
  holder: z.string().nullable(),
  lastHolder: z.string().nullable(),
  /** When the case entered its current queue (epoch ms). */
  queuedAt: z.number().nullable(),
  /** When its current deadline falls due (epoch ms). */
  dueAt: z.number().nullable(),
  overdue: z.boolean(),
  /** Pre-action items to complete while `preparing`. */
  checklist: z.array(z.string()),
  /** Outcomes the case accepts now. */
  outcomes: z.array(z.string()),
  passCount: z.number(),
  tags: z.array(z.string()),
  path: z.array(z.string()),
  breaches: z.array(z.string()),
  priority: z.number(),
  endOutcome: z.string().optional(),
  lessonRequired: z.boolean(),
  lessonPrompt: z.string().optional(),
});
export type CaseView = z.infer<typeof caseViewSchema>;

/** Whether `s` names a {@link CaseStatus} (to read a status filter typed by a person). */
export function isCaseStatus(s: string): s is CaseStatus {
  return (CASE_STATUSES as readonly string[]).includes(s);
}
