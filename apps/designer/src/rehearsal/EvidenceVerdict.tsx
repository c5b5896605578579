import { useState } from 'react';
import type { VersionEvidence } from '../api/rehearsal.ts';
import './rehearsal.css';

/**
 * Beside the diff: whether the version passed its kept scenarios' must-pass bars, the bars it
 * failed, and — for an admin — approving despite them with a written reason the audit log keeps.
 */
export function EvidenceVerdict({ evidence, isAdmin, canDecide, deciding, comment, onOverride }: {
  evidence: VersionEvidence | null | undefined;
  isAdmin: boolean;
  /** Whether this person may decide on the version at all (approver, not its author, version submitted). */
  canDecide: boolean;
  deciding: boolean;
  comment: string;
  onOverride: (reason: string, comment: string) => void;
}) {
  const [reason, setReason] = useState('');
  if (!evidence || evidence.state === 'none') return null;
  if (evidence.state === 'running') {
    return <p className="evidence-verdict is-running small" data-testid="evidence-verdict" data-verdict="running">Rehearsing v{evidence.version} on its kept scenarios… Approve waits for the evidence.</p>;
  }
  if (evidence.passed) {
    return <p className="evidence-verdict is-passed small" data-testid="evidence-verdict" data-verdict="passed">✓ v{evidence.version} passed every must-pass bar of its {evidence.scenarios.length} kept scenario{evidence.scenarios.length === 1 ? '' : 's'}.</p>;
  }
  return (
    <div className="evidence-verdict is-failed small" data-testid="evidence-verdict" data-verdict="failed" role="status">
      <strong>✗ v{evidence.version} failed {evidence.failedBars.length} must-pass bar{evidence.failedBars.length === 1 ? '' : 's'}</strong>
      <ul className="evidence-bars">{evidence.failedBars.map((b, i) => <li key={i}><em>{b.scenario}:</em> {b.sentence}</li>)}</ul>
      {evidence.override ? (
        <p>Approved anyway by {evidence.override.by}: “{evidence.override.reason}”</p>
      ) : isAdmin && canDecide ? (
        <div className="field">
          <label htmlFor="override-reason">Approve anyway — why? (kept in the audit log)</label>
          <textarea id="override-reason" name="override" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="danger" data-testid="approve-override" disabled={deciding || reason.trim().length < 3} onClick={() => onOverride(reason.trim(), comment)}>
            Approve despite failed bars
          </button>
        </div>
      ) : (
        <p>It cannot be approved until a new version passes{canDecide ? '; only an admin may approve it anyway, with a reason' : ''}.</p>
      )}
    </div>
  );
}
