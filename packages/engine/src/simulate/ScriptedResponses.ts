import { parseDuration } from '../schema/common.ts';
import type { Scenario } from '../schema/scenario.ts';

/** A scripted response: the outcome a member reports, and optionally after how long. */
export interface ScriptedResponse {
  outcome: string;
  afterMs?: number;
}

/**
 * A scenario's scripted `responses`, by mention and pass. Several for one mention and pass are used
 * in order, one per pick-up, the last one for every pick-up after that.
 */
export class ScriptedResponses {
  private readonly byKey = new Map<string, ScriptedResponse[]>();

  constructor(responses: Scenario['responses']) {
    for (const r of responses ?? []) {
      const key = `${r.mention}\u0000${r.node}`;
      const list = this.byKey.get(key) ?? [];
      const afterMs = r.after !== undefined ? parseDuration(r.after) : undefined;
      list.push(afterMs !== undefined ? { outcome: r.outcome, afterMs } : { outcome: r.outcome });
      this.byKey.set(key, list);
    }
  }

  /** The response for this pick-up of `mention` at `pass`, if the scenario scripts one. */
  next(mention: string, pass: string): ScriptedResponse | undefined {
    if (this.byKey.size === 0) return undefined;
    const script = this.byKey.get(`${mention}\u0000${pass}`);
    return script && script.length > 1 ? script.shift() : script?.[0];
  }
}
