import { WEEK_DAYS, businessHoursSchema, type BusinessHours, type WeekDay } from '@baton/engine';

/** The hours form as the admin types it: per weekday "09:00-17:30" (several with commas; empty: closed). */
export interface HoursFields {
  timeZone: string;
  days: Record<WeekDay, string>;
  /** Dates off, separated by commas, spaces or new lines. */
  holidays: string;
}

/** The fields for a team's hours (a weekday office in the browser's time zone when it has none). */
export function hoursFields(hours: BusinessHours | null, defaultZone: string): HoursFields {
  if (!hours) {
    const days = Object.fromEntries(WEEK_DAYS.map((d) => [d, d === 'sat' || d === 'sun' ? '' : '09:00-17:30'])) as Record<WeekDay, string>;
    return { timeZone: defaultZone, days, holidays: '' };
  }
  const days = Object.fromEntries(WEEK_DAYS.map((d) => [d, (hours.week[d] ?? []).map(([a, b]) => `${a}-${b}`).join(', ')])) as Record<WeekDay, string>;
  return { timeZone: hours.timeZone, days, holidays: (hours.holidays ?? []).join(', ') };
}

/** The hours the fields describe, or the first thing wrong with them in plain words. */
export function readHours(f: HoursFields): { hours: BusinessHours } | { error: string } {
  const week: Partial<Record<WeekDay, [string, string][]>> = {};
  for (const d of WEEK_DAYS) {
    const text = f.days[d].trim();
    if (!text) continue;
    const spans: [string, string][] = [];
    for (const part of text.split(',')) {
      const m = /^\s*(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})\s*$/.exec(part);
      if (!m) return { error: `${d}: write opening hours as 09:00-17:30 (several separated by commas), or leave it empty for a day off` };
      spans.push([m[1]!.padStart(5, '0'), m[2]!.padStart(5, '0')]);
    }
    week[d] = spans;
  }
  const holidays = f.holidays.split(/[\s,]+/).filter(Boolean);
  const candidate = { timeZone: f.timeZone.trim(), week, ...(holidays.length ? { holidays } : {}) };
  const parsed = businessHoursSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { error: `${issue.path.join('.') || 'hours'}: ${issue.message}` };
  }
  return { hours: parsed.data };
}
