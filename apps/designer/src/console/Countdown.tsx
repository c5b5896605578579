import type { BusinessHours } from '@baton/engine';
import { deadlineState } from './deadline.ts';

/** Time left to the deadline: calm, amber under 25% left, red when breached. */
export function Countdown({ c, now, hours }: { c: { queuedAt: string | null; deadline: string | null; breached: boolean }; now: number; hours?: BusinessHours | undefined }) {
  const { tone, text } = deadlineState(c, now, hours);
  return (
    <span className={`countdown countdown-${tone}`} data-tone={tone} title={c.deadline ? `Due ${new Date(c.deadline).toLocaleString()}` : undefined}>
      {tone === 'breached' && <span aria-hidden="true">⚠ </span>}
      {text}
    </span>
  );
}
