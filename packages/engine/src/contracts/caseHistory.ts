import { z } from 'zod';
import { recipientSchema } from '../schema/common.ts';
import { CONTACT_KINDS } from '../schema/care.ts';
import { NODE_TYPES, PASS_STRATEGIES } from '../schema/map.ts';

const time = z.string();
const nodeId = z.string();

/**
 * What each kind of history line carries in its `data` (docs/api.md `GET /api/cases/:id`). Kinds a
 * person causes name them as the line's `actor`; Baton's own lines have `actor` null.
 */
const HISTORY_DATA = {
  /** The case opened: from `mention`, on `map` version `version`, at `trigger` (`from: 'triage'` when a person started it). */
  opened: z.object({ mention: z.string(), map: z.string(), version: z.number(), trigger: nodeId, from: z.literal('triage').optional() }),
  /** The case entered `node` (a pass names the `team` it goes to). */
  entered: z.object({ node: nodeId, type: z.enum(NODE_TYPES).optional(), label: z.string().optional(), team: z.string().optional() }),
  breach: z.object({ node: nodeId }),
  /** A notification a node sent. */
  notify: z.object({ node: nodeId, recipient: recipientSchema, message: z.string() }),
  /** A tag: put on by a node (`node`), by a person, or in triage before the case began (`from: 'triage'`). */
  tag: z.object({ tag: z.string(), node: nodeId.optional(), from: z.literal('triage').optional() }),
  untag: z.object({ tag: z.string() }),
  /** A node's `{ reply }` effect (`node`, `text`), or a reply the holder wrote (`replyId` …). */
  reply: z.union([
    z.object({ node: nodeId, text: z.string() }),
    z.object({
      replyId: z.string(), network: z.string(), inReplyTo: z.string(), text: z.string(),
      sentElsewhere: z.literal(true).optional(), url: z.string().nullable().optional(),
    }),
  ]),
  log: z.object({ node: nodeId, text: z.string() }),
  ended: z.object({ node: nodeId, outcome: z.string().optional() }),
  'reply.drafted': z.object({ node: nodeId, template: z.string() }),
  'reply.retry': z.object({ replyId: z.string() }),
  'reply.sent': z.object({ replyId: z.string(), networkId: z.string().nullable().optional(), url: z.string().nullable().optional() }),
  'reply.failed': z.object({ replyId: z.string(), error: z.string() }),
  'mention.attached': z.object({ mention: z.string(), author: z.string() }),
  checklist: z.object({ node: nodeId, item: z.string(), done: z.boolean() }),
  passed: z.object({ node: nodeId, from: z.string().nullable(), team: z.string().nullable() }),
  outcome: z.object({ node: nodeId, outcome: z.string() }),
  note: z.object({ text: z.string() }),
  lesson: z.object({ node: nodeId, text: z.string() }),
  /** A claim taken (`strategy`: the pass handed it out; `backup`: by a backup member in a crisis). */
  claim: z.object({ member: z.string(), expiresAt: time, backup: z.literal(true).optional(), strategy: z.enum(PASS_STRATEGIES).optional() }),
  'claim.renewed': z.object({ member: z.string(), expiresAt: time }),
  released: z.object({ member: z.string().nullable() }),
  'lease.lapsed': z.object({ member: z.string().nullable() }),
  /** A manager or admin took the case over from `member`, saying why. */
  'taken.over': z.object({ member: z.string().nullable(), by: z.string(), reason: z.string() }),
  /** A deadline fired (`firedLateMs` when the server fired it more than a second late). */
  timeout: z.object({ node: nodeId, dueAt: time, firedLateMs: z.number().optional() }),
  'timeout.refused': z.object({ node: nodeId, reason: z.string() }),
  /** A conversation moved off the public network, logged at `node` (with the pass's `outcome` when it gave one). */
  contact: z.object({ node: nodeId, kind: z.enum(CONTACT_KINDS), summary: z.string(), outcome: z.string().optional() }),
  /** A drill ended while the case was still open (`was` its status then): it left the queues. */
  'drill.withdrawn': z.object({ node: nodeId, was: z.string(), holder: z.string().nullable(), reason: z.string() }),
} as const;

type HistoryKindKey = keyof typeof HISTORY_DATA;

/** Every kind of line in a case's history. */
export const HISTORY_KINDS = Object.keys(HISTORY_DATA) as [HistoryKindKey, ...HistoryKindKey[]];
export const historyKindSchema = z.enum(HISTORY_KINDS);
export type HistoryKind = z.infer<typeof historyKindSchema>;

/** A history line of kind `type`: when, who (null: Baton itself), and its data. */
const entry = <K extends HistoryKind>(type: K) =>
  z.object({ at: time, type: z.literal(type), actor: z.string().nullable(), data: HISTORY_DATA[type] });

/** One line of a case's history as `GET /api/cases/:id` answers it, its `data` typed by its `type`. */
export const historyEntrySchema = z.discriminatedUnion('type', [
  entry('opened'), entry('entered'), entry('breach'), entry('notify'), entry('tag'), entry('untag'), entry('reply'), entry('log'),
  entry('ended'), entry('reply.drafted'), entry('reply.retry'), entry('reply.sent'), entry('reply.failed'), entry('mention.attached'),
  entry('checklist'), entry('passed'), entry('outcome'), entry('note'), entry('lesson'), entry('claim'), entry('claim.renewed'),
  entry('released'), entry('lease.lapsed'), entry('taken.over'), entry('timeout'), entry('timeout.refused'), entry('contact'),
  entry('drill.withdrawn'),
]);
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** The `data` of a history line of kind `K`. */
export type HistoryData<K extends HistoryKind = HistoryKind> = z.infer<(typeof HISTORY_DATA)[K]>;

/** Fails to compile when a kind of {@link HISTORY_KINDS} has no entry in {@link historyEntrySchema}. */
const everyKindListed: Exclude<HistoryKind, HistoryEntry['type']> extends never ? true : never = true;
void everyKindListed;

/** A field of a history line's data when that kind of line has it (`node`, `team`, `outcome` …), else undefined. */
export function historyField(data: HistoryData | null | undefined, field: string): unknown {
  return data && field in data ? (Reflect.get(data, field) as unknown) : undefined;
}
