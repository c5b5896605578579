import type { Network } from '../schema/mention.ts';

/**
 * What conditions can see of a mention, computed once when it arrives (sentiment filled in when
 * the mention has none, `isQuestion` derived). Plain JSON: it is persisted inside a case.
 */
export interface MentionFacts {
  network: Network;
  text: string;
  authorHandle: string;
  authorFollowers?: number;
  authorVerified?: boolean;
  lang?: string;
  sentiment: number;
  directedAtBrand?: boolean;
  isQuestion: boolean;
  /** The brand the mention concerns: which maps hear it (`listensTo`), not a condition field. */
  brand?: string;
}

/** What conditions can see of the case and the map at the instant they are evaluated. */
export interface CaseFacts {
  tags: readonly string[];
  crisis: boolean;
  passCount: number;
}

/** Everything a condition is evaluated against. */
export type ConditionFacts = MentionFacts & CaseFacts;
