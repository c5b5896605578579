/** The periods the designer's lesson badges can cover. */
export const LESSON_PERIODS = [
  { key: 'off', label: 'Lessons: hidden', days: 0 },
  { key: '7d', label: 'Lessons: last 7 days', days: 7 },
  { key: '30d', label: 'Lessons: last 30 days', days: 30 },
  { key: '90d', label: 'Lessons: last 90 days', days: 90 },
  { key: 'all', label: 'Lessons: all time', days: null },
] as const;

export type LessonPeriodKey = (typeof LESSON_PERIODS)[number]['key'];

/** The `from`/`to` of a period ending at `now`; null when hidden. */
export function periodRange(key: LessonPeriodKey, now: number): { from: string; to: string } | null {
  const p = LESSON_PERIODS.find((x) => x.key === key);
  if (!p || p.days === 0) return null;
  const from = p.days === null ? Date.parse('1970-01-01T00:00:00Z') : now - p.days * 86_400_000;
  return { from: new Date(from).toISOString(), to: new Date(now).toISOString() };
}
