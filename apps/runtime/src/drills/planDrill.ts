import { expandScenario, parseDuration, seededRandom, type Mention, type Scenario } from '@baton/engine';

/** One planned drill mention: when it is due and the mention as the runtime will receive it. */
export interface PlannedMention {
  seq: number;
  /** Offset from the scenario's start in scenario time, ms. */
  offset: number;
  dueAt: number;
  mention: Mention;
}

/**
 * Plans a drill: the scenario's mentions (scripted and generated with its seed, exactly as the
 * simulator expands them), each due at `startedAt + offset / speed`. Ids get the drill's prefix so
 * they never meet a real mention's (`<drillId>:<id>`, or `<drillId>:#<n>` when that would be too
 * long); a reply to another mention of the scenario keeps pointing at it, and a reply to anything
 * else loses `inReplyTo`, so a drill mention never joins a real case.
 */
export function planDrill(drillId: string, scenario: Scenario, speed: number, startedAt: number): PlannedMention[] {
  const arrivals = expandScenario(scenario, seededRandom(scenario.seed ?? 1));
  const ids = new Map<string, string>();
  arrivals.forEach((a, i) => {
    const id = `${drillId}:${a.mention.id}`;
    if (!ids.has(a.mention.id)) ids.set(a.mention.id, id.length <= 128 ? id : `${drillId}:#${i + 1}`);
  });
  return arrivals.map((a, i) => {
    const { inReplyTo, ...rest } = a.mention;
    const parent = inReplyTo ? ids.get(inReplyTo) : undefined;
    const mention = { ...rest, id: ids.get(a.mention.id)!, ...(parent ? { inReplyTo: parent } : {}) } as Mention;
    return { seq: i + 1, offset: a.at, dueAt: startedAt + Math.round(a.at / speed), mention };
  });
}

/** The instant the scenario's `until` falls in drill time, or null without one. */
export function drillUntil(scenario: Scenario, speed: number, startedAt: number): number | null {
  const until = scenario.until ? parseDuration(scenario.until) : undefined;
  return until === undefined ? null : startedAt + Math.round(until / speed);
}

/** A duration in ms as ISO 8601 (`PT1.5S`), for scenarios rewritten in drill time. */
function isoMs(ms: number): string {
  return `PT${(Math.max(0, ms) / 1000).toFixed(3).replace(/\.?0+$/, '')}S`;
}

/**
 * The scenario as the drill plays it, for the simulator's prediction: arrivals and `until`
 * compressed by `speed`, and staff the people who took part (members and backups per team, with the
 * scenario's response times and outcomes for that team; teams that did not take part have nobody).
 */
export function drillScenario(scenario: Scenario, speed: number, people: { team: string; backup: boolean }[]): Scenario {
  const shrink = (d: string) => isoMs((parseDuration(d) ?? 0) / speed);
  const staff: Scenario['staff'] = {};
  for (const p of people) {
    const s = (staff[p.team] ??= { members: 0, backup: 0, responseTime: scenario.staff[p.team]?.responseTime ?? 'PT10M',
      ...(scenario.staff[p.team]?.outcomes ? { outcomes: scenario.staff[p.team]!.outcomes! } : {}) });
    if (p.backup) s.backup = (s.backup ?? 0) + 1;
    else s.members++;
  }
  return {
    ...scenario,
    ...(scenario.until ? { until: shrink(scenario.until) } : {}),
    ...(scenario.mentions ? { mentions: scenario.mentions.map((m) => ({ ...m, at: shrink(m.at) })) } : {}),
    ...(scenario.generate ? { generate: scenario.generate.map((g) => ({ ...g, from: shrink(g.from), to: shrink(g.to) })) } : {}),
    staff,
  };
}
