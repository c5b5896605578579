/**
 * The quick spike: a `baton.scenario/v1` document built from a few words — how many mentions, over
 * how long, what they say, and who is on shift in each team of the map.
 */
import { SCENARIO_FORMAT } from '@baton/engine';
import type { Scenario } from '@baton/engine';
import { parseHumanDuration } from '../designer/duration.ts';

/** The staff of one team as typed in the form. */
export interface SpikeStaff {
  members: number;
  backup: number;
  /** In words, e.g. "10 min" or "1 h"; ISO 8601 is accepted too. */
  responseTime: string;
}

/** What the spike form holds. */
export interface SpikeInput {
  count: number;
  /** How long the spike lasts, in words ("30 min"). */
  over: string;
  /** One mention text per line; each generated mention takes one of them. */
  texts: string;
  /** Staff by team id. */
  staff: Record<string, SpikeStaff>;
  /** ISO start of the scenario. */
  start: string;
  network?: 'twitter' | 'facebook' | 'instagram';
  seed?: number;
}

/** The built scenario, or what to fix in the form, in plain words. */
export type SpikeBuild = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

/** Builds the spike scenario, or lists every field that needs fixing. */
export function buildSpikeScenario(input: SpikeInput): SpikeBuild {
  const problems: string[] = [];
  const count = Math.floor(input.count);
  if (!Number.isFinite(count) || count < 1 || count > 100_000) problems.push('How many mentions: give a number from 1 to 100,000.');
  const over = parseHumanDuration(input.over);
  if (over === undefined) problems.push(`Over how long: “${input.over}” is not a duration; write it like “30 min” or “2 h”.`);
  const texts = input.texts.split('\n').map((t) => t.trim()).filter((t) => t.length > 0);
  if (texts.length === 0) problems.push('What they say: write at least one line of text.');
  const staff: Scenario['staff'] = {};
  for (const [team, s] of Object.entries(input.staff)) {
    const time = parseHumanDuration(s.responseTime);
    if (time === undefined) problems.push(`${team}: response time “${s.responseTime}” is not a duration; write it like “10 min”.`);
    if (!Number.isInteger(s.members) || s.members < 0) problems.push(`${team}: members must be a whole number, 0 or more.`);
    if (!Number.isInteger(s.backup) || s.backup < 0) problems.push(`${team}: backup must be a whole number, 0 or more.`);
    staff[team] = { members: s.members, ...(s.backup > 0 ? { backup: s.backup } : {}), responseTime: time ?? s.responseTime };
  }
  if (problems.length > 0) return { ok: false, problems };
  const scenario: Scenario = {
    format: SCENARIO_FORMAT,
    name: `Quick spike: ${count.toLocaleString('en')} mentions in ${input.over.trim()}`,
    start: input.start,
    seed: input.seed ?? 1,
    generate: [{
      count,
      from: 'PT0S',
      to: over!,
      template: {
        network: input.network ?? 'twitter',
        author: { handle: '@someone', followers: 120 },
        text: texts[0]!,
        directedAtBrand: true,
        lang: 'en',
      },
      ...(texts.length > 1 ? { texts } : {}),
    }],
    staff,
  };
  return { ok: true, scenario };
}

/** The start of a quick spike: the current hour, so clock times read naturally. */
export function spikeStart(now: Date = new Date()): string {
  const d = new Date(now);
  d.setUTCMinutes(0, 0, 0);
  return d.toISOString().replace('.000Z', 'Z');
}
