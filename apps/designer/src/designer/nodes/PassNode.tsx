import { memo, useEffect, useRef } from 'react';
import { Handle, Position, useUpdateNodeInternals } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { durationInWords } from '@baton/engine';
import { useMapStore } from '../useMapStore.ts';
import type { PassFlowNode } from '../toMapDocument.ts';
import { NodeProblems, useProblemClass } from './NodeProblems.tsx';
import { SimulationBadge } from '../../simulation/SimulationBadge.tsx';
import { LessonBadge } from '../../lessons/LessonBadge.tsx';
import { teamName } from './words.ts';

/**
 * The largest card: to whom, what before, what is expected by when; one labelled source handle
 * per outcome and a red one for the timeout.
 */
export const PassNode = memo(function PassNode({ id, data, selected }: NodeProps<PassFlowNode>) {
  const problemClass = useProblemClass(id);
  const teams = useMapStore((s) => s.settings.teams);
  const checks = data.preAction?.checklist?.length ?? 0;
  // A document that does not fit the schema still draws; the validator says what is missing.
  const outcomes = data.expected?.outcomes ?? [];
  // Outcome handles come and go with the outcomes; React Flow must re-measure them.
  const updateNodeInternals = useUpdateNodeInternals();
  const outcomeKey = outcomes.join('\n');
  const measuredKey = useRef(outcomeKey);
  useEffect(() => {
    if (measuredKey.current === outcomeKey) return;
    measuredKey.current = outcomeKey;
    updateNodeInternals(id);
  }, [id, outcomeKey, updateNodeInternals]);
  // Wide enough for every outcome label on one row, so each handle sits on the bottom edge.
  const width = Math.max(300, 40 + [...outcomes, 'timeout'].reduce((sum, o) => sum + 7.2 * o.length + 26, 0));
  return (
    <div className={`map-node node-pass${problemClass}${selected ? ' is-selected' : ''}`} data-node-type="pass" style={{ width }}>
      <Handle type="target" position={Position.Top} className="handle" />
      <div className="node-head">
        <span className="node-kind" aria-hidden="true">⇢ Pass</span>
        <span className="node-label">{data.label}</span>
        {data.channel === 'offline' && <span className="offline-badge" title="Handled offline (phone, in person)">offline</span>}
      </div>
      <p className="pass-to">Pass to <strong>{teamName(data.to?.team ?? '?', teams)}</strong>{data.to?.member ? ` · ${data.to.member}` : ''}</p>
      <p className="pass-line">Before passing: {checks === 0 ? 'no checks' : `${checks} check${checks > 1 ? 's' : ''}`}</p>
      <p className="pass-line">Expected: {data.expected?.action ?? '?'} — within {durationInWords(data.expected?.within ?? '?', { exact: true })}</p>
      <div className="outcome-row">
        {outcomes.map((outcome) => (
          <span key={outcome} className="outcome">
            {outcome}
            <Handle type="source" position={Position.Bottom} id={outcome} className="handle handle-outcome" aria-label={`Connect outcome ${outcome}`} />
          </span>
        ))}
        <span className="outcome outcome-timeout" title="Where the case goes when the deadline passes">
          timeout
          <Handle type="source" position={Position.Bottom} id="timeout" className="handle handle-timeout" aria-label="Connect timeout" />
        </span>
      </div>
      <NodeProblems id={id} />
      <SimulationBadge id={id} />
      <LessonBadge id={id} />
    </div>
  );
});
