/**
 * Times as a person reads them in lists: local date and time to the minute,
 * e.g. "1 Mar 2026, 10:30" (in the browser's locale and time zone).
 */
export function formatTime(iso: string, locale?: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}
