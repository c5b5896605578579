import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { describeCondition } from '../engine.ts';
import type { TriggerFlowNode } from '../toMapDocument.ts';
import { NodeProblems, useProblemClass } from './NodeProblems.tsx';
import { SimulationBadge } from '../../simulation/SimulationBadge.tsx';
import { LessonBadge } from '../../lessons/LessonBadge.tsx';
import { useMapStore } from '../useMapStore.ts';

/** A start pill: what makes us pass the ball, as a sentence, with its priority and the brands the map listens to. */
export const TriggerNode = memo(function TriggerNode({ id, data, selected }: NodeProps<TriggerFlowNode>) {
  const problemClass = useProblemClass(id);
  const brands = useMapStore((s) => s.settings.listensTo?.brands);
  return (
    <div className={`map-node node-trigger${problemClass}${selected ? ' is-selected' : ''}`} data-node-type="trigger">
      <div className="node-head">
        <span className="node-kind" aria-hidden="true">▶ Start</span>
        <span className="node-label">{data.label}</span>
        <span className="priority-badge" title="Priority: higher triggers are tried first">P{data.priority ?? 0}</span>
      </div>
      <p className="node-sentence">{describeCondition(data.when)}</p>
      {brands && brands.length > 0 && <p className="node-brands" data-node-brands>Only mentions of {brands.join(', ')}</p>}
      <NodeProblems id={id} />
      <SimulationBadge id={id} />
      <LessonBadge id={id} />
      <Handle type="source" position={Position.Bottom} className="handle" aria-label="Connect the next step" />
    </div>
  );
});
