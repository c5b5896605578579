import { memo, useContext } from 'react';
import { createPortal } from 'react-dom';
import { BaseEdge, getSmoothStepPath, useInternalNode } from '@xyflow/react';
import type { EdgeProps, EdgeTypes } from '@xyflow/react';
import { describeCondition } from '../engine.ts';
import { useEdgeProblems, worstSeverity } from '../problems.ts';
import type { FlowEdge } from '../toMapDocument.ts';
import { EdgeLabelLayer } from './edgeLabelLayer.ts';

/** The words on an edge: a decision branch's condition ("otherwise" for the else), else its label. */
function edgeWords(sourceType: string | undefined, edge: Pick<FlowEdge, 'data'>): string | undefined {
  const data = edge.data ?? {};
  if (sourceType === 'decision') return data.when ? describeCondition(data.when) : 'otherwise';
  // A pass's outcome is written on its handle; a second label on the line would only crowd it.
  if (sourceType === 'pass') return undefined;
  return data.label;
}

/** A handoff: smooth-step line, words at its middle, red and dashed for a timeout. */
export const HandoffEdge = memo(function HandoffEdge(props: EdgeProps<FlowEdge>) {
  const { id, source, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const sourceType = useInternalNode(source)?.type;
  const severity = worstSeverity(useEdgeProblems(id));
  const labelLayer = useContext(EdgeLabelLayer);
  const [path, labelX, labelY] = getSmoothStepPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, borderRadius: 10 });
  const words = edgeWords(sourceType, { data });
  const timeout = data?.on === 'timeout';
  const classes = ['handoff-edge', timeout && 'edge-timeout', severity && `edge-${severity}`, selected && 'is-selected'].filter(Boolean).join(' ');
  return (
    <>
      <BaseEdge id={id} path={path} className={classes} {...(markerEnd ? { markerEnd } : {})} />
      {words && labelLayer && createPortal(
        <div
          className={`edge-label${severity ? ` edge-label-${severity}` : ''}${sourceType === 'decision' && !data?.when ? ' edge-label-else' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          title={words}
          data-edge-label={id}
        >
          {words}
        </div>,
        labelLayer,
      )}
    </>
  );
});

/** Every edge of a map is a handoff. */
export const edgeTypes = { handoff: HandoffEdge } satisfies EdgeTypes;
