import { caseHash } from '../console/consoleRoute.ts';
import { useNodeLessons } from './lessonsContext.ts';

const when = (iso: string) => new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' });

/** The inspector's list of the lessons written on cases that passed through a node, newest first. */
export function NodeLessons({ id }: { id: string }) {
  const mine = useNodeLessons(id);
  if (!mine) return null;
  return (
    <section className="node-lessons" data-testid="node-lessons" aria-label="Lessons learned here">
      <h3>Lessons learned here</h3>
      {mine.breaches > 0 && <p className="muted small">{mine.breaches} deadline{mine.breaches === 1 ? '' : 's'} missed here in the period.</p>}
      {mine.count === 0 ? (
        <p className="muted small">No lessons in the period.</p>
      ) : (
        <ul>
          {mine.lessons.map((l) => (
            <li key={l.id} data-lesson-id={l.id}>
              <p className="lesson-text">{l.text}</p>
              <p className="muted small">
                {l.authorName ?? 'someone'} · {when(l.at)} · <a href={caseHash(l.caseId)}>open the case</a>
              </p>
            </li>
          ))}
        </ul>
      )}
      {mine.count > mine.lessons.length && <p className="muted small">Showing the newest {mine.lessons.length} of {mine.count}.</p>}
    </section>
  );
}
