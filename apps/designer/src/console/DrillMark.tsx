/** The mark on a drill case (queue row and case view): practice, not a real customer. */
export function DrillMark({ drill }: { drill: string | null | undefined }) {
  if (!drill) return null;
  return (
    <span className="drill-mark" data-testid="drill-mark" data-drill-id={drill} title="A drill case: practice for the team, not a real customer">
      Drill
    </span>
  );
}

/** The line under a drill case's title saying what a drill case is and what happens to what you send. */
export function DrillNotice({ drill }: { drill: string | null | undefined }) {
  if (!drill) return null;
  return (
    <p className="drill-notice" data-testid="drill-notice" role="note">
      This is a drill case. Work it as usual: replies are not posted and notifications are held, and it does not count in reports.
    </p>
  );
}
