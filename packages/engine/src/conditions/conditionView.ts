import type { ConditionFacts, MentionFacts } from './facts.ts';

// One object, refreshed in place: conditions are evaluated synchronously and never nested, so a
// single view serves every evaluation without an allocation or a per-mention cache entry (a
// WeakMap keyed by 100,000 mentions costs the garbage collector more than it saves).
const view: ConditionFacts = {
  network: 'other', text: '', authorHandle: '', sentiment: 0, isQuestion: false,
  tags: [], crisis: false, passCount: 0,
};
let current: MentionFacts | null = null;

/**
 * What a condition sees at one instant: a mention's facts plus the case's tags, the map's crisis
 * flag and the passes so far. The returned object is reused by the next call: read it, don't keep it.
 */
export function conditionView(facts: MentionFacts, tags: readonly string[], crisis: boolean, passCount: number): ConditionFacts {
  if (current !== facts) {
    current = facts;
    view.network = facts.network;
    view.text = facts.text;
    view.authorHandle = facts.authorHandle;
    view.authorFollowers = facts.authorFollowers;
    view.authorVerified = facts.authorVerified;
    view.lang = facts.lang;
    view.sentiment = facts.sentiment;
    view.directedAtBrand = facts.directedAtBrand;
    view.isQuestion = facts.isQuestion;
  }
  view.tags = tags;
  view.crisis = crisis;
  view.passCount = passCount;
  return view;
}
