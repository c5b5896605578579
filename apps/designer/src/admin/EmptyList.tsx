import type { ReactNode } from 'react';

/** What an empty list says, and what to do about it. */
export function EmptyList({ testId, children }: { testId: string; children: ReactNode }) {
  return (
    <div className="empty-state admin-empty" data-testid={testId}>
      <p>{children}</p>
    </div>
  );
}
