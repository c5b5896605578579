import { z } from 'zod';

const tally = z.object({ key: z.string(), count: z.number().int() });

/**
 * The listening officer's day (`GET /api/digest?date=YYYY-MM-DD`, and the morning e-mail): what
 * came in, what went wrong, what the team learned, over one UTC day.
 */
export const digestSchema = z.object({
  date: z.string(),
  from: z.string(),
  to: z.string(),
  mentions: z.object({
    total: z.number().int(),
    byNetwork: z.array(tally),
    /** `(none)` for mentions that name no brand. */
    byBrand: z.array(tally),
    /** By map name; `(unrouted)` for mentions no map took, `(dismissed)` for those the hub set aside. */
    byMap: z.array(tally),
  }),
  crises: z.array(z.object({ mapId: z.string(), mapName: z.string(), startedAt: z.string(), endedAt: z.string().nullable() })),
  cases: z.object({
    opened: z.number().int(),
    ended: z.number().int(),
    /** Not ended at the end of the day (or now, for today). */
    open: z.number().int(),
    /** Cases that missed a deadline during the day, most recent first (at most 50). */
    breached: z.array(z.object({ caseId: z.string(), mapName: z.string(), node: z.string(), team: z.string().nullable(), at: z.string() })),
  }),
  topTags: z.array(tally),
  topKeywords: z.array(tally),
  lessons: z.array(z.object({ caseId: z.string(), mapName: z.string(), author: z.string().nullable(), at: z.string(), text: z.string() })),
});

export type Digest = z.infer<typeof digestSchema>;
