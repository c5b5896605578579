import { memo } from 'react';
import { useNodeLessons } from './lessonsContext.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** A node's lessons and breaches for the chosen period: a small badge, nothing when there are none. */
export const LessonBadge = memo(function LessonBadge({ id }: { id: string }) {
  const mine = useNodeLessons(id);
  if (!mine || (mine.count === 0 && mine.breaches === 0)) return null;
  const words = [mine.count ? plural(mine.count, 'lesson', 'lessons') : null, mine.breaches ? plural(mine.breaches, 'breach', 'breaches') : null].filter(Boolean).join(' · ');
  return (
    <span className="lesson-count-badge" data-lesson-node={id} data-lesson-count={mine.count} data-breach-count={mine.breaches} title={`${words} on cases that passed here`} aria-label={`${words} on cases that passed here`}>
      {mine.count > 0 && <span className="lesson-count">✎ {mine.count}</span>}
      {mine.breaches > 0 && <span className="breach-count">{mine.breaches} late</span>}
    </span>
  );
});
