import { describe, expect, it } from 'vitest';
import { businessHoursSchema, type BusinessHours } from './businessHoursSchema.ts';
import { addBusinessTime, businessTimeBetween, isOpen, nextOpening } from './businessTime.ts';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();

const weekdays = [['09:00', '17:30']] as [string, string][];
const london: BusinessHours = {
  timeZone: 'Europe/London',
  week: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays },
  holidays: ['2026-12-25'],
};

describe('addBusinessTime', () => {
  it('is plain addition without hours', () => {
    expect(addBusinessTime(at('2026-01-03T23:00:00Z'), 2 * H, undefined)).toBe(at('2026-01-04T01:00:00Z'));
  });

  it('counts inside one open day as plain time', () => {
    // Tuesday 2026-01-06, London is on GMT in winter.
    expect(iso(addBusinessTime(at('2026-01-06T10:00:00Z'), 2 * H, london))).toBe('2026-01-06T12:00:00.000Z');
  });

  it('stops over the night and goes on at the next opening', () => {
    // 16:30 + 2 h: one hour left today (to 17:30), one more from 09:00 next morning.
    expect(iso(addBusinessTime(at('2026-01-06T16:30:00Z'), 2 * H, london))).toBe('2026-01-07T10:00:00.000Z');
  });

  it('starts at the opening when the case arrives at night', () => {
    expect(iso(addBusinessTime(at('2026-01-06T22:00:00Z'), 30 * 60_000, london))).toBe('2026-01-07T09:30:00.000Z');
  });

  it('skips the weekend', () => {
    // Friday 2026-01-09 17:00 + 1 h: 30 min on Friday, 30 on Monday 12th.
    expect(iso(addBusinessTime(at('2026-01-09T17:00:00Z'), H, london))).toBe('2026-01-12T09:30:00.000Z');
    // Arriving on Saturday.
    expect(iso(addBusinessTime(at('2026-01-10T12:00:00Z'), H, london))).toBe('2026-01-12T10:00:00.000Z');
  });

  it('skips holidays', () => {
    // Thursday 2026-12-24 17:00 + 1 h: Friday 25th is a holiday, then the weekend.
    expect(iso(addBusinessTime(at('2026-12-24T17:00:00Z'), H, london))).toBe('2026-12-28T09:30:00.000Z');
  });

  it('counts several days of open time', () => {
    // 8.5 h a day: P1D of open time from Monday 09:00 ends Wednesday 15:00 (8.5 + 8.5 + 7).
    expect(iso(addBusinessTime(at('2026-01-05T09:00:00Z'), 24 * H, london))).toBe('2026-01-07T16:00:00.000Z');
  });

  it('follows the spring clock change (opening at 09:00 local, now UTC+1)', () => {
    // Friday 2026-03-27 17:00 GMT + 1 h; clocks go forward Sunday 29th; Monday opens 08:00Z.
    expect(iso(addBusinessTime(at('2026-03-27T17:00:00Z'), H, london))).toBe('2026-03-30T08:30:00.000Z');
  });

  it('follows the autumn clock change', () => {
    // Friday 2026-10-23 16:00Z = 17:00 BST, 30 min left; Monday 26th (GMT) opens 09:00Z.
    expect(iso(addBusinessTime(at('2026-10-23T16:00:00Z'), H, london))).toBe('2026-10-26T09:30:00.000Z');
  });

  it('keeps a team open across a clock change night in its own time zone', () => {
    const nightShift: BusinessHours = { timeZone: 'America/New_York', week: { sun: [['00:00', '24:00']] } };
    // Sunday 2026-03-08 is 23 hours long in New York: 05:00Z (EST midnight) to 04:00Z next day (EDT midnight).
    expect(businessTimeBetween(at('2026-03-01T00:00:00Z'), at('2026-03-15T00:00:00Z'), nightShift)).toBe(24 * H + 23 * H);
    expect(iso(addBusinessTime(at('2026-03-08T05:00:00Z'), 23 * H, nightShift))).toBe('2026-03-09T04:00:00.000Z');
  });

  it('handles several stretches a day and days with no hours', () => {
    const split: BusinessHours = { timeZone: 'UTC', week: { mon: [['13:00', '17:00'], ['08:00', '12:00']] } };
    expect(iso(addBusinessTime(at('2026-01-05T11:00:00Z'), 2 * H, split))).toBe('2026-01-05T14:00:00.000Z');
    expect(iso(addBusinessTime(at('2026-01-05T16:00:00Z'), 2 * H, split))).toBe('2026-01-12T09:00:00.000Z');
  });
});

describe('isOpen and nextOpening', () => {
  it('tells open from closed and finds the next opening', () => {
    expect(isOpen(at('2026-01-06T10:00:00Z'), london)).toBe(true);
    expect(isOpen(at('2026-01-06T17:30:00Z'), london)).toBe(false);
    expect(isOpen(at('2026-01-10T10:00:00Z'), london)).toBe(false);
    expect(iso(nextOpening(at('2026-01-10T10:00:00Z'), london)!)).toBe('2026-01-12T09:00:00.000Z');
    expect(nextOpening(at('2026-01-06T10:00:00Z'), london)).toBe(at('2026-01-06T10:00:00Z'));
  });
});

describe('businessTimeBetween', () => {
  it('counts only open time', () => {
    expect(businessTimeBetween(at('2026-01-09T17:00:00Z'), at('2026-01-12T10:00:00Z'), london)).toBe(1.5 * H);
    expect(businessTimeBetween(at('2026-01-09T17:00:00Z'), at('2026-01-12T10:00:00Z'), undefined)).toBe(65 * H);
  });
});

describe('businessHoursSchema', () => {
  it('accepts the documented shape', () => {
    expect(businessHoursSchema.safeParse(london).success).toBe(true);
  });
  it.each([
    [{ timeZone: 'Mars/Olympus', week: { mon: weekdays } }, 'timeZone'],
    [{ timeZone: 'UTC', week: { mon: [['17:00', '09:00']] } }, 'week.mon.0'],
    [{ timeZone: 'UTC', week: { mon: [['9am', '17:00']] } }, 'week.mon.0.0'],
    [{ timeZone: 'UTC', week: {} }, 'week'],
    [{ timeZone: 'UTC', week: { monday: weekdays } }, 'week'],
    [{ timeZone: 'UTC', week: { mon: weekdays }, holidays: ['25/12/2026'] }, 'holidays.0'],
  ])('refuses %j at %s', (hours, path) => {
    const result = businessHoursSchema.safeParse(hours);
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
