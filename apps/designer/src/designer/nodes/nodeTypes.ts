import type { NodeTypes } from '@xyflow/react';
import { ActionNode } from './ActionNode.tsx';
import { DecisionNode } from './DecisionNode.tsx';
import { EndNode } from './EndNode.tsx';
import { PassNode } from './PassNode.tsx';
import { TriggerNode } from './TriggerNode.tsx';

/** One component per node type, declared once so React Flow never remounts them. */
export const nodeTypes = {
  trigger: TriggerNode,
  decision: DecisionNode,
  action: ActionNode,
  pass: PassNode,
  end: EndNode,
} satisfies NodeTypes;
