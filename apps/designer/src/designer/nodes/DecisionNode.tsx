import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import type { DecisionFlowNode } from '../toMapDocument.ts';
import { NodeProblems, useProblemClass } from './NodeProblems.tsx';
import { SimulationBadge } from '../../simulation/SimulationBadge.tsx';
import { LessonBadge } from '../../lessons/LessonBadge.tsx';

/** A fork: its branches carry the conditions, in words, on the edges. */
export const DecisionNode = memo(function DecisionNode({ id, data, selected }: NodeProps<DecisionFlowNode>) {
  const problemClass = useProblemClass(id);
  return (
    <div className={`map-node node-decision${problemClass}${selected ? ' is-selected' : ''}`} data-node-type="decision">
      <Handle type="target" position={Position.Top} className="handle" />
      <div className="decision-body">
        <span className="node-kind" aria-hidden="true">◆ Decide</span>
        <span className="node-label">{data.label}</span>
      </div>
      <NodeProblems id={id} />
      <SimulationBadge id={id} />
      <LessonBadge id={id} />
      <Handle type="source" position={Position.Bottom} className="handle" />
    </div>
  );
});
