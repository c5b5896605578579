import { useState } from 'react';
import type { User, VersionInfo } from '../../api/client.ts';
import type { BatonMap, Condition } from '@baton/engine';
import type { FieldChange, MapDiff } from '@baton/engine';
import { durationInWords } from '@baton/engine';
import { describeCondition } from '../engine.ts';
import type { Problem } from '../engine.ts';
import { useMapStore } from '../useMapStore.ts';
import type { VersionEvidence } from '../../api/rehearsal.ts';
import { EvidenceVerdict } from '../../rehearsal/EvidenceVerdict.tsx';

/** A changed value in words: durations as "45 min", conditions as sentences, lists joined. */
function show(field: string, value: unknown): string {
  if (value === undefined) return field === 'when' ? 'otherwise' : '—';
  if (typeof value === 'string') return /(^|\.)(within|window|cooldown)$/.test(field) ? `${durationInWords(value, { exact: true })} (${value})` : value;
  if (field === 'when' || field.endsWith('.when')) return describeCondition(value as Condition);
  if (value === null) return '—';
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

/** One body of a field-by-field table: each changed field, what it was and what it becomes. */
function FieldRows({ fields }: { fields: FieldChange[] }) {
  return (
    <tbody>
      {fields.map((f) => (
        <tr key={f.field}><th scope="row">{f.field}</th><td className="diff-from">{show(f.field, f.from)}</td><td className="diff-to">{show(f.field, f.to)}</td></tr>
      ))}
    </tbody>
  );
}

/**
 * The approver's panel: what changed against the active version, field by field, the validator's
 * verdict, and Approve / Reject with a comment.
 */
export function ReviewPanel(props: {
  diff: MapDiff | null;
  active: BatonMap | null;
  activeVersion: number | null;
  latest: VersionInfo | null;
  user: User;
  problems: Problem[];
  deciding: boolean;
  onDecide: (verdict: 'approve' | 'reject', comment: string) => void;
  /** The version's evidence from its kept scenarios (undefined while loading, null when none can exist). */
  evidence: VersionEvidence | null | undefined;
  /** An admin approves despite failed evidence, with a reason. */
  onOverride: (reason: string, comment: string) => void;
}) {
  const { diff, active, activeVersion, latest, user, problems, deciding, onDecide, evidence, onOverride } = props;
  const [comment, setComment] = useState('');
  const nodes = useMapStore((s) => s.nodes);
  const edges = useMapStore((s) => s.edges);
  const labelOf = (id: string) => nodes.find((n) => n.id === id)?.data.label ?? id;
  const removedLinkWords = (id: string) => {
    const edge = active?.edges.find((e) => e.id === id);
    if (!edge) return id;
    const label = (nodeId: string) => active?.nodes.find((n) => n.id === nodeId)?.label ?? nodeId;
    return `${label(edge.source)}${edge.on ? ` on ${edge.on}` : ''} → ${label(edge.target)}`;
  };
  const linkWords = (id: string) => {
    const edge = edges.find((e) => e.id === id);
    if (!edge) return id;
    const on = edge.data?.on ? ` on ${edge.data.on}` : '';
    return `${labelOf(edge.source)}${on} → ${labelOf(edge.target)}`;
  };
  const isApprover = user.roles.includes('approver');
  const authored = latest && (latest.createdBy === user.id || latest.createdBy === user.email || latest.submittedBy === user.id || latest.submittedBy === user.email);
  const waiting = latest?.state === 'submitted';
  const errors = problems.filter((p) => p.severity === 'error').length;
  const why = !latest ? 'Save and submit the map first.'
    : !waiting ? `Version ${latest.version} is ${latest.state}, not waiting for approval.`
    : !isApprover ? 'Only an approver can decide.'
    : authored ? 'You cannot approve a version you wrote; another approver must.'
    : null;
  const evidenceBlocks = !why && (evidence?.state === 'running' ? 'Its kept scenarios are still being rehearsed; Approve waits for the evidence.'
    : evidence?.passed === false && !evidence.override ? 'It failed must-pass bars (above), so it cannot be approved; reject it with a comment, or an admin may approve it anyway with a reason.'
    : null);

  return (
    <aside className="inspector review-panel" aria-label="Review" data-testid="review-panel">
      <div className="inspector-body">
        <p className="inspector-kind">
          Review {latest ? `v${latest.version}` : 'this map'} against {activeVersion ? `active v${activeVersion}` : 'nothing active yet'}
        </p>
        <ul className="legend">
          <li><span className="swatch swatch-added" /> added</li>
          <li><span className="swatch swatch-changed" /> changed</li>
          <li><span className="swatch swatch-removed" /> removed</li>
        </ul>
        {!diff ? (
          <p className="muted">Comparing…</p>
        ) : (
          <div className="diff-summary" data-testid="diff-summary">
            <p>
              <strong data-diff-added={diff.nodes.added.length}>{diff.nodes.added.length} added</strong>,{' '}
              <strong data-diff-changed={diff.nodes.changed.length}>{diff.nodes.changed.length} changed</strong>,{' '}
              <strong data-diff-removed={diff.nodes.removed.length}>{diff.nodes.removed.length} removed</strong> steps;{' '}
              {diff.edges.added.length + diff.edges.removed.length + diff.edges.changed.length} link changes.
            </p>
            {diff.nodes.changed.map((c) => (
              <details key={c.id} open>
                <summary>{labelOf(c.id)} <span className="muted small">({c.id})</span></summary>
                <table className="field-diff">
                  <FieldRows fields={c.fields} />
                </table>
              </details>
            ))}
            {(diff.edges.added.length > 0 || diff.edges.removed.length > 0 || diff.edges.changed.length > 0) && (
              <details open data-testid="diff-links">
                <summary>Links</summary>
                <ul className="link-diff">
                  {diff.edges.added.map((id) => <li key={`a-${id}`} className="diff-to">added: {linkWords(id)}</li>)}
                  {diff.edges.removed.map((id) => <li key={`r-${id}`} className="diff-from">removed: {removedLinkWords(id)}</li>)}
                </ul>
                {diff.edges.changed.map((c) => (
                  <table key={c.id} className="field-diff">
                    <caption>{linkWords(c.id)}</caption>
                    <FieldRows fields={c.fields} />
                  </table>
                ))}
              </details>
            )}
            {diff.settings.length > 0 && (
              <details open>
                <summary>Map settings</summary>
                <table className="field-diff">
                  <FieldRows fields={diff.settings} />
                </table>
              </details>
            )}
          </div>
        )}
        <EvidenceVerdict evidence={evidence} isAdmin={user.roles.includes('admin')} canDecide={!why} deciding={deciding} comment={comment} onOverride={onOverride} />
        <p className={errors ? 'field-error' : 'muted'}>
          {errors ? `The validator finds ${errors} error${errors > 1 ? 's' : ''}.` : 'The validator finds no errors.'} Under the map: the evidence of its kept scenarios, a replay of real mentions, and the shipped scenarios rehearsed in this browser{activeVersion ? ', next to the active version' : ''}.
        </p>
        <div className="field">
          <label htmlFor="review-comment">Comment</label>
          <textarea id="review-comment" name="comment" rows={3} value={comment} placeholder="Why approve or reject? (required to reject)" onChange={(e) => setComment(e.target.value)} />
        </div>
        {(why ?? evidenceBlocks) && <p className="field-hint" data-testid="review-blocked">{why ?? evidenceBlocks}</p>}
        <div className="row-buttons">
          <button type="button" className="primary" data-testid="approve-version" disabled={!!why || !!evidenceBlocks || deciding} onClick={() => onDecide('approve', comment)}>
            Approve
          </button>
          <button type="button" className="danger" data-testid="reject-version" disabled={!!why || deciding || !comment.trim()} title={comment.trim() ? undefined : 'Write a comment to reject'} onClick={() => onDecide('reject', comment)}>
            Reject
          </button>
        </div>
      </div>
    </aside>
  );
}
