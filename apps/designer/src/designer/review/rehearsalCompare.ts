/**
 * The review's rehearsal evidence in words: one scenario run on the active version and on the
 * version under review, measure by measure, each change judged better, worse or the same.
 */
import type { SimulationResult } from '@baton/engine';
import { secondsInWords } from '../../simulation/timeWords.ts';

export type RunMetrics = SimulationResult['metrics'];

/** How a measure moved from the active version to the one under review. */
export type Change = 'better' | 'worse' | 'same' | 'none';

/** One row of a scenario's comparison. */
export interface MeasureRow {
  /** Stable key: `ended`, `open`, `breaches`, `pickupP90`, `resolvedP90`, `maxQueue:<team>`. */
  key: string;
  /** The row's words ("Missed deadlines"; a team's name under the queue group). */
  label: string;
  /** Rows of a group share a heading ("Most waiting at once"). */
  group?: string;
  /** The active version's value (null: no value, e.g. no case was picked up; undefined: nothing active). */
  active: number | null | undefined;
  submitted: number | null;
  activeText: string;
  submittedText: string;
  change: Change;
  /** "Missed deadlines 12 → 4 (better)". */
  sentence: string;
}

interface Measure {
  key: string;
  label: string;
  group?: string;
  /** The label in a sentence, when the row's own words are too short to stand alone. */
  long?: string;
  value: (m: RunMetrics) => number | null;
  /** Whether a larger number is the better one. */
  higherIsBetter: boolean;
  text: (v: number | null) => string;
}

/** The heading of the per-team queue rows. */
export const QUEUE_GROUP = 'Most waiting at once, per team';

const count = (v: number | null) => (v === null ? '—' : v.toLocaleString('en'));

function measures(teams: string[], teamName: (id: string) => string): Measure[] {
  return [
    { key: 'ended', label: 'Cases ended', value: (m) => m.ended, higherIsBetter: true, text: count },
    { key: 'open', label: 'Still open', value: (m) => m.open, higherIsBetter: false, text: count },
    { key: 'breaches', label: 'Missed deadlines', value: (m) => m.breaches, higherIsBetter: false, text: count },
    { key: 'pickupP90', label: 'Pick-up, 9 in 10', long: '9 in 10 picked up within', value: (m) => m.pickupSec.p90, higherIsBetter: false, text: secondsInWords },
    { key: 'resolvedP90', label: 'Resolved, 9 in 10', long: '9 in 10 resolved within', value: (m) => m.resolvedSec.p90, higherIsBetter: false, text: secondsInWords },
    ...teams.map((id): Measure => ({
      key: `maxQueue:${id}`,
      label: teamName(id),
      group: QUEUE_GROUP,
      long: `Most waiting for ${teamName(id)}`,
      value: (m) => m.byTeam[id]?.maxQueue ?? null,
      higherIsBetter: false,
      text: count,
    })),
  ];
}

/**
 * Better, worse or the same, from `from` to `to`; `none` when either side has no value. Values
 * that read the same (`text`: "3 h 59 min" both times) are the same, however far apart the seconds.
 */
export function judge(from: number | null | undefined, to: number | null, higherIsBetter: boolean, text?: (v: number) => string): Change {
  if (from === null || from === undefined || to === null) return 'none';
  if (from === to || (text && text(from) === text(to))) return 'same';
  return (to > from) === higherIsBetter ? 'better' : 'worse';
}

/**
 * The rows comparing a scenario's run on the version under review with its run on the active
 * version (`active` null: nothing is active, so nothing is judged).
 */
export function compareRuns(submitted: RunMetrics, active: RunMetrics | null, teamName: (id: string) => string = (id) => id): MeasureRow[] {
  const teams = [...new Set([...Object.keys(active?.byTeam ?? {}), ...Object.keys(submitted.byTeam)])];
  return measures(teams, teamName).map((m) => {
    const a = active ? m.value(active) : undefined;
    const s = m.value(submitted);
    const change = judge(a, s, m.higherIsBetter, m.text);
    const activeText = a === undefined ? '' : m.text(a);
    const submittedText = m.text(s);
    const words = m.long ?? m.label;
    const sentence = a === undefined ? `${words}: ${submittedText}` : `${words} ${activeText} → ${submittedText}${change === 'none' ? '' : ` (${change})`}`;
    return { key: m.key, label: m.label, ...(m.group ? { group: m.group } : {}), active: a, submitted: s, activeText, submittedText, change, sentence };
  });
}

/** "better on 3 measures, worse on 1" — or "no change" — for a scenario's header. */
export function summarise(rows: MeasureRow[]): string {
  const better = rows.filter((r) => r.change === 'better').length;
  const worse = rows.filter((r) => r.change === 'worse').length;
  const measures = (n: number) => `${n} measure${n === 1 ? '' : 's'}`;
  if (better === 0 && worse === 0) return rows.some((r) => r.change === 'same') ? 'no change' : '';
  if (worse === 0) return `better on ${measures(better)}`;
  if (better === 0) return `worse on ${measures(worse)}`;
  return `better on ${measures(better)}, worse on ${worse}`;
}
