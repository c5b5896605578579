/**
 * How a case stands against its deadline: calm while there is time, amber once under a quarter of
 * the time is left, red when breached. Pure, so the countdown and its colours are tested without a clock.
 */
import { durationInWords } from '@baton/engine';

/** `none`: no deadline runs (still being prepared, or closing). */
export type DeadlineTone = 'none' | 'ok' | 'warning' | 'breached';

/** A deadline's tone and the words shown for it. */
export interface DeadlineState {
  tone: DeadlineTone;
  /** "42 min left", "1 h 5 min left", "breached 3 min ago". */
  text: string;
}

/**
 * The deadline's tone and words at `now`.
 * @example deadlineState({ queuedAt: '…T10:00Z', deadline: '…T11:00Z', breached: false }, Date.parse('…T10:50Z'))
 * // → { tone: 'warning', text: '10 min left' }
 */
export function deadlineState(c: { queuedAt: string | null; deadline: string | null; breached: boolean }, now: number): DeadlineState {
  if (!c.deadline) return c.breached ? { tone: 'breached', text: 'breached' } : { tone: 'none', text: 'no deadline yet' };
  const due = Date.parse(c.deadline);
  const left = due - now;
  if (left <= 0) return { tone: 'breached', text: `breached ${durationInWords(-left)} ago` };
  const text = `${durationInWords(left)} left`;
  if (c.breached) return { tone: 'breached', text: `${text} (breached earlier)` };
  const start = c.queuedAt ? Date.parse(c.queuedAt) : NaN;
  const total = due - start;
  const warning = Number.isFinite(total) && total > 0 ? left < total / 4 : false;
  return { tone: warning ? 'warning' : 'ok', text };
}
