import { useNodeProblems, worstSeverity } from '../problems.ts';

/**
 * The count badge of a node with problems; hovering or focusing it lists them. The outline comes
 * from the class `problemClass` returns.
 */
export function NodeProblems({ id }: { id: string }) {
  const problems = useNodeProblems(id);
  const severity = worstSeverity(problems);
  if (!severity) return null;
  const summary = problems.map((p) => p.message).join('\n');
  return (
    <span className={`problem-badge problem-${severity}`} tabIndex={0} aria-label={`${problems.length} problem${problems.length > 1 ? 's' : ''}: ${summary}`} data-problem-count={problems.length}>
      {problems.length}
      <span className="problem-tip" role="tooltip">
        {problems.map((p, i) => (
          <span key={i} className="problem-tip-row"><code>{p.code}</code> {p.message}</span>
        ))}
      </span>
    </span>
  );
}

/** The outline class of a node, from its worst problem. */
export function useProblemClass(id: string): string {
  const severity = worstSeverity(useNodeProblems(id));
  return severity ? ` has-${severity}` : '';
}
