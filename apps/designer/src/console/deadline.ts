/**
 * How a case stands against its deadline: calm while there is time, amber once under a quarter of
 * the time is left, red when breached. Pure, so the countdown and its colours are tested without a clock.
 */
import { businessTimeBetween, durationInWords, isOpen, nextOpening, type BusinessHours } from '@baton/engine';

/** `none`: no deadline runs (still being prepared, or closing). */
export type DeadlineTone = 'none' | 'ok' | 'warning' | 'breached';

/** A deadline's tone and the words shown for it. */
export interface DeadlineState {
  tone: DeadlineTone;
  /** "42 min left", "1 h 5 min left", "breached 3 min ago". */
  text: string;
}

/** "Mon 09:00": an instant as a weekday and time in `timeZone`. */
export function openingWords(t: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(t));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('weekday')} ${part('hour')}:${part('minute')}`;
}

/**
 * The deadline's tone and words at `now`. With `hours` (a pass that counts its deadline in the
 * receiving team's open hours), the time left is open time, and while the team is closed the
 * countdown says when it goes on: "paused until Mon 09:00".
 * @example deadlineState({ queuedAt: '…T10:00Z', deadline: '…T11:00Z', breached: false }, Date.parse('…T10:50Z'))
 * // → { tone: 'warning', text: '10 min left' }
 */
export function deadlineState(c: { queuedAt: string | null; deadline: string | null; breached: boolean }, now: number, hours?: BusinessHours): DeadlineState {
  if (!c.deadline) return c.breached ? { tone: 'breached', text: 'breached' } : { tone: 'none', text: 'no deadline yet' };
  const due = Date.parse(c.deadline);
  if (due - now <= 0) return { tone: 'breached', text: `breached ${durationInWords(now - due)} ago` };
  const left = businessTimeBetween(now, due, hours);
  const opens = hours && !isOpen(now, hours) ? nextOpening(now, hours) : null;
  const text = opens !== null ? `${durationInWords(left)} left, paused until ${openingWords(opens, hours!.timeZone)}` : `${durationInWords(left)} left`;
  if (c.breached) return { tone: 'breached', text: `${text} (breached earlier)` };
  const start = c.queuedAt ? Date.parse(c.queuedAt) : NaN;
  const total = businessTimeBetween(start, due, hours);
  const warning = Number.isFinite(total) && total > 0 ? left < total / 4 : false;
  return { tone: warning ? 'warning' : 'ok', text };
}
