import { z } from 'zod';

/** Ids are 1–128 characters of `[A-Za-z0-9_.:-]` (docs/maps.md). */
export const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,128}$/, 'must be 1–128 characters of letters, digits, _ . : -');

/** An ISO 8601 UTC time such as `2026-01-01T09:00:00Z`. */
export const isoTimeSchema = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time such as 2026-01-01T09:00:00Z' });

const DURATION_RE = /^P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * Parses an ISO 8601 duration (`PT15M`, `PT2H`, `P1D`, `P1DT2H30M`) into milliseconds.
 * Returns `undefined` for anything else; years and months are refused because their length varies.
 */
export function parseDuration(text: string): number | undefined {
  const m = DURATION_RE.exec(text);
  if (!m || text === 'P' || text.endsWith('T')) return undefined;
  const [, w, d, h, min, s] = m;
  const ms =
    Number(w ?? 0) * 604_800_000 +
    Number(d ?? 0) * 86_400_000 +
    Number(h ?? 0) * 3_600_000 +
    Number(min ?? 0) * 60_000 +
    Number(s ?? 0) * 1000;
  return Number.isFinite(ms) ? ms : undefined;
}

/** An ISO 8601 duration string: weeks, days, hours, minutes, seconds (`PT15M`, `P1D`). */
export const durationSchema = z
  .string()
  .max(64)
  .refine((s) => parseDuration(s) !== undefined, {
    message: 'must be an ISO 8601 duration such as PT15M, PT2H or P1D',
  });

/** Who is told: a team, a member, a webhook URL, an e-mail address or a Slack incoming webhook. */
export const recipientSchema = z.union([
  z.object({ team: idSchema }),
  z.object({ member: z.string().min(1).max(256) }),
  z.object({ webhook: z.url({ protocol: /^https?$/ }) }),
  z.object({ email: z.email() }),
  z.object({ slack: z.url({ protocol: /^https?$/ }) }),
]);

/** A brand or account the organisation answers for (docs/mentions.md): the same shape as an id. */
export const brandSchema = idSchema;
export type Recipient = z.infer<typeof recipientSchema>;
