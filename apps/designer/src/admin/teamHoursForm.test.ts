import { describe, expect, it } from 'vitest';
import { hoursFields, readHours } from './teamHoursForm.ts';

describe('the team hours form', () => {
  it('reads what an admin types into hours', () => {
    const f = hoursFields(null, 'Europe/London');
    f.days.mon = '9:00-12:30, 13:30 – 17:30';
    f.holidays = '2026-12-25, 2026-12-26';
    expect(readHours(f)).toEqual({ hours: {
      timeZone: 'Europe/London',
      week: { mon: [['09:00', '12:30'], ['13:30', '17:30']], tue: [['09:00', '17:30']], wed: [['09:00', '17:30']], thu: [['09:00', '17:30']], fri: [['09:00', '17:30']] },
      holidays: ['2026-12-25', '2026-12-26'],
    } });
  });

  it('shows saved hours the same way', () => {
    const f = hoursFields({ timeZone: 'UTC', week: { sat: [['10:00', '14:00']] } }, 'Europe/London');
    expect(f).toMatchObject({ timeZone: 'UTC', holidays: '', days: { sat: '10:00-14:00', mon: '' } });
  });

  it('says what is wrong in plain words', () => {
    const f = hoursFields(null, 'Mars/Base');
    expect(readHours(f)).toEqual({ error: 'timeZone: must be an IANA time zone such as Europe/London' });
    const g = hoursFields(null, 'UTC');
    g.days.tue = 'mornings';
    expect('error' in readHours(g) && readHours(g)).toMatchObject({ error: expect.stringMatching(/^tue: write opening hours as 09:00-17:30/) });
    g.days.tue = '17:00-09:00';
    expect(readHours(g)).toEqual({ error: 'week.tue.0: must open before it closes, such as ["09:00","17:30"]' });
  });
});
