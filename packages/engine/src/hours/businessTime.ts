import { WEEK_DAYS, type BusinessHours } from './businessHoursSchema.ts';

const DAY = 86_400_000;
/** How far ahead to look for an open hour before giving up (holidays could close every day). */
const MAX_DAYS = 3 * 366;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock of `zone` at `t`, read as if it were UTC (epoch ms). */
function wallClock(t: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(t))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) + (t % 1000 + 1000) % 1000;
}

/** The instant at which `zone`'s clock shows `wall` (a skipped hour in spring maps to just after the jump). */
function instantOf(wall: number, zone: string): number {
  const first = wall - (wallClock(wall, zone) - wall);
  const offset = wallClock(first, zone) - first;
  const second = wall - offset;
  return wallClock(second, zone) === wall ? second : Math.max(first, second);
}

/** Open stretches of one local day (days since 1970-01-01 in the team's zone) as instants, in order. */
type Spans = ReadonlyArray<readonly [number, number]>;
const spanCache = new WeakMap<BusinessHours, Map<number, Spans>>();

function minutes(clock: string): number {
  return Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
}

function daySpans(hours: BusinessHours, day: number): Spans {
  let cache = spanCache.get(hours);
  if (!cache) spanCache.set(hours, (cache = new Map()));
  let spans = cache.get(day);
  if (spans) return spans;
  const midnight = day * DAY;
  const date = new Date(midnight).toISOString().slice(0, 10);
  const weekday = WEEK_DAYS[(new Date(midnight).getUTCDay() + 6) % 7]!;
  const list = hours.holidays?.includes(date) ? [] : [...(hours.week[weekday] ?? [])];
  list.sort((a, b) => minutes(a[0]) - minutes(b[0]));
  const out: Array<[number, number]> = [];
  for (const [from, to] of list) {
    const a = instantOf(midnight + minutes(from) * 60_000, hours.timeZone);
    const b = instantOf(midnight + minutes(to) * 60_000, hours.timeZone);
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else if (b > a) out.push([a, b]);
  }
  spans = out;
  cache.set(day, spans);
  return spans;
}

/** The open stretches from the local day of `t` on, lazily, up to `MAX_DAYS` ahead. */
function* spansFrom(t: number, hours: BusinessHours): Generator<readonly [number, number]> {
  const first = Math.floor(wallClock(t, hours.timeZone) / DAY);
  for (let day = first; day < first + MAX_DAYS; day++) yield* daySpans(hours, day);
}

/** Whether the team is open at `t` (epoch ms). */
export function isOpen(t: number, hours: BusinessHours): boolean {
  for (const [a, b] of spansFrom(t, hours)) {
    if (a > t) return false;
    if (t < b) return true;
  }
  return false;
}

/** `t` when open then, else the next instant the team opens (null if it never opens again). */
export function nextOpening(t: number, hours: BusinessHours): number | null {
  for (const [a, b] of spansFrom(t, hours)) if (t < b) return Math.max(a, t);
  return null;
}

/**
 * The instant by which `ms` of the team's open time has passed since `start`: the clock stops
 * while the team is closed (nights, days off, holidays) and follows its time zone's changes.
 * With no hours (`undefined`) it is plain `start + ms`.
 */
export function addBusinessTime(start: number, ms: number, hours: BusinessHours | undefined): number {
  if (!hours || ms <= 0) return start + Math.max(ms, 0);
  let left = ms;
  for (const [a, b] of spansFrom(start, hours)) {
    if (b <= start) continue;
    const from = Math.max(a, start);
    if (left <= b - from) return from + left;
    left -= b - from;
  }
  return start + ms;
}

/** Open time between `from` and `to` (ms); with no hours, `to - from`. Used for countdowns. */
export function businessTimeBetween(from: number, to: number, hours: BusinessHours | undefined): number {
  if (to <= from) return 0;
  if (!hours) return to - from;
  let total = 0;
  for (const [a, b] of spansFrom(from, hours)) {
    if (a >= to) break;
    if (b <= from) continue;
    total += Math.min(b, to) - Math.max(a, from);
  }
  return total;
}
