/**
 * The validator's problems, indexed by the node or edge they concern, for the canvas badges.
 */
import { createContext, useContext } from 'react';
import type { Problem } from './engine.ts';

/** Problems of the open map. */
export interface ProblemIndex {
  all: Problem[];
  byNode: Map<string, Problem[]>;
  byEdge: Map<string, Problem[]>;
}

/** Groups problems by node and by edge. */
export function indexProblems(all: Problem[]): ProblemIndex {
  const byNode = new Map<string, Problem[]>();
  const byEdge = new Map<string, Problem[]>();
  for (const p of all) {
    if (p.node) byNode.set(p.node, [...(byNode.get(p.node) ?? []), p]);
    if (p.edge) byEdge.set(p.edge, [...(byEdge.get(p.edge) ?? []), p]);
  }
  return { all, byNode, byEdge };
}

export const ProblemsContext = createContext<ProblemIndex>(indexProblems([]));

const NONE: Problem[] = [];

/** Problems of one node. */
export function useNodeProblems(id: string): Problem[] {
  return useContext(ProblemsContext).byNode.get(id) ?? NONE;
}

/** Problems of one edge. */
export function useEdgeProblems(id: string): Problem[] {
  return useContext(ProblemsContext).byEdge.get(id) ?? NONE;
}

/** The worst severity among `problems`, or null. */
export function worstSeverity(problems: Problem[]): 'error' | 'warning' | null {
  if (problems.some((p) => p.severity === 'error')) return 'error';
  return problems.length ? 'warning' : null;
}
