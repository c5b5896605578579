import type { ArrivalPlan } from './expandScenario.ts';

/**
 * Which case a reply belongs to (docs/semantics.md#routing: a reply whose thread reaches an open case is attached to
 * it). Only mentions that something replies to need remembering — a walk up a thread only ever
 * looks up those — so a run of 100,000 unrelated mentions keeps nothing here.
 */
export class MentionThreads {
  /** Ids some mention of the run replies to. */
  private readonly replyTargets = new Set<string>();
  private readonly caseOfMention = new Map<string, number>();
  private readonly parentOf = new Map<string, string | undefined>();

  /** Notes every id the run's mentions reply to (before the run starts). */
  constructor(plan: ArrivalPlan) {
    for (const a of plan.scripted) if (a.mention.inReplyTo !== undefined) this.replyTargets.add(a.mention.inReplyTo);
    for (const b of plan.batches) if (b.times.length > 0 && b.template.inReplyTo !== undefined) this.replyTargets.add(b.template.inReplyTo);
  }

  /** A mention arrived; true when something replies to it (its case must then be remembered with `belongsTo`). */
  arrived(id: string, inReplyTo: string | undefined): boolean {
    if (!this.replyTargets.has(id)) return false;
    this.parentOf.set(id, inReplyTo);
    return true;
  }

  /** Remembers the case a replied-to mention started or joined. */
  belongsTo(id: string, caseIndex: number): void {
    this.caseOfMention.set(id, caseIndex);
  }

  /** The first case up the thread from `parent` that has not ended, if any (`cases` by index). */
  openCaseUp(parent: string | undefined, cases: readonly { row: { status: string } }[]): number | undefined {
    if (parent === undefined) return undefined;
    const seen = new Set<string>();
    while (parent !== undefined && !seen.has(parent)) {
      seen.add(parent);
      const index = this.caseOfMention.get(parent);
      if (index !== undefined && cases[index]!.row.status !== 'ended') return index;
      parent = this.parentOf.get(parent);
    }
    return undefined;
  }
}
