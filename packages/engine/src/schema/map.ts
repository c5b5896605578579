import { z } from 'zod';
import { brandSchema, durationSchema, idSchema, recipientSchema } from './common.ts';
import { conditionSchema } from './condition.ts';

/** The map document format tag. */
export const MAP_FORMAT = 'baton.map/v1';

const label = z.string().min(1).max(200);
const position = z.object({ x: z.number().finite(), y: z.number().finite() });
const nodeBase = {
  id: idSchema,
  label,
  position,
  notes: z.string().max(5000).optional(),
};

/** A.: what scenario makes us pass the ball? */
export const triggerNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('trigger'),
  when: conditionSchema,
  priority: z.number().int().min(-1000).max(1000).default(0),
});

/** A fork: its outgoing edges carry `when`; one edge without `when` is the else branch. */
export const decisionNodeSchema = z.object({ ...nodeBase, type: z.literal('decision') });

/** An automated step's effect. */
export const effectSchema = z.union([
  z.object({ tag: z.string().min(1).max(64) }).strict(),
  z.object({ notify: recipientSchema, message: z.string().max(2000) }).strict(),
  z.object({ reply: z.string().min(1).max(2000) }).strict(),
  z.object({ log: z.string().min(1).max(2000) }).strict(),
]);
export type Effect = z.infer<typeof effectSchema>;

/** An automated step. */
export const actionNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('action'),
  do: z.array(effectSchema).max(50),
});

/** How a receiving team's queue hands a case to a member. */
export const PASS_STRATEGIES = ['queue', 'round-robin', 'least-loaded', 'member'] as const;

const outcomeName = z
  .string()
  .min(1)
  .max(64)
  .refine((s) => s !== 'timeout', { message: '"timeout" is reserved for the deadline edge' });

/** B. to whom? C. what before passing? D. what is expected of them? */
export const passNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('pass'),
  to: z.object({
    team: idSchema,
    strategy: z.enum(PASS_STRATEGIES).optional(),
    member: z.string().min(1).max(256).optional(),
  }).refine((to) => to.strategy !== 'member' || to.member !== undefined, {
    // Without a name the pass would hand its cases to nobody.
    path: ['member'], message: 'is missing; name the person who takes every case (user id or e-mail)',
  }),
  channel: z.enum(['online', 'offline']).optional(),
  preAction: z.object({ checklist: z.array(z.string().min(1).max(500)).max(50) }).optional(),
  expected: z.object({
    action: z.string().min(1).max(500),
    within: durationSchema,
    /** Count `within` in the receiving team's open hours only (nights, days off and holidays pause it). */
    businessHours: z.boolean().optional(),
    // Each outcome once: a second "resolved" would be a button and an edge that can never differ
    // from the first. A malformed list, so E_SCHEMA (E_OUTCOME_UNHANDLED is a missing edge).
    outcomes: z.array(outcomeName).min(1).max(20).superRefine((list, ctx) => {
      list.forEach((o, i) => {
        if (list.indexOf(o) < i) ctx.addIssue({ code: 'custom', path: [i], message: `"${o}" is listed twice; name each outcome once` });
      });
    }),
  }),
});

/** E. when is it over? F. who else must know? G. what did we learn? */
export const endNodeSchema = z.object({
  ...nodeBase,
  type: z.literal('end'),
  outcome: z.string().min(1).max(200),
  notify: z.array(recipientSchema).max(50).optional(),
  lessons: z.object({ required: z.boolean(), prompt: z.string().max(1000).optional() }).optional(),
});

/** Any node of a map. */
export const nodeSchema = z.discriminatedUnion('type', [
  triggerNodeSchema, decisionNodeSchema, actionNodeSchema, passNodeSchema, endNodeSchema,
]);
export const NODE_TYPES = ['trigger', 'decision', 'action', 'pass', 'end'] as const;

/** A connection between two nodes. */
export const edgeSchema = z.object({
  id: idSchema,
  source: idSchema,
  target: idSchema,
  label: z.string().max(200).optional(),
  when: conditionSchema.optional(),
  on: z.string().min(1).max(64).optional(),
});

/** A team the map names. */
export const teamSchema = z.object({ id: idSchema, name: z.string().min(1).max(200) });

/** Crisis detection: `threshold` matched mentions within the trailing `window`. */
export const crisisSchema = z.object({
  window: durationSchema,
  threshold: z.number().int().min(1).max(1_000_000),
  cooldown: durationSchema.optional(),
  notify: z.array(recipientSchema).max(50).optional(),
});

/** A handoff map (docs/maps.md). */
export const mapSchema = z.object({
  format: z.literal(MAP_FORMAT),
  id: idSchema,
  name: z.string().min(1).max(200),
  description: z.string().max(5000).optional(),
  hub: idSchema,
  teams: z.array(teamSchema).min(1).max(200),
  crisis: crisisSchema.optional(),
  /** Only mentions of these brands are tried against this map (docs/mentions.md); without it, every mention. */
  listensTo: z.object({ brands: z.array(brandSchema).min(1).max(200) }).optional(),
  nodes: z.array(nodeSchema).max(5000),
  edges: z.array(edgeSchema).max(20000),
});

export type BatonMap = z.infer<typeof mapSchema>;
export type MapNode = z.infer<typeof nodeSchema>;
export type MapEdge = z.infer<typeof edgeSchema>;
export type TriggerNode = z.infer<typeof triggerNodeSchema>;
export type DecisionNode = z.infer<typeof decisionNodeSchema>;
export type ActionNode = z.infer<typeof actionNodeSchema>;
export type PassNode = z.infer<typeof passNodeSchema>;
export type EndNode = z.infer<typeof endNodeSchema>;
export type NodeType = MapNode['type'];
export type Team = z.infer<typeof teamSchema>;
export type CrisisSettings = z.infer<typeof crisisSchema>;
