import { parseDuration } from '../schema/common.ts';

const UNITS: [ms: number, word: string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'min'], [1000, 's']];

/**
 * A span of time as people say it, the one wording Baton uses everywhere (deadlines and
 * countdowns, simulation and report figures, the map editor, notifications, the CLI): "45 s",
 * "12 min", "1 h 5 min", "2 h", "2 d 3 h". The largest unit and the one below it, rounded down —
 * a countdown never promises time that is not there — with a zero second part left out, and
 * seconds only under a minute. `exact`
 * keeps every unit ("1 d 2 h 30 min 15 s"), for text a person edits and reads back. Accepts ms
 * (seconds with `unit: 's'`) or an ISO 8601 duration (`PT1H30M`, returned as it is when unreadable); null, undefined or a
 * number that is not finite is "—" (no value).
 * @example durationInWords(65 * 60_000) // '1 h 5 min'
 * @example durationInWords('PT1H30M15S', { exact: true }) // '1 h 30 min 15 s'
 * @example durationInWords(3900, { unit: 's' }) // '1 h 5 min'
 */
export function durationInWords(span: number | string | null | undefined, opts: { exact?: boolean; unit?: 'ms' | 's' } = {}): string {
  const ms = typeof span === 'string' ? parseDuration(span) : typeof span === 'number' && opts.unit === 's' ? span * 1000 : span;
  if (ms === undefined && typeof span === 'string') return span;
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  let rest = Math.max(0, Math.floor(ms / 1000)) * 1000;
  if (rest < 1000) return '0 s';
  const parts: string[] = [];
  let first = -1;
  for (const [i, [size, word]] of UNITS.entries()) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 && first < 0) first = i;
    // Seconds count only under a minute: "12 min", never "12 min 30 s".
    if (!opts.exact && first >= 0 && (i > first + 1 || (word === 's' && i > first))) break;
    if (n > 0) parts.push(`${n} ${word}`);
  }
  return parts.join(' ');
}
