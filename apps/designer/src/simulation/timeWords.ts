/**
 * Simulated times in words: "45 s", "12 min", "1 h 5 min", "2 d 3 h"; clock times from a scenario's start.
 */

/** Seconds → the two largest units in words; `null` (no case had the value) → "—". */
export function secondsInWords(sec: number | null | undefined): string {
  if (sec === null || sec === undefined || !Number.isFinite(sec)) return '—';
  const total = Math.max(0, Math.round(sec));
  if (total < 60) return `${total} s`;
  const units: [number, string][] = [[86_400, 'd'], [3600, 'h'], [60, 'min']];
  const parts: string[] = [];
  let rest = total;
  for (const [size, word] of units) {
    const n = Math.floor(rest / size);
    rest -= n * size;
    if (n > 0 || parts.length > 0) parts.push(`${n} ${word}`);
    if (parts.length === 2) break;
  }
  return parts.filter((p) => !p.startsWith('0 ')).join(' ');
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
