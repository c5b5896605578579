import { LESSON_PERIODS, type LessonPeriodKey } from './lessonPeriod.ts';

/** The toolbar control that picks the period the lesson badges cover (or hides them). */
export function LessonPeriodPicker({ value, onChange, failed }: { value: LessonPeriodKey; onChange: (key: LessonPeriodKey) => void; failed: boolean }) {
  return (
    <label className="lesson-period" title={failed ? 'Could not load the lessons' : 'Lessons and breaches on the map'}>
      <span className="visually-hidden">Lessons on the map</span>
      <select value={value} data-testid="lesson-period" onChange={(e) => onChange(e.target.value as LessonPeriodKey)}>
        {LESSON_PERIODS.map((p) => <option key={p.key} value={p.key}>{p.label}</option>)}
      </select>
    </label>
  );
}
