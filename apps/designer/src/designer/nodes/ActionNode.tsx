import { memo } from 'react';
import { Handle, Position } from '@xyflow/react';
import type { NodeProps } from '@xyflow/react';
import { useMapStore } from '../useMapStore.ts';
import type { ActionFlowNode } from '../toMapDocument.ts';
import { NodeProblems, useProblemClass } from './NodeProblems.tsx';
import { SimulationBadge } from '../../simulation/SimulationBadge.tsx';
import { LessonBadge } from '../../lessons/LessonBadge.tsx';
import { effectWords } from './words.ts';

/** An automated step, listing its effects. */
export const ActionNode = memo(function ActionNode({ id, data, selected }: NodeProps<ActionFlowNode>) {
  const problemClass = useProblemClass(id);
  const teams = useMapStore((s) => s.settings.teams);
  return (
    <div className={`map-node node-action${problemClass}${selected ? ' is-selected' : ''}`} data-node-type="action">
      <Handle type="target" position={Position.Top} className="handle" />
      <div className="node-head">
        <span className="node-kind" aria-hidden="true">⚙ Auto</span>
        <span className="node-label">{data.label}</span>
      </div>
      {(data.do ?? []).length > 0 ? (
        <ul className="effect-list">
          {(data.do ?? []).map((effect, i) => <li key={i}>{effectWords(effect, teams)}</li>)}
        </ul>
      ) : (
        <p className="node-sentence muted">does nothing yet</p>
      )}
      <NodeProblems id={id} />
      <SimulationBadge id={id} />
      <LessonBadge id={id} />
      <Handle type="source" position={Position.Bottom} className="handle" />
    </div>
  );
});
