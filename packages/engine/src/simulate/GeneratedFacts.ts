import { mentionFacts } from '../conditions/mentionFacts.ts';
import type { MentionFacts } from '../conditions/facts.ts';
import { batchMention, type ArrivalPlan } from './expandScenario.ts';

/**
 * The facts of generated mentions. They depend on the batch's template and the text alone (not on
 * the id or the instant), so the mentions of a batch that share a text share their facts: read
 * once, no mention object built.
 */
export class GeneratedFacts {
  private readonly byBatch = new Map<object, Map<number, MentionFacts>>();

  constructor(private readonly plan: ArrivalPlan) {}

  /** The facts of the `index`-th mention of `batch`. */
  of(batch: ArrivalPlan['batches'][number], index: number): MentionFacts {
    const key = batch.textOf ? batch.textOf[index]! : -1;
    let byText = this.byBatch.get(batch);
    if (!byText) this.byBatch.set(batch, (byText = new Map()));
    let facts = byText.get(key);
    if (!facts) byText.set(key, (facts = mentionFacts(batchMention(this.plan, batch, index))));
    return facts;
  }
}
