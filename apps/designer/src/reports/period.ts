/** The periods a report offers, and the time range each stands for. */

export type Period = 'today' | '7d' | '30d';

export const PERIODS: { id: Period; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: '7d', label: 'Last 7 days' },
  { id: '30d', label: 'Last 30 days' },
];

const DAY = 86_400_000;

/** The ISO range of a period ending `now`; "today" starts at local midnight. */
export function periodRange(period: Period, now: number): { from: string; to: string } {
  let from: number;
  if (period === 'today') {
    const d = new Date(now);
    d.setHours(0, 0, 0, 0);
    from = d.getTime();
  } else {
    from = now - (period === '7d' ? 7 : 30) * DAY;
  }
  return { from: new Date(from).toISOString(), to: new Date(now).toISOString() };
}

/** "Thu 1 Jan, 09:05" in the viewer's time zone. */
export function whenInWords(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}
