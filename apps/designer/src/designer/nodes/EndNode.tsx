import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { useMapStore } from '../useMapStore.ts';
import type { EndFlowNode } from '../toMapDocument.ts';
import { NodeProblems, useProblemClass } from './NodeProblems.tsx';
import { SimulationBadge } from '../../simulation/SimulationBadge.tsx';
import { LessonBadge } from '../../lessons/LessonBadge.tsx';
import { recipientWords } from './words.ts';

/** A finish pill: the outcome, who is told, and whether a lesson is required. */
export const EndNode = memo(function EndNode({ id, data, selected }: NodeProps<EndFlowNode>) {
  const problemClass = useProblemClass(id);
  const teams = useMapStore((s) => s.settings.teams);
  const told = (data.notify ?? []).map((r) => recipientWords(r, teams));
  return (
    <div className={`map-node node-end${problemClass}${selected ? ' is-selected' : ''}`} data-node-type="end">
      <Handle type="target" position={Position.Top} className="handle" />
      <div className="node-head">
        <span className="node-kind" aria-hidden="true">■ Finish</span>
        <span className="node-label">{data.label}</span>
        {data.lessons?.required && <span className="lesson-badge" title={data.lessons.prompt ?? 'A lesson must be written before the case ends'}>lesson</span>}
      </div>
      <p className="node-sentence">outcome: {data.outcome}</p>
      {told.length > 0 && <p className="node-sentence">tell: {told.join(', ')}</p>}
      <NodeProblems id={id} />
      <SimulationBadge id={id} />
      <LessonBadge id={id} />
    </div>
  );
});
