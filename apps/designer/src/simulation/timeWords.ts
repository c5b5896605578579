import { durationInWords } from '@baton/engine';

/**
 * Simulated times in words: "45 s", "12 min", "1 h 5 min", "2 d 3 h"; clock times from a scenario's start.
 */

/** Seconds in words (the engine's `durationInWords`): "12 min", "1 h 5 min"; `null` (no case had the value) → "—". */
export function secondsInWords(sec: number | null | undefined): string {
  return durationInWords(sec, { unit: 's' });
}

/** The wall-clock time (UTC, "09:12") `sec` seconds after an ISO `start`; "+12 min" if `start` is unreadable. */
export function clockAt(start: string, sec: number): string {
  const at = Date.parse(start);
  if (Number.isNaN(at)) return `+${secondsInWords(sec)}`;
  const d = new Date(at + sec * 1000);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${hh}:${mm}`;
}
