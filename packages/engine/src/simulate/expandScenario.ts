import { parseDuration } from '../schema/common.ts';
import type { Mention, MentionTemplate } from '../schema/mention.ts';
import type { Scenario } from '../schema/scenario.ts';

/** One mention and the offset (ms from the scenario start) at which it arrives. */
export interface Arrival {
  at: number;
  mention: Mention;
}

/** One `generate` batch with its random draws made: instants in order, and the text of each. */
interface PlannedBatch {
  /** 1-based, as in the generated ids. */
  number: number;
  template: MentionTemplate;
  texts: readonly string[] | undefined;
  /** Arrival offsets, ascending. */
  times: number[];
  /** Index into `texts` of the i-th mention's text (none without texts). */
  textOf: Uint32Array | null;
}

/**
 * A scenario's arrivals with every random draw made (in the order `expandScenario` has always
 * made them) but no mention built yet: a large generated run keeps two numbers per mention
 * instead of a mention object, and builds each mention only as it arrives.
 */
export interface ArrivalPlan {
  /** Scripted mentions, ascending by offset (stable). */
  readonly scripted: readonly Arrival[];
  readonly batches: readonly PlannedBatch[];
  readonly start: number;
  readonly total: number;
}

/** Makes a scenario's random draws: each batch's instants, then the text of each of its mentions. */
export function planArrivals(scenario: Scenario, random: () => number): ArrivalPlan {
  const start = Date.parse(scenario.start);
  const scripted: Arrival[] = (scenario.mentions ?? []).map((m) => ({ at: parseDuration(m.at) ?? 0, mention: m.mention }));
  // Array.prototype.sort is stable: listing order holds at equal instants.
  scripted.sort((x, y) => x.at - y.at);
  let total = scripted.length;
  const batches = (scenario.generate ?? []).map((batch, b): PlannedBatch => {
    const from = parseDuration(batch.from) ?? 0;
    const to = Math.max(from, parseDuration(batch.to) ?? from);
    const times: number[] = [];
    for (let i = 0; i < batch.count; i++) times.push(from + Math.floor(random() * (to - from)));
    times.sort((x, y) => x - y);
    const texts = batch.texts;
    let textOf: Uint32Array | null = null;
    if (texts) {
      textOf = new Uint32Array(times.length);
      for (let i = 0; i < times.length; i++) textOf[i] = Math.floor(random() * texts.length);
    }
    total += times.length;
    return { number: b + 1, template: batch.template, texts, times, textOf };
  });
  return { scripted, batches, start, total };
}

/** The i-th mention of a planned batch. */
export function batchMention(plan: ArrivalPlan, batch: PlannedBatch, i: number): Mention {
  const text = batch.textOf ? (batch.texts![batch.textOf[i]!] as string) : batch.template.text;
  // Object.assign, not an object spread: at scale V8 gives every spread copy a map (hidden
  // class) of its own, 100,000 of them for as many mentions, slow to make and to read.
  return Object.assign({}, batch.template, {
    id: `gen-${batch.number}-${i + 1}`,
    text,
    createdAt: new Date(plan.start + (batch.times[i] as number)).toISOString(),
  }) as Mention;
}

/**
 * Walks a plan in arrival order: by offset, and at equal offsets scripted mentions first, then
 * the batches in order, each in its own order (the order `expandScenario` lists them in).
 */
export class ArrivalCursor {
  private scriptedNext = 0;
  private readonly batchNext: number[];
  /** Where the next arrival comes from: -1 scripted, else a batch index; null when none is left. */
  private source: number | null = null;
  /** Offset of the next arrival (valid when `source` is not null). */
  at = 0;

  constructor(readonly plan: ArrivalPlan) {
    this.batchNext = plan.batches.map(() => 0);
    this.advance();
  }

  /** Whether any arrival is left. */
  get done(): boolean {
    return this.source === null;
  }

  private advance(): void {
    let source: number | null = null;
    let at = 0;
    const scripted = this.plan.scripted[this.scriptedNext];
    if (scripted) {
      source = -1;
      at = scripted.at;
    }
    const batches = this.plan.batches;
    for (let b = 0; b < batches.length; b++) {
      const t = batches[b]!.times[this.batchNext[b]!];
      // Strictly earlier only: at an equal offset the earlier source keeps its place.
      if (t !== undefined && (source === null || t < at)) {
        source = b;
        at = t;
      }
    }
    this.source = source;
    this.at = at;
  }

  /**
   * Takes the next arrival: a scripted mention as listed, or a generated one as (batch, index).
   * Call only when not `done`.
   */
  take(): { mention: Mention; batch?: undefined; index?: undefined } | { mention?: undefined; batch: PlannedBatch; index: number } {
    const source = this.source!;
    let taken;
    if (source === -1) taken = { mention: this.plan.scripted[this.scriptedNext++]!.mention };
    else taken = { batch: this.plan.batches[source]!, index: this.batchNext[source]!++ };
    this.advance();
    return taken;
  }
}

/**
 * Lists every mention of a scenario in arrival order: the scripted ones, then each `generate`
 * batch spread at seeded-random instants between `from` and `to`. Equal instants keep the order
 * of creation (scripted first, then batches in order).
 */
export function expandScenario(scenario: Scenario, random: () => number): Arrival[] {
  const plan = planArrivals(scenario, random);
  const cursor = new ArrivalCursor(plan);
  const arrivals: Arrival[] = [];
  while (!cursor.done) {
    const at = cursor.at;
    const next = cursor.take();
    arrivals.push({ at, mention: next.mention ?? batchMention(plan, next.batch, next.index) });
  }
  return arrivals;
}
