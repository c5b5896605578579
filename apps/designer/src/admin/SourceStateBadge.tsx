import type { SourceInfo } from '../api/sources.ts';

const TONE = { running: 'state-approved', paused: 'state-paused', failing: 'state-rejected' } as const;

/** Running, paused, or failing with the reason. */
export function SourceStateBadge({ source }: { source: SourceInfo }) {
  return (
    <span className="source-state">
      <span className={`state-badge ${TONE[source.state]}`} data-source-state={source.state}>{source.state}</span>
      {source.state === 'failing' && source.lastError && <span className="source-error" role="note">{source.lastError}</span>}
    </span>
  );
}
