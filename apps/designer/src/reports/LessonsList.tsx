import type { ReportLesson } from '../api/reports.ts';
import { whenInWords } from './period.ts';

/** What the teams learned, newest first: the question the map asked, the answer, and the case. */
export function LessonsList({ lessons }: { lessons: ReportLesson[] }) {
  if (!lessons.length) return <p className="muted" data-testid="report-lessons">No lessons written in this period. Ends that ask for one collect them here.</p>;
  return (
    <ol className="report-lessons" data-testid="report-lessons">
      {lessons.map((l) => (
        <li key={l.id} className="report-lesson" data-lesson-case={l.caseId}>
          <p className="report-lesson-where">
            <span className="report-lesson-map">{l.mapName}</span>
            {' · '}{l.outcome ? <>ended <strong>{l.nodeLabel}</strong></> : <>at <strong>{l.nodeLabel}</strong></>}
          </p>
          {l.prompt ? <p className="report-lesson-prompt">{l.prompt}</p> : null}
          <blockquote className="report-lesson-text">{l.text}</blockquote>
          <p className="report-lesson-meta muted">
            {l.authorName ?? 'Someone'}, {whenInWords(l.at)} · <a href={`#/console/case/${encodeURIComponent(l.caseId)}`}>Open the case</a>
          </p>
        </li>
      ))}
    </ol>
  );
}
