/**
 * Durations as people type them ("1 h 30 min", "90 min", "2 days") → ISO 8601 (`PT1H30M`); the
 * other way is the engine's `durationInWords(iso, { exact: true })`.
 */
import { parseDuration } from '@baton/engine';

const WORDS: Record<string, number> = {
  w: 604_800_000, wk: 604_800_000, week: 604_800_000, weeks: 604_800_000,
  d: 86_400_000, day: 86_400_000, days: 86_400_000,
  h: 3_600_000, hr: 3_600_000, hrs: 3_600_000, hour: 3_600_000, hours: 3_600_000,
  m: 60_000, min: 60_000, mins: 60_000, minute: 60_000, minutes: 60_000,
  s: 1000, sec: 1000, secs: 1000, second: 1000, seconds: 1000,
};

/** "1 h 30 min", "90m", "1.5 hours", "2 days" or an ISO string → `PT1H30M`…; `undefined` if unreadable. */
export function parseHumanDuration(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^P/i.test(trimmed)) return parseDuration(trimmed.toUpperCase()) === undefined ? undefined : trimmed.toUpperCase();
  const re = /(\d+(?:\.\d+)?)\s*([a-z]+)/gi;
  let total = 0;
  let matched = '';
  for (const m of trimmed.matchAll(re)) {
    const size = WORDS[m[2]!.toLowerCase()];
    if (size === undefined) return undefined;
    total += Number(m[1]) * size;
    matched += m[0];
  }
  if (!matched || matched.replace(/\s/g, '') !== trimmed.replace(/[\s,]|and/g, '')) return undefined;
  return toIsoDuration(Math.round(total / 1000) * 1000);
}

/** Milliseconds → the shortest ISO 8601 duration (`P1DT2H`, `PT45M`). */
export function toIsoDuration(ms: number): string {
  let rest = Math.max(0, Math.round(ms / 1000));
  const d = Math.floor(rest / 86_400); rest -= d * 86_400;
  const h = Math.floor(rest / 3600); rest -= h * 3600;
  const m = Math.floor(rest / 60); rest -= m * 60;
  const time = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${rest ? `${rest}S` : ''}`;
  if (!d && !time) return 'PT0S';
  return `P${d ? `${d}D` : ''}${time ? `T${time}` : ''}`;
}
