import type { Recipient } from '../schema/common.ts';
import type { MentionFacts } from '../conditions/facts.ts';
import type { BusinessHours } from '../hours/businessHoursSchema.ts';

/** Open hours by team id; a team not named is always open. */
export type TeamHours = Readonly<Record<string, BusinessHours | undefined>>;

/** Everything a case machine remembers. Plain JSON, persisted by the runtime. */
export interface CaseContext {
  caseId: string;
  mentionId: string;
  /** The trigger node that started the case. */
  trigger: string;
  /** The trigger's priority: queues serve higher first. */
  priority: number;
  facts: MentionFacts;
  tags: string[];
  passCount: number;
  /** The map's crisis flag as of the last event. */
  crisis: boolean;
  /** Epoch ms of the last event. */
  at: number;
  /** The node the case is at. */
  node: string;
  /** Every node entered, in order, the trigger first. */
  path: string[];
  /** One entry (the pass node) per missed deadline. */
  breaches: string[];
  /** The team whose queue or hands the case is in. */
  team: string | null;
  holder: string | null;
  lastHolder: string | null;
  /** When the case entered its current queue (epoch ms). */
  queuedAt: number | null;
  /** When its current deadline falls due (epoch ms). */
  dueAt: number | null;
  /** True once the current deadline was missed. */
  overdue: boolean;
}

/** What starts a case: the routing decision and the instant. */
export interface CaseInput {
  caseId: string;
  mentionId: string;
  trigger: string;
  facts: MentionFacts;
  /** Epoch ms. */
  at: number;
  crisis: boolean;
  /** Each team's open hours, for passes that count their deadline in business hours. */
  hours?: TeamHours;
  /** Tags the case starts with (put on the mention in triage before a person started the case). */
  tags?: readonly string[];
}

interface Stamp {
  /** Epoch ms at which the event happens. */
  at: number;
  /** The map's crisis flag at that instant. */
  crisis: boolean;
  /** Each team's open hours at that instant, for passes that count their deadline in business hours. */
  hours?: TeamHours;
}

/** Events a case accepts. Every event carries the instant and the crisis flag. */
export type CaseEvent = Stamp &
  (
    | { type: 'checklist.done' }
    | { type: 'release' }
    | { type: 'timeout' }
    | { type: 'lesson' }
    | { type: 'claim'; member: string }
    | { type: 'outcome'; outcome: string }
    | { type: 'tag'; tag: string }
  );

/** Something the outside world must do because a case moved. */
export type CaseEffect = { node: string } & (
  | { kind: 'notify'; recipient: Recipient; message: string }
  | { kind: 'reply'; text: string }
  | { kind: 'log'; text: string }
  | { kind: 'tag'; tag: string }
);

export type { CaseStatus, CaseView } from '../contracts/caseView.ts';
