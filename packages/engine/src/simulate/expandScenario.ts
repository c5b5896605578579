import { parseDuration } from '../schema/common.ts';
import type { Mention } from '../schema/mention.ts';
import type { Scenario } from '../schema/scenario.ts';

/** One mention and the offset (ms from the scenario start) at which it arrives. */
export interface Arrival {
  at: number;
  mention: Mention;
}

/**
 * Lists every mention of a scenario in arrival order: the scripted ones, then each `generate`
 * batch spread at seeded-random instants between `from` and `to`. Equal instants keep the order
 * of creation (scripted first, then batches in order).
 */
export function expandScenario(scenario: Scenario, random: () => number): Arrival[] {
  const start = Date.parse(scenario.start);
  const arrivals: Arrival[] = (scenario.mentions ?? []).map((m) => ({ at: parseDuration(m.at) ?? 0, mention: m.mention }));
  (scenario.generate ?? []).forEach((batch, b) => {
    const from = parseDuration(batch.from) ?? 0;
    const to = Math.max(from, parseDuration(batch.to) ?? from);
    const times: number[] = [];
    for (let i = 0; i < batch.count; i++) times.push(from + Math.floor(random() * (to - from)));
    times.sort((x, y) => x - y);
    const texts = batch.texts;
    times.forEach((at, i) => {
      const text = texts ? (texts[Math.floor(random() * texts.length)] as string) : batch.template.text;
      // Object.assign, not an object spread: at scale V8 gives every spread copy a map (hidden
      // class) of its own, 100,000 of them for as many mentions, slow to make and to read.
      const mention: Mention = Object.assign({}, batch.template, { id: `gen-${b + 1}-${i + 1}`, text, createdAt: new Date(start + at).toISOString() });
      arrivals.push({ at, mention });
    });
  });
  // Array.prototype.sort is stable: creation order holds at equal instants.
  return arrivals.sort((x, y) => x.at - y.at);
}
