import { z } from 'zod';

/** The week keys of team hours, Monday first. */
export const WEEK_DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekDay = (typeof WEEK_DAYS)[number];

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time of day such as 09:00 (24:00 for midnight at the end)');

/** One open stretch of a day, local time: `["09:00","17:30"]`. */
export const openSpanSchema = z.tuple([clock, clock]).refine(([from, to]) => from < to, {
  message: 'must open before it closes, such as ["09:00","17:30"]',
});

function validTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * When a team works: open stretches per weekday in its time zone, and whole days off.
 * A weekday that is absent or empty is closed all day.
 */
export const businessHoursSchema = z
  .object({
    timeZone: z.string().min(1).max(64).refine(validTimeZone, { message: 'must be an IANA time zone such as Europe/London' }),
    week: z.object(Object.fromEntries(WEEK_DAYS.map((d) => [d, z.array(openSpanSchema).max(8).optional()])) as Record<WeekDay, z.ZodOptional<z.ZodArray<typeof openSpanSchema>>>).strict(),
    holidays: z.array(z.iso.date({ message: 'must be a date such as 2026-12-25' })).max(400).optional(),
  })
  .strict()
  .refine((h) => WEEK_DAYS.some((d) => (h.week[d] ?? []).length > 0), {
    path: ['week'], message: 'must open at least once a week (otherwise no deadline would ever fall due)',
  });

export type BusinessHours = z.infer<typeof businessHoursSchema>;
